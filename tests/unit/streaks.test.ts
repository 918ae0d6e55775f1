import { describe, expect, it } from 'vitest';
import { thinRows } from '../browser/streaks.ts';

const W = 200;
const H = 60;
const WATER = [223, 232, 238];
const LAND = [247, 245, 240];

/** A picture of water with `paint` colouring some pixels land. */
function picture(paint: (x: number, y: number) => boolean): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) out.set([...(paint(x, y) ? LAND : WATER), 255], (y * W + x) * 4);
  return out;
}

describe('thinRows, the streak detector of the browser and static-map tests', () => {
  it.each([
    { name: 'a 1 px line across the whole width', paint: (_x: number, y: number) => y === 30, expected: [30] },
    {
      name: 'a 2 px line across 95% of it',
      paint: (x: number, y: number) => x < 190 && (y === 20 || y === 21),
      expected: [20, 21],
    },
    { name: 'a coast (land below a row)', paint: (_x: number, y: number) => y >= 30, expected: [] },
    { name: 'a short line', paint: (x: number, y: number) => x < 80 && y === 30, expected: [] },
    { name: 'a route across 80% of it', paint: (x: number, y: number) => x > 20 && x < 180 && y === 30, expected: [] },
    { name: 'a diagonal route', paint: (x: number, y: number) => Math.abs(y - x / 4) < 1.5, expected: [] },
    { name: 'an island', paint: (x: number, y: number) => Math.hypot(x - 100, y - 30) < 10, expected: [] },
  ])('finds $expected in $name', ({ paint, expected }) => {
    expect(thinRows(picture(paint), W, H)).toEqual(expected);
  });
});
