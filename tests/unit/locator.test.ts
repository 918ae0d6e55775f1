import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { geoContains, geoDistance, geoGraticule10, geoOrthographic, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { boxCenter, boxPolygon, drawLocator, drawLocatorInPieces, showLocator } from '../../src/lib/geo/locator.ts';
import { landPatches, locatorLand } from '../../src/lib/geo/locatorLand.ts';
import type { BBox } from '../../src/lib/story/model.ts';

/** A made-up continent: a square 40° across on the equator. */
const square: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-20, -20],
        [-20, 20],
        [20, 20],
        [20, -20],
        [-20, -20],
      ],
    ],
  },
};

const land = landPatches(square);

const worldTopology = () =>
  JSON.parse(
    readFileSync(new URL('../../node_modules/world-atlas/land-110m.json', import.meta.url), 'utf8'),
  ) as Topology<{ land: GeometryCollection }>;

describe('showLocator', () => {
  it.each([
    { zoom: 1, shown: false },
    { zoom: 3.9, shown: false },
    { zoom: 4, shown: true },
    { zoom: 9, shown: true },
  ])('zoom $zoom → $shown', ({ zoom, shown }) => expect(showLocator(zoom)).toBe(shown));
});

describe('boxCenter', () => {
  it.each([
    { name: 'a plain box', box: [10, 0, 20, 10] as BBox, expected: [15, 5] },
    { name: 'a box across 180° written eastwards', box: [170, -20, 200, -10] as BBox, expected: [-175, -15] },
    { name: 'a box across 180° written westwards', box: [-190, -20, -160, -10] as BBox, expected: [-175, -15] },
  ])('$name', ({ box, expected }) => expect(boxCenter(box)).toEqual(expected));
});

describe('boxPolygon', () => {
  it('holds the box, and not the rest of the world', () => {
    const box = boxPolygon([-74, 18, -71, 20]);
    expect(geoContains(box, [-72.3, 18.5])).toBe(true);
    expect(geoContains(box, [37, 0])).toBe(false);
  });
});

