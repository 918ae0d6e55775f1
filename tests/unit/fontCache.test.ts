/**
 * The fonts' subsets kept between builds (subset-fonts.ts, kit-cache.ts): a build whose story's
 * text is unchanged reads each subset back instead of encoding it again, and a changed text gets
 * a subset of its own. Characters of this run's own, so no build's kept subset is touched.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { keptName, subsetOf } from '../../src/build/subset-fonts.ts';

const KEPT = fileURLToPath(new URL('../../node_modules/.cache/storymap-fonts/', import.meta.url));
const font = readFileSync(
  createRequire(import.meta.url).resolve('@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2'),
);
// A private-use character per run: in no story, and in no font, so it changes only the name.
const own = String.fromCodePoint(0xe000 + (process.pid % 6000));
const made: string[] = [];
const subset = (chars: string) => {
  made.push(keptName(font, chars + own));
  return subsetOf(font, chars + own);
};

afterAll(() => {
  for (const name of made) rmSync(`${KEPT}${name}`, { force: true });
});

describe('font subsets kept between builds', () => {
  it('reads a subset it has made before from the copy it kept', async () => {
    const first = await subset('Port-au-Prince');
    expect(readFileSync(`${KEPT}${keptName(font, `Port-au-Prince${own}`)}`).equals(first)).toBe(true);
    // Another valid subset stands in for the kept one: a build that reads it gets it back, one that
    // encodes afresh would not.
    const other = await subset('Nairobi');
    writeFileSync(`${KEPT}${keptName(font, `Port-au-Prince${own}`)}`, other);
    expect(Buffer.from(await subset('Port-au-Prince')).equals(other)).toBe(true);
  });

  it('makes a subset of its own for changed text, with the glyphs it adds', async () => {
    const few = await subset('abc');
    const more = await subset('abcdefghijklmnopqrstuvwxyz');
    expect(Buffer.from(more).equals(few)).toBe(false);
    expect(more.byteLength).toBeGreaterThan(few.byteLength);
    expect(new TextDecoder().decode(few.slice(0, 4))).toBe('wOF2');
  });
});
