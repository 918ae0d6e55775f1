import { describe, expect, it } from 'vitest';
import { containsPoint, grow, nearestLng, normalizeBBox, unionBBox, wrapLng } from '../../src/lib/geo/bbox.ts';
import { fitBBox } from '../../src/lib/geo/camera.ts';
import { greatCircleLine, unwrapLine } from '../../src/lib/geo/routes.ts';
import { clipToBox, unwrapShape } from '../../src/lib/geo/wrap.ts';
import { pixelProjection } from '../../src/lib/geo/pixels.ts';
import { pathLines } from './svgPath.ts';
import type { BBox, LngLat } from '../../src/lib/story/model.ts';

const suva: LngLat = [178.4419, -18.1416];
const nukualofa: LngLat = [-175.2018, -21.1394];
const point = ([lng, lat]: LngLat): BBox => [lng, lat, lng, lat];

describe('unionBBox, the short way round', () => {
  it.each<{ name: string; boxes: BBox[]; expected: BBox }>([
    {
      name: 'Suva and Nukuʻalofa',
      boxes: [point(suva), point(nukualofa)],
      expected: [178.4419, -21.1394, 184.7982, -18.1416],
    },
    {
      name: 'the same, the other way',
      boxes: [point(nukualofa), point(suva)],
      expected: [178.4419, -21.1394, 184.7982, -18.1416],
    },
    {
      name: 'Haiti and Kenya (no crossing)',
      boxes: [point([-72.3, 18.5]), point([37.8, 0.6])],
      expected: [-72.3, 0.6, 37.8, 18.5],
    },
    {
      name: 'a box already across 180°',
      boxes: [[177, -19, 182, -16], point([-170, -14])],
      expected: [177, -19, 190, -14],
    },
    { name: 'one point', boxes: [point([180, 0])], expected: [180, 0, 180, 0] },
    {
      name: 'three points around the globe (largest gap left out)',
      boxes: [point([-72, 18]), point([37, 0]), point([150, 0])],
      expected: [-72, 0, 150, 18],
    },
  ])('$name', ({ boxes, expected }) => {
    const box = unionBBox(boxes);
    expected.forEach((v, i) => expect(box[i]).toBeCloseTo(v, 6));
    for (const b of boxes) expect(containsPoint(box, [b[0], b[1]])).toBe(true);
  });

  it('says what is wrong when it has nothing to join', () => {
    expect(() => unionBBox([])).toThrow('no boxes to join');
  });
});

describe('longitudes and boxes', () => {
  it.each([
    { lng: 190, expected: -170 },
    { lng: -190, expected: 170 },
    { lng: 540, expected: -180 },
    { lng: 180, expected: 180 },
    { lng: -180, expected: -180 },
  ])('wraps $lng to $expected', ({ lng, expected }) => {
    expect(wrapLng(lng)).toBeCloseTo(expected, 9);
  });

  it('moves a longitude to the copy nearest another', () => {
    expect(nearestLng(-175, 178)).toBe(185);
    expect(nearestLng(175, -178)).toBe(-185);
    expect(nearestLng(10, 20)).toBe(10);
  });

  it('writes a box across 180° with its east past 180 and never wider than the world', () => {
    expect(normalizeBBox([370, 0, 380, 1])).toEqual([10, 0, 20, 1]);
    expect(normalizeBBox([-200, 0, -150, 1])).toEqual([160, 0, 210, 1]);
    expect(normalizeBBox([-100, 0, 300, 1])).toEqual([-180, 0, 180, 1]);
    expect(grow([178, -20, 185, -18], 10)).toEqual([168, -30, 195, -8]);
  });

  it('finds points in a box across 180° on either side of it', () => {
    const box: BBox = [178, -22, 185, -17];
    expect(containsPoint(box, suva)).toBe(true);
    expect(containsPoint(box, nukualofa)).toBe(true);
    expect(containsPoint(box, [0, -20])).toBe(false);
  });
});

