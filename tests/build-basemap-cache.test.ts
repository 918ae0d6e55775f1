/**
 * A story's basemap and the towns it names are kept between builds by what they are made from,
 * its steps' cameras and its places (src/build/stories.ts, coverage.ts): a rebuild after an edit
 * to the text reads them back, one after a camera moved makes them again, and both give the same
 * files as a build without them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { buildBasemap } from '../src/lib/geo/basemap.ts';
import { chooseTowns } from '../src/lib/geo/gazetteer.ts';
import { buildStory } from '../src/build/stories.ts';

// The basemap's maker, counted.
vi.mock('../src/lib/geo/basemap.ts', async (original) => {
  const basemap = await original<typeof import('../src/lib/geo/basemap.ts')>();
  return { ...basemap, buildBasemap: vi.fn(basemap.buildBasemap) };
});

vi.mock('../src/lib/geo/gazetteer.ts', async (original) => {
  const gazetteer = await original<typeof import('../src/lib/geo/gazetteer.ts')>();
  return { ...gazetteer, chooseTowns: vi.fn(gazetteer.chooseTowns) };
});

const root = fileURLToPath(new URL('../', import.meta.url));
const temp = mkdtempSync(join(root, 'tests', '.tmp-basemap-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const original = readFileSync(join(root, 'tests/fixtures/good/minimal.yaml'), 'utf8');
// A camera of this run's own, so the first build cannot find it kept by another.
const zoom = `8.${process.pid}${Date.now() % 1000}`;
const build = (yaml: string) => {
  const file = join(temp, 'minimal.yaml');
  writeFileSync(file, yaml.replace('zoom: 8 }', `zoom: ${zoom} }`));
  return buildStory(file, root);
};

it('is made again with its towns for a moved camera, not for edited text, and is the same either way', () => {
  const made = build(original);
  expect(buildBasemap).toHaveBeenCalledTimes(1);
  expect(chooseTowns).toHaveBeenCalledTimes(1);
  // Port-au-Prince at zoom 8 names towns around it, so the kept towns are checked below.
  expect(made.basemap).toContain('"kind":"town"');

  const edited = build(original.replace('text: The capital.', 'text: The capital, edited.'));
  expect(buildBasemap).toHaveBeenCalledTimes(1);
  expect(chooseTowns).toHaveBeenCalledTimes(1);
  expect(edited.story.steps[1]?.text).toContain('edited');
  expect(edited.basemap).toBe(made.basemap);
  expect(edited.basemapFiles).toEqual(made.basemapFiles);

  const moved = build(original.replace('center: [-72.3388, 18.5392]', 'center: [-72.1, 18.6]'));
  expect(buildBasemap).toHaveBeenCalledTimes(2);
  expect(chooseTowns).toHaveBeenCalledTimes(2);
  expect(moved.basemap).not.toBe(made.basemap);
});
