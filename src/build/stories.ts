/**
 * Loads every story under `data/stories/`, validates it and compiles it for the page, with its
 * own clipped basemap. Any invalid story stops the build with every error it has, each naming
 * file, line and field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, extname, join, relative } from 'node:path';
import { parseStory, formatError } from '../lib/story/parse.ts';
import { compileStory } from '../lib/story/compile.ts';
import type { Story } from '../lib/story/model.ts';
import { buildBasemap, countryInfo, type CountriesTopology } from '../lib/geo/basemap.ts';
import { coverage } from '../lib/geo/coverage.ts';

export interface BuiltStory {
  story: Story;
  /** The story's basemap as GeoJSON text, and the file name it is served under. */
  basemap: string;
  basemapFile: string;
}

const require = createRequire(import.meta.url);
let atlas: { world: CountriesTopology; coarse: CountriesTopology; fine: CountriesTopology } | undefined;
function loadAtlas() {
  atlas ??= {
    world: require('world-atlas/countries-110m.json') as CountriesTopology,
    coarse: require('world-atlas/countries-50m.json') as CountriesTopology,
    fine: require('world-atlas/countries-10m.json') as CountriesTopology,
  };
  return atlas;
}

export class StoryBuildError extends Error {
  override name = 'StoryBuildError';
}

export function storyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f)))
    .sort()
    .map((f) => join(dir, f));
}

export function slugOf(file: string): string {
  return basename(file, extname(file));
}

/** Reads, validates and compiles one story file; throws a StoryBuildError listing every problem. */
export function buildStory(file: string, root = process.cwd()): BuiltStory {
  const { world, coarse, fine } = loadAtlas();
  const countries = countryInfo(fine);
  const shown = relative(root, file);
  const result = parseStory(readFileSync(file, 'utf8'), shown, new Set(countries.keys()));
  if (!result.ok) throw new StoryBuildError(`Invalid story:\n${result.errors.map(formatError).join('\n')}`);
  const slug = slugOf(file);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
    throw new StoryBuildError(`${shown}: file names become URLs; use lowercase letters, digits and dashes`);
  const story = compileStory(result.story, slug, countries);
  const basemap = JSON.stringify(buildBasemap({ world, coarse, fine, ...coverage(story) }));
  const hash = createHash('sha256').update(basemap).digest('hex').slice(0, 10);
  return { story, basemap, basemapFile: `assets/basemap-${slug}-${hash}.json` };
}
