import { describe, expect, it } from 'vitest';
import { layoutMarkers, MIN_DISTANCE, wholeOnMap, type MarkerToLay } from '../../src/lib/geo/markerLayout.ts';
import type { Box } from '../../src/lib/geo/labelPlacement.ts';

const mark = (x: number, y: number, active = false, country = false, width = 60): MarkerToLay => ({
  anchor: [x, y],
  active,
  country,
  size: [width, 17],
});
const FREE: Box = [0, 100, 400, 300];
const BELOW_TIMELINE: Box = [0, 40, 400, 600];

describe('layoutMarkers', () => {
  it('pushes markers of nearby places apart, keeping a country’s on its anchor', () => {
    const { at } = layoutMarkers([mark(200, 200, false, true), mark(205, 200)], [FREE]);
    expect(at[0]).toEqual([200, 200]);
    const [x = 0, y = 0] = at[1] ?? [];
    expect(Math.hypot(x - 200, y - 200)).toBeGreaterThanOrEqual(MIN_DISTANCE - 0.01);
  });

  it('names only the active markers, beside them, clear of the others', () => {
    const { sides } = layoutMarkers([mark(200, 200, true), mark(260, 200)], [FREE]);
    // The right is taken by the other marker (and the name would touch it): the left is free.
    expect(sides).toEqual(['left', undefined]);
  });

  it('puts a name that fits nowhere in the free part of the map below the timeline instead', () => {
    // In the free part's top right corner: to the left it would poke 3.5 px above the free part.
    const cornered = [mark(380, 105, true, false, 100)];
    expect(layoutMarkers(cornered, [FREE]).sides).toEqual([undefined]);
    // In the map below the timeline, the second frame, it fits.
    expect(layoutMarkers(cornered, [FREE, BELOW_TIMELINE]).sides).toEqual(['left']);
  });
});

describe('wholeOnMap', () => {
  const MAP = [400, 300] as const;
  it('takes a marker whose 28 px button lies on the map, up to its edges', () => {
    expect(wholeOnMap([14, 14], MAP)).toBe(true);
    expect(wholeOnMap([386, 286], MAP)).toBe(true);
  });
  it('leaves out one a pixel over any edge, and one wholly off', () => {
    expect(wholeOnMap([13, 150], MAP)).toBe(false);
    expect(wholeOnMap([387, 150], MAP)).toBe(false);
    expect(wholeOnMap([200, 13], MAP)).toBe(false);
    expect(wholeOnMap([200, 287], MAP)).toBe(false);
    expect(wholeOnMap([-500, 150], MAP)).toBe(false);
  });
});