describe('fitBBox across 180°', () => {
  it('centres on the short-way box and comes close, instead of showing the world', () => {
    const box = unionBBox([point(suva), point(nukualofa)]);
    const camera = fitBBox(box, { width: 800, height: 600 }, { top: 40, right: 40, bottom: 40, left: 40 }, 9);
    expect(camera.zoom).toBeGreaterThan(5);
    expect(Math.abs(wrapLng(camera.center[0] - 181.62))).toBeLessThan(0.01);
    expect(camera.center[0]).toBeGreaterThanOrEqual(-180);
    expect(camera.center[0]).toBeLessThanOrEqual(180);
  });
});

describe('routes across 180°', () => {
  it.each([
    { name: 'Nukuʻalofa to Suva (westward)', from: nukualofa, to: suva },
    { name: 'Suva to Nukuʻalofa (eastward)', from: suva, to: nukualofa },
    { name: 'Tokyo to San Francisco', from: [139.7, 35.7] as LngLat, to: [-122.4, 37.8] as LngLat },
    { name: 'Anadyr to Honolulu', from: [177.5, 64.73] as LngLat, to: [-157.86, 21.31] as LngLat },
  ])('is one continuous line the short way, $name', ({ from, to }) => {
    const line = greatCircleLine(from, to);
    for (let i = 1; i < line.length; i++)
      expect(Math.abs((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0))).toBeLessThan(5);
    const first = line[0] ?? [NaN, NaN];
    const last = line[line.length - 1] ?? [NaN, NaN];
    expect(first).toEqual(from);
    expect(wrapLng(last[0])).toBeCloseTo(to[0], 6);
    expect(last[1]).toBeCloseTo(to[1], 6);
    // The short way: never more than 180° of longitude from end to end.
    expect(Math.abs(last[0] - first[0])).toBeLessThan(180);
  });

  it('unwraps a line that jumps across the map', () => {
    expect(
      unwrapLine([
        [179, 0],
        [-179, 1],
        [-178, 2],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [182, 2],
    ]);
  });
});

describe('shapes across 180°', () => {
  // A ring as Natural Earth writes Fiji's worst one: jumping from 180 to -180 and back.
  const jumping = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [179, -17],
        [-179, -17],
        [-179, -16],
        [179, -16],
        [179, -17],
      ],
    ],
  };

  it('makes a jumping ring continuous, its west edge in -180..180', () => {
    const ring = unwrapShape(jumping).coordinates[0] ?? [];
    expect(ring.map(([lng]) => lng)).toEqual([179, 181, 181, 179, 179]);
  });

  it('leaves a ring around the pole as written', () => {
    const polar = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-180, -80],
          [0, -75],
          [180, -80],
          [180, -90],
          [-180, -90],
          [-180, -80],
        ],
      ],
    };
    expect(unwrapShape(polar)).toEqual(polar);
  });

  it('clips with the world copies either side, so a box across 180° gets land from both ends', () => {
    const shape = unwrapShape(jumping);
    const world = clipToBox(shape, [-180, -85, 180, 85]);
    const xs = world?.coordinates.flat(3).filter((_, i) => i % 2 === 0) ?? [];
    expect(Math.min(...xs)).toBe(-180);
    expect(Math.max(...xs)).toBe(180);
    const across = clipToBox(
      {
        type: 'Polygon',
        coordinates: [
          [
            [-179.5, -17],
            [-179, -17],
            [-179, -16],
            [-179.5, -17],
          ],
        ],
      },
      [170, -30, 190, -10],
    );
    expect(
      across?.coordinates
        .flat(3)
        .filter((_, i) => i % 2 === 0)
        .every((x) => x > 180),
    ).toBe(true);
  });

  it('draws flat, never across the whole frame, at a camera on 180°', () => {
    const projection = pixelProjection([180, -16.5], 6, [300, 200], { width: 600, height: 400 });
    const d = projection.path(unwrapShape(jumping));
    const xs = pathLines(d).flatMap((line) => line.map(([x]) => x));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(200);
    // A marker on either side of 180° lands beside the camera, not a world away.
    expect(Math.abs((projection.point([-179.5, -16.5])[0] ?? 0) - 300)).toBeLessThan(100);
    expect(Math.abs((projection.point([179.5, -16.5])[0] ?? 0) - 300)).toBeLessThan(100);
  });
});
