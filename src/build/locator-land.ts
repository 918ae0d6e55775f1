/**
 * The locator inset's land as the build writes it: one file for every story of the site, named
 * by its content so a browser may keep it as long as it likes.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { locatorLand } from '../lib/geo/locatorLand.ts';

const require = createRequire(import.meta.url);
let made: { file: string; text: string } | undefined;

/** The file's name (from the site's root) and its text; made once per process. */
export function locatorLandFile(): { file: string; text: string } {
  if (!made) {
    const topology = require('world-atlas/land-110m.json') as Topology<{ land: GeometryCollection }>;
    const text = JSON.stringify(locatorLand(topology));
    made = { file: `assets/locator-land-${createHash('sha256').update(text).digest('hex').slice(0, 10)}.json`, text };
  }
  return made;
}
