/** The picture comparison behind the reference-image tests: it must see a real change, not noise. */
import { describe, expect, it } from 'vitest';
import { diffImages, type Picture } from './imageDiff.ts';

const OPTIONS = { threshold: 8, allowed: 0.001 };

/** A 200x200 picture in one colour, with an optional square painted over it. */
function picture(fill: number[], square?: { x: number; y: number; size: number; colour: number[] }): Picture {
  const width = 200;
  const height = 200;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inSquare =
        square && x >= square.x && x < square.x + square.size && y >= square.y && y < square.y + square.size;
      data.set(inSquare ? square.colour : fill, (y * width + x) * 4);
    }
  return { width, height, data };
}

const SEA = [170, 211, 223, 255];

describe('diffImages', () => {
  it.each([
    { name: 'identical pictures', actual: picture(SEA), pass: true, differing: 0 },
    { name: 'every pixel one level off', actual: picture([171, 210, 223, 255]), pass: true, differing: 0 },
    {
      name: 'a 1-level change in a square',
      actual: picture(SEA, { x: 50, y: 50, size: 20, colour: [171, 211, 223, 255] }),
      pass: true,
      differing: 0,
    },
    {
      name: 'a 20x20 square in another colour',
      actual: picture(SEA, { x: 50, y: 50, size: 20, colour: [200, 30, 30, 255] }),
      pass: false,
      differing: 400,
    },
    {
      name: 'a 20x20 square made half transparent',
      actual: picture(SEA, { x: 0, y: 0, size: 20, colour: [170, 211, 223, 128] }),
      pass: false,
      differing: 400,
    },
    {
      name: 'a few stray pixels within the allowed share',
      actual: picture(SEA, { x: 10, y: 10, size: 6, colour: [0, 0, 0, 255] }),
      pass: true,
      differing: 36,
    },
  ])('$name: pass=$pass', ({ actual, pass, differing }) => {
    const result = diffImages(actual, picture(SEA), OPTIONS);
    expect(result.pass, result.reason).toBe(pass);
    expect(result.differing).toBe(differing);
    expect(result.reason === '').toBe(pass);
  });

  it('marks the differing pixels in red on the diff picture, the rest pale', () => {
    const { diff } = diffImages(
      picture(SEA, { x: 50, y: 50, size: 20, colour: [0, 0, 0, 255] }),
      picture(SEA),
      OPTIONS,
    );
    const at = (x: number, y: number) => [...(diff?.data.subarray((y * 200 + x) * 4, (y * 200 + x) * 4 + 4) ?? [])];
    expect(at(55, 55)).toEqual([255, 0, 0, 255]);
    const [r = 0, g = 0, b = 0] = at(0, 0);
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(r).toBeGreaterThan(200);
  });

  it('fails pictures of another size, without a diff picture', () => {
    const small = { width: 10, height: 10, data: new Uint8Array(400) };
    const result = diffImages(small, picture(SEA), OPTIONS);
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/size is 10x10, expected 200x200/);
    expect(result.diff).toBeUndefined();
  });
});