describe('drawLocator', () => {
  it('faces the frame: its centre is drawn in the middle of the globe', () => {
    const d = drawLocator([-10, -10, 10, 10], land, 100);
    expect(d.sphere).toMatch(/^M/);
    expect(d.land).toMatch(/^M/);
    expect('box' in d.frame).toBe(true);
  });

  it('draws a frame too small to see as a ring at its centre', () => {
    const d = drawLocator([-0.1, -0.1, 0.1, 0.1], land, 100);
    expect(d.frame).toEqual({ ring: [50, 50] });
  });

  it('draws nothing of land on the far side of the globe', () => {
    expect(drawLocator([170, -10, 190, 10], land, 100).land).toBe('');
  });

  it('keeps a polar frame in view, tilted no more than 60°', () => {
    const d = drawLocator([-30, 75, 30, 85], land, 100);
    expect('box' in d.frame).toBe(true);
  });

  it('turns in whole degrees: two close-ups of one place share the globe, each with its own frame', () => {
    const a = drawLocator([-76, 16, -69, 20.4], land, 100);
    const b = drawLocator([-75.2, 15.2, -69.6, 21.6], land, 100);
    expect(b.land).toBe(a.land);
    expect(b.graticule).toBe(a.graticule);
    expect(b.frame).not.toEqual(a.frame);
    // A degree further the globe has turned.
    expect(drawLocator([-74.1, 18.4, -73.6, 18.7], land, 100).graticule).not.toBe(a.graticule);
  });

  it('draws each land of its own, not from what another land drew facing the same way', () => {
    const moved = landPatches({
      ...square,
      geometry: { type: 'Polygon', coordinates: [square.geometry.coordinates[0]!.map(([x, y]) => [x! + 5, y!])] },
    });
    expect(drawLocator([-10, -10, 10, 10], moved, 100).land).not.toBe(drawLocator([-10, -10, 10, 10], land, 100).land);
  });

  it('leaves out only land that cannot show: the world from every side is drawn as in full', () => {
    // The inset leaves the far side's polygons out before projecting them; the globe must look the
    // same as one given the whole world, wherever it faces (the poles included).
    const patches = locatorLand(worldTopology());
    const world: MultiPolygon = { type: 'MultiPolygon', coordinates: patches.map((p) => p.rings) };
    let compared = 0;
    for (let lng = -180; lng < 180; lng += 30)
      for (let lat = -85; lat <= 85; lat += 20) {
        const tilt = Math.max(-60, Math.min(60, lat));
        const globe = geoOrthographic()
          .rotate([-lng, -tilt])
          .scale(49)
          .translate([50, 50])
          .clipAngle(90)
          .precision(0.5);
        const whole = geoPath(globe).digits(1)(world) ?? '';
        const drawn = drawLocator([lng - 1, lat - 1, lng + 1, lat + 1], patches, 100);
        expect(drawn.land, `facing ${lng}, ${lat}`).toBe(whole);
        // Drawn in pieces, the graticule is the one d3 draws whole.
        expect(drawn.graticule, `graticule facing ${lng}, ${lat}`).toBe(geoPath(globe).digits(1)(geoGraticule10()));
        compared += whole.length > 0 ? 1 : 0;
      }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('drawLocatorInPieces', () => {
  const pauses = (bounds: BBox, patches: ReturnType<typeof locatorLand>) => {
    const pieces = drawLocatorInPieces(bounds, patches, 112);
    let count = 0;
    while (!pieces.next().done) count++;
    return count;
  };

  it('pauses after each polygon of land a new facing shows, and not at all for a facing drawn before', () => {
    const patches = locatorLand(worldTopology());
    const haiti: BBox = [-75, 17, -71, 21];
    const first = pauses(haiti, patches);
    // The Americas' side of the world: dozens of polygons, each a piece of its own.
    expect(first).toBeGreaterThan(40);
    expect(pauses(haiti, patches)).toBe(0);
    // Half a world away, the globe is drawn again, in pieces.
    expect(pauses([100, -10, 110, 0], patches)).toBeGreaterThan(40);
  });
});

describe('locatorLand (the build)', () => {
  const topology = worldTopology();
  const patches = locatorLand(worldTopology());
  const whole = feature(topology, topology.objects.land);
  const points = (rings: number[][][][]) => rings.flat(2).length;

  it("gives each polygon a cap that holds every one of its points, so the far side's test is safe", () => {
    for (const p of patches)
      for (const point of p.rings.flat())
        expect(geoDistance(p.center, point as [number, number])).toBeLessThanOrEqual(p.radius);
  });

  it('keeps every polygon of the land, with most of its points', () => {
    const before = whole.features.flatMap((f) =>
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : [],
    );
    expect(patches.length).toBe(before.length);
    const kept = points(patches.map((p) => p.rings)) / points(before);
    expect(kept).toBeGreaterThan(0.6);
    expect(kept).toBeLessThan(0.9);
  });

  it('draws the globe as the whole land did, to within a pixel of the inset', () => {
    // At the inset's largest size on a screen of 3 device pixels per px (112 × 3 = 336 pixels).
    const globe = geoOrthographic().rotate([72, -19]).scale(167).translate([168, 168]).clipAngle(90);
    const prepared: MultiPolygon = { type: 'MultiPolygon', coordinates: patches.map((p) => p.rings) };
    const [[a0, b0], [a1, b1]] = geoPath(globe).bounds(whole);
    const [[c0, d0], [c1, d1]] = geoPath(globe).bounds(prepared);
    // The land covers the same pixels, to within one in a hundred.
    expect(geoPath(globe).area(prepared) / geoPath(globe).area(whole)).toBeCloseTo(1, 2);
    for (const [x, y] of [
      [a0, c0],
      [b0, d0],
      [a1, c1],
      [b1, d1],
    ])
      expect(Math.abs(x! - y!)).toBeLessThan(1);
  });
});
