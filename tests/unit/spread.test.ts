import { describe, expect, it } from 'vitest';
import { ringOffsets, separate, spreadByPlace, type Offset } from '../../src/lib/geo/spread.ts';

const gap = (a: Offset, b: Offset) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('ringOffsets', () => {
  it.each([
    { count: 0, expected: [[0, 0]] },
    { count: 1, expected: [[0, 0]] },
  ])('leaves a lone marker on its place (count $count)', ({ count, expected }) => {
    expect(ringOffsets(count)).toEqual(expected);
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('keeps %i markers at one place apart from each other', (count) => {
    const offsets = ringOffsets(count);
    expect(offsets).toHaveLength(count);
    expect(new Set(offsets.map((o) => o.join(','))).size).toBe(count);
    for (const [i, a] of offsets.entries())
      for (const b of offsets.slice(i + 1)) expect(gap(a, b)).toBeGreaterThanOrEqual(26 * 0.9);
  });

  it.each([2, 5, 8])('keeps %i markers close to their place', (count) => {
    for (const offset of ringOffsets(count)) expect(Math.hypot(...offset)).toBeLessThanOrEqual(40);
  });

  it('places the first marker above the place', () => {
    const [first] = ringOffsets(4);
    expect(first?.[0]).toBe(0);
    expect(first?.[1]).toBeLessThan(0);
  });

  it('honours a wider spacing', () => {
    const offsets = ringOffsets(6, 40);
    for (const [i, a] of offsets.entries())
      for (const b of offsets.slice(i + 1)) expect(gap(a, b)).toBeGreaterThanOrEqual(40 * 0.9);
  });

  it('gives whole-pixel offsets', () => {
    expect(ringOffsets(7).flat().every(Number.isInteger)).toBe(true);
  });
});

describe('spreadByPlace', () => {
  const events = [
    { id: 'a', place: 'haiti' },
    { id: 'b', place: 'port-au-prince' },
    { id: 'c', place: 'haiti' },
    { id: 'd', place: 'washington' },
    { id: 'e', place: 'haiti' },
  ];
  const offsets = spreadByPlace(events, (e) => e.place);
  const offsetOf = (id: string) => offsets.get(events.find((e) => e.id === id) as (typeof events)[number]);

  it('keeps a marker alone at its place on the place itself', () => {
    expect(offsetOf('b')).toEqual([0, 0]);
    expect(offsetOf('d')).toEqual([0, 0]);
  });

  it('spreads markers sharing a place on a ring, in list order', () => {
    expect([offsetOf('a'), offsetOf('c'), offsetOf('e')]).toEqual(ringOffsets(3));
  });

  it('gives every item an offset', () => {
    expect(offsets.size).toBe(events.length);
  });
});

describe('separate', () => {
  const closest = (points: [number, number][]) =>
    Math.min(...points.flatMap((a, i) => points.slice(i + 1).map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))));

  it.each([
    {
      name: 'two coincident points',
      points: [
        [0, 0],
        [0, 0],
      ] as [number, number][],
    },
    {
      name: 'a ring overlapping another',
      points: [...ringOffsets(6), ...ringOffsets(2).map(([x, y]) => [x + 20, y + 30])] as [number, number][],
    },
    { name: 'a crowd', points: Array.from({ length: 10 }, (_, i) => [i % 3, i % 4]) as [number, number][] },
  ])('leaves no two of $name closer than the distance', ({ points }) => {
    expect(closest(separate(points, 30))).toBeGreaterThanOrEqual(29.9);
  });

  it('leaves points that are far enough apart where they are', () => {
    const points: [number, number][] = [
      [0, 0],
      [40, 0],
      [0, 40],
    ];
    expect(separate(points, 30)).toEqual(points);
  });
});
