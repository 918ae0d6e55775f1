/**
 * How a static map writes its shapes (pixels.ts `path`): each point to a tenth of a pixel, after
 * the first as its step from the last. Read back as a renderer reads the path, every point must
 * land where the projection puts it, however long the line: steps that drifted would move a
 * coastline or a route's end away from its marker.
 */
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { pixelProjection } from '../../src/lib/geo/pixels.ts';
import type { LngLat } from '../../src/lib/story/model.ts';
import { pathLines } from './svgPath.ts';

const frame = { width: 600, height: 400 };

/** Numbers from a fixed seed (a linear congruential generator), so a failure replays. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const tenth = (n: number) => Math.round(n * 10) / 10;

describe('a static map’s path', () => {
  it('puts every point of a long line where the projection does, to a tenth of a pixel', () => {
    const projection = pixelProjection([-72.3, 18.6], 8, [300, 200], frame);
    const random = seeded(20250403);
    // A wandering line of 2,000 points, all inside the frame: Port-au-Prince's surroundings.
    const line: LngLat[] = [];
    let [lng, lat] = [-72.9, 18.3];
    for (let i = 0; i < 2000; i++) {
      lng = Math.min(-71.8, Math.max(-72.8, lng + (random() - 0.5) * 0.02));
      lat = Math.min(18.9, Math.max(18.3, lat + (random() - 0.5) * 0.02));
      line.push([lng, lat]);
    }
    const d = projection.path({ type: 'LineString', coordinates: line });
    const [drawn, ...more] = pathLines(d);
    expect(more).toEqual([]);
    const expected: [number, number][] = [];
    for (const p of line) {
      const [x, y] = projection.point(p).map(tenth) as [number, number];
      const last = expected[expected.length - 1];
      // A point that rounds onto the one before adds nothing and is left out.
      if (last?.[0] !== x || last[1] !== y) expected.push([x, y]);
    }
    expect(drawn?.length).toBe(expected.length);
    drawn?.forEach(([x, y], i) => {
      expect(Math.abs(x - (expected[i]?.[0] ?? NaN)), `x of point ${i}`).toBeLessThan(1e-6);
      expect(Math.abs(y - (expected[i]?.[1] ?? NaN)), `y of point ${i}`).toBeLessThan(1e-6);
    });
    // The steps are what make it short: under 8 characters a point here, where absolute points
    // (`L312.4,187.6`) took 12.
    expect(d.length / expected.length).toBeLessThan(8);
  });

  it('starts each ring and line afresh, and closes rings', () => {
    const projection = pixelProjection([0, 0], 4, [300, 200], frame);
    const square = (lng: number, lat: number, r: number): Position[] => [
      [lng - r, lat - r],
      [lng + r, lat - r],
      [lng + r, lat + r],
      [lng - r, lat + r],
      [lng - r, lat - r],
    ];
    const d = projection.path({
      type: 'MultiPolygon',
      coordinates: [[square(-10, 5, 3), square(-10, 5, 1)], [square(8, -5, 2)]],
    });
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/z/g)).toHaveLength(3);
    const rings = pathLines(d);
    expect(rings).toHaveLength(3);
    for (const [i, ring] of rings.entries()) {
      const corners = [square(-10, 5, 3), square(-10, 5, 1), square(8, -5, 2)][i] ?? [];
      // Each ring's corners, wherever the ring before it ended.
      for (const corner of corners.slice(0, 4)) {
        const [x, y] = projection.point(corner as LngLat).map(tenth);
        expect(ring.some(([rx, ry]) => Math.abs(rx - (x ?? NaN)) < 1e-6 && Math.abs(ry - (y ?? NaN)) < 1e-6)).toBe(
          true,
        );
      }
    }
  });

  it('writes negative steps and whole numbers without wasted characters', () => {
    const projection = pixelProjection([0, 0], 0, [500, 500], { width: 600, height: 1000 });
    // Points whose pixels are whole: 90° of longitude is 128 px at zoom 0. The frame is narrower
    // than the world (512 px), so no other copy of the line reaches it.
    const d = projection.path({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [-90, 0],
        [-45, 0],
        // 0.3 px east, then 0.6 px west (27/128° is 0.3 px here).
        [-45 + 27 / 128, 0],
        [-45 - 27 / 128, 0],
      ],
    });
    // Whole pixels without `.0`, tenths without the `0` before the point, and no space before a
    // minus sign, which separates a number from the one before.
    expect(d).toBe('M500,500l-128,0 64,0 .3,0-.6,0');
  });
});
