import { describe, expect, it } from 'vitest';
import { separate } from '../../src/lib/geo/spread.ts';

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
      name: 'two clusters overlapping',
      points: [
        [0, 0],
        [10, 5],
        [-8, 12],
        [20, 30],
        [25, 28],
      ] as [number, number][],
    },
    { name: 'a crowd', points: Array.from({ length: 10 }, (_, i) => [i % 3, i % 4]) as [number, number][] },
  ])('leaves no two of $name closer than the distance', ({ points }) => {
    expect(closest(separate(points, 30))).toBeGreaterThanOrEqual(29.9);
  });

  it.each([
    { name: 'a pinned point stays, the other moves the whole way', pinned: [true, false], expected: [0, 30] },
    { name: 'both free: each moves half', pinned: [false, false], expected: [-10, 20] },
    { name: 'both pinned: each moves half', pinned: [true, true], expected: [-10, 20] },
  ])('$name', ({ pinned, expected }) => {
    const [a, b] = separate(
      [
        [0, 0],
        [10, 0],
      ],
      30,
      40,
      pinned,
    );
    expect([Math.round(a?.[0] ?? NaN), Math.round(b?.[0] ?? NaN)]).toEqual(expected);
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
