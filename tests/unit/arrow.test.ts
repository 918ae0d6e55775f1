import { describe, expect, it } from 'vitest';
import { arrival, chevron, chevronMask, CHEVRON } from '../../src/lib/geo/arrow.ts';
import { pixelProjection } from '../../src/lib/geo/pixels.ts';
import type { LngLat } from '../../src/lib/story/model.ts';

const zoom = 7;
/** Pixels at `zoom`, so the test checks what the reader sees, not degrees. */
const px = (p: LngLat) => pixelProjection([0, 0], zoom, [0, 0], { width: 1, height: 1 }).point(p);
const angleDeg = (a: [number, number], b: [number, number]) => (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;

describe('chevron', () => {
  it.each([
    {
      name: 'eastward at the equator',
      line: [
        [-1, 0],
        [0, 0],
      ] as LngLat[],
    },
    {
      name: 'northward',
      line: [
        [0, 10],
        [0, 11],
      ] as LngLat[],
    },
    // Mercator stretches degrees of latitude here: the pixel direction is not 45°.
    {
      name: 'south-west at 60°N',
      line: [
        [1, 61],
        [0.5, 60.5],
        [0, 60],
      ] as LngLat[],
    },
  ])('has two wings of the same length, symmetric about the way the line arrives: $name', ({ line }) => {
    const arrow = chevron(line, zoom);
    expect(arrow).toHaveLength(3);
    const [a, tip, b] = (arrow as LngLat[]).map(px) as [[number, number], [number, number], [number, number]];
    expect(tip).toEqual(px(line[line.length - 1] as LngLat));
    for (const wing of [a, b]) expect(Math.hypot(wing[0] - tip[0], wing[1] - tip[1])).toBeCloseTo(CHEVRON.length, 3);
    // The chevron points (from the middle of its wings to its tip) the way the line arrives.
    const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const arriving = angleDeg(px(line[line.length - 2] as LngLat), tip);
    expect(Math.abs(((angleDeg(mid, tip) - arriving + 540) % 360) - 180)).toBeLessThan(0.5);
    const between = Math.abs(((angleDeg(tip, a) - angleDeg(tip, b) + 540) % 360) - 180);
    expect(between).toBeCloseTo(2 * CHEVRON.angle, 3);
  });

  it('draws nothing for a line without length', () => {
    expect(
      chevron(
        [
          [5, 5],
          [5, 5],
        ],
        zoom,
      ),
    ).toBeUndefined();
    expect(chevron([], zoom)).toBeUndefined();
  });

  it.each([
    {
      name: 'east',
      line: [
        [-1, 0],
        [0, 0],
      ] as LngLat[],
      expected: 0,
    },
    {
      name: 'south (down the screen)',
      line: [
        [0, 1],
        [0, 0],
      ] as LngLat[],
      expected: 90,
    },
    {
      name: 'north-west',
      line: [
        [1, -1],
        [0, 0],
        [0, 0],
      ] as LngLat[],
      expected: -135,
    },
  ])('gives the arrival angle clockwise from east, skipping repeated points: $name', ({ line, expected }) => {
    expect(arrival(line)).toBeCloseTo(expected, 1);
  });
});

describe('chevronMask', () => {
  it('covers the tip at its centre and the wings to the west, not the east', () => {
    const { width, height, alpha } = chevronMask(3, 2);
    expect(width).toBe(height);
    const at = (x: number, y: number) => alpha[Math.floor(y) * width + Math.floor(x)] ?? 0;
    const c = width / 2;
    expect(at(c - 1, c)).toBeGreaterThan(0.9);
    // Along a wing, and nothing ahead of the tip or in the open mouth of the chevron.
    const a = ((180 + CHEVRON.angle) * Math.PI) / 180;
    expect(at(c + Math.cos(a) * 14, c + Math.sin(a) * 14)).toBeGreaterThan(0.9);
    expect(at(c + 8, c)).toBe(0);
    expect(at(c - 16, c)).toBe(0);
  });
});
