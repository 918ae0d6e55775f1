import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { clearOf, countryShapes, FALLBACK, inShapes, reachInto, routeLine } from '../../src/lib/geo/routeEnds.ts';
import { greatCircleLine, lineLength, partialLine } from '../../src/lib/geo/routes.ts';
import type { LngLat } from '../../src/lib/story/model.ts';

const built = buildStory(resolve('tests/fixtures/site/mss-haiti.yaml'));
const story = built.story;
const basemap = JSON.parse(built.basemap) as FeatureCollection;
const route = (id: string) => story.routes.find((r) => r.id === id) ?? expect.fail(id);
const last = (line: LngLat[]) => line[line.length - 1] as LngLat;

/** A square country from 0 to 10 degrees. */
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};
const straight = (from: LngLat, to: LngLat, n = 101): LngLat[] =>
  Array.from({ length: n }, (_, i) => [
    from[0] + ((to[0] - from[0]) * i) / (n - 1),
    from[1] + ((to[1] - from[1]) * i) / (n - 1),
  ]);

/** The line cut where `reachInto` says. */
const intoCountry = (line: LngLat[], shapes: Polygon[]) => partialLine(line, reachInto(line, shapes));

describe('reachInto', () => {
  it('stops a line into a country a quarter of the way from its border to the anchor', () => {
    const end = last(intoCountry(straight([-10, 5], [5, 5]), [square]));
    expect(end[0]).toBeGreaterThan(1);
    expect(end[0]).toBeLessThan(2);
    expect(end[1]).toBeCloseTo(5, 1);
  });

  it.each([
    { name: 'a line that never leaves the country', line: straight([2, 5], [5, 5]), shapes: [square] },
    { name: 'a country with no shape', line: straight([-10, 5], [5, 5]), shapes: [] },
  ])('falls back to stopping short of the anchor: $name', ({ line, shapes }) => {
    const cut = intoCountry(line, shapes);
    expect(lineLength(cut) / lineLength(line)).toBeCloseTo(FALLBACK, 2);
  });

  it('finds a point in the shape across 180°', () => {
    const fiji: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [177, -19],
          [182, -19],
          [182, -15],
          [177, -15],
          [177, -19],
        ],
      ],
    };
    expect(inShapes([-179, -17], [fiji])).toBe(true);
    expect(inShapes([170, -17], [fiji])).toBe(false);
  });
});

describe('routeLine on the built Haiti story', () => {
  it('ends the evacuation inside the Dominican Republic, well short of its anchor', () => {
    const evacuation = route('evacuation');
    // The build measured it against the basemap: the page draws it from the story alone.
    expect(evacuation.reach).toBeGreaterThan(0);
    expect(evacuation.reach).toBeLessThan(1);
    const line = routeLine(evacuation);
    const dr = countryShapes(basemap, '214');
    expect(dr.length).toBeGreaterThan(0);
    expect(inShapes(last(line), dr)).toBe(true);
    // Not on Haiti's side of the border, and not at the place's anchor, where its marker is.
    expect(inShapes(last(line), countryShapes(basemap, '332'))).toBe(false);
    const toAnchor = lineLength([last(line), evacuation.to.coordinates]);
    expect(toAnchor).toBeGreaterThan(0.3 * lineLength([evacuation.from.coordinates, evacuation.to.coordinates]));
  });

  it('measures a country against its whole finest land, not the regional land of flights’ passes', () => {
    // The fine tier also holds regional land where only flights pass (coverage.ts `passes`): in
    // strips, never a whole country. Cuba has some there in the Haiti fixture.
    const passes = basemap.features.filter((f) => f.properties?.pass && f.properties.kind === 'land');
    expect(passes.length).toBeGreaterThan(0);
    const cuba = countryShapes(basemap, '192');
    expect(cuba.length).toBeGreaterThan(0);
    const own = basemap.features.filter((f) => f.properties?.iso === '192' && f.properties.kind === 'land');
    const detail = Math.max(...own.filter((f) => !f.properties?.pass).map((f) => Number(f.properties?.detail)));
    expect(cuba).toEqual(
      own.filter((f) => !f.properties?.pass && f.properties?.detail === detail).map((f) => f.geometry),
    );
  });

  it('draws a route to a city whole, and one from a country from its anchor', () => {
    const deployment = route('deployment');
    const line = routeLine(deployment);
    expect(deployment.reach).toBeUndefined();
    expect(line[0]).toEqual(deployment.from.coordinates);
    expect(last(line)[0]).toBeCloseTo(deployment.to.coordinates[0], 6);
    expect(last(line)[1]).toBeCloseTo(deployment.to.coordinates[1], 6);
  });

  it('stops a route into a country the build never measured short of the anchor', () => {
    const { reach, ...unmeasured } = route('evacuation');
    expect(reach).not.toBeCloseTo(FALLBACK, 2);
    const whole = lineLength(greatCircleLine(unmeasured.from.coordinates, unmeasured.to.coordinates));
    expect(lineLength(routeLine(unmeasured)) / whole).toBeCloseTo(FALLBACK, 2);
  });
});

describe('clearOf', () => {
  const anchor: LngLat = [10, 0];
  it.each([{ zoom: 2 }, { zoom: 8 }])('stops the line 26 px or more short of the anchor at zoom $zoom', ({ zoom }) => {
    const line = straight([0, 0], anchor, 1001);
    const cut = clearOf(line, anchor, zoom);
    const end = last(cut);
    // 512 × 2^zoom px to 360 degrees of longitude, at the equator.
    const px = ((anchor[0] - end[0]) / 360) * 512 * 2 ** zoom;
    expect(px).toBeGreaterThanOrEqual(26);
    expect(px).toBeLessThan(26 + (10 / 1000 / 360) * 512 * 2 ** zoom + 1e-9);
  });

  it('leaves nothing of a line that starts within reach of the anchor', () => {
    expect(clearOf(straight([9.99, 0], anchor), anchor, 2)).toEqual([]);
  });

  it('measures across 180° to the nearest copy of the anchor', () => {
    const cut = clearOf(straight([170, 0], [181, 0]), [-179, 0], 4);
    expect(last(cut)[0]).toBeLessThan(181);
    expect(last(cut)[0]).toBeGreaterThan(175);
  });
});
