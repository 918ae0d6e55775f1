import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { greatCircleLine, lineLength, partialLine } from '../../src/lib/geo/routes.ts';
import type { LngLat } from '../../src/lib/story/model.ts';

const portAuPrince: LngLat = [-72.3388, 18.5392];
const kenya: LngLat = [37.796, 0.6];
const santoDomingo: LngLat = [-69.9312, 18.4861];
const washington: LngLat = [-77.0369, 38.9072];

describe('greatCircleLine', () => {
  it.each([
    { name: 'Kenya to Port-au-Prince', from: kenya, to: portAuPrince },
    { name: 'Port-au-Prince to Santo Domingo', from: portAuPrince, to: santoDomingo },
    { name: 'Port-au-Prince to Washington', from: portAuPrince, to: washington },
  ])('runs from start to end, $name', ({ from, to }) => {
    const line = greatCircleLine(from, to);
    const first = line[0] ?? [NaN, NaN];
    const last = line[line.length - 1] ?? [NaN, NaN];
    expect(first[0]).toBeCloseTo(from[0], 6);
    expect(first[1]).toBeCloseTo(from[1], 6);
    expect(last[0]).toBeCloseTo(to[0], 6);
    expect(last[1]).toBeCloseTo(to[1], 6);
  });

  it.each([
    { name: 'Kenya to Port-au-Prince', from: kenya, to: portAuPrince },
    { name: 'Port-au-Prince to Santo Domingo', from: portAuPrince, to: santoDomingo },
    { name: 'Port-au-Prince to Washington', from: portAuPrince, to: washington },
  ])('is as long as the shortest way over the ground, $name', ({ from, to }) => {
    const length = lineLength(greatCircleLine(from, to));
    const direct = distance(from, to);
    expect(length).toBeGreaterThan(0);
    expect(Math.abs(length - direct) / direct).toBeLessThan(0.01);
  });

  it('bows towards the pole between two northern places', () => {
    const line = greatCircleLine(kenya, portAuPrince, 129);
    const middle = line[64] ?? [NaN, NaN];
    expect(middle[1]).toBeGreaterThan((kenya[1] + portAuPrince[1]) / 2 + 5);
  });

  it('has as many points as asked', () => {
    expect(greatCircleLine(kenya, portAuPrince, 50)).toHaveLength(50);
  });
});

describe('partialLine', () => {
  const line = greatCircleLine(kenya, portAuPrince);
  const full = lineLength(line);

  it.each([
    { fraction: 0, expected: 0 },
    { fraction: -0.5, expected: 0 },
    { fraction: 0.25, expected: 0.25 },
    { fraction: 0.5, expected: 0.5 },
    { fraction: 0.9, expected: 0.9 },
    { fraction: 1, expected: 1 },
    { fraction: 2, expected: 1 },
  ])('draws $expected of the route at fraction $fraction', ({ fraction, expected }) => {
    expect(Math.abs(lineLength(partialLine(line, fraction)) - expected * full)).toBeLessThanOrEqual(full * 0.01);
  });

  it('starts where the route starts', () => {
    for (const fraction of [0, 0.3, 1]) expect(partialLine(line, fraction)[0]).toEqual(line[0]);
  });

  it('returns the whole line at 1', () => {
    expect(partialLine(line, 1)).toEqual(line);
  });

  it('is a drawable line (two points) even at 0', () => {
    expect(partialLine(line, 0)).toEqual([line[0], line[0]]);
  });

  it('follows the route rather than cutting across', () => {
    const half = partialLine(line, 0.5);
    const end = half[half.length - 1] ?? [NaN, NaN];
    const middle = line[Math.floor(line.length / 2)] ?? [NaN, NaN];
    expect(distance(end, middle)).toBeLessThan(full * 0.02);
  });
});

describe('lineLength', () => {
  it.each<{ name: string; line: LngLat[]; expected: number }>([
    { name: 'no line', line: [], expected: 0 },
    { name: 'a single point', line: [kenya], expected: 0 },
    {
      name: 'one degree along the equator',
      line: [
        [0, 0],
        [1, 0],
      ],
      expected: 111.19,
    },
    {
      name: 'there and back',
      line: [
        [0, 0],
        [1, 0],
        [0, 0],
      ],
      expected: 222.39,
    },
  ])('measures $name in kilometres', ({ line, expected }) => {
    expect(lineLength(line)).toBeCloseTo(expected, 1);
  });
});
