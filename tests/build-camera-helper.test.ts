/**
 * The dev camera helper (src/lib/map/dev/) is for `npm run dev` only: MapView loads it behind
 * `import.meta.env.DEV`, which a build makes false, so none of its code may reach a built site.
 * A real `vite build` of a fixture story, searched for the helper's own words.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite, ROOT } from './build-site.ts';

// Inside the project (tests/.tmp-…), never the system's temporary folder; removed afterwards.
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-camera-helper-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Strings only the helper's files hold (its panel, its test hooks, its measuring frame). */
const HELPER = [
  'Camera helper',
  'camera-yaml-center',
  'Fit the places in view',
  'storymap-camera-probe',
  'Measuring frame',
];

it('leaves the camera helper out of the built site', async () => {
  const stories = join(temp, 'stories');
  mkdirSync(stories);
  cpSync(join(ROOT, 'tests/fixtures/good/minimal.yaml'), join(stories, 'minimal.yaml'));
  const out = await buildSite(stories.slice(ROOT.length + 1), 'minimal', join(temp, 'out'));
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
  const scripts = files.filter((f) => /\.(js|mjs|html)$/.test(f));
  expect(files.filter((f) => /camera-?helper|readerFrames|cameraYaml/i.test(f))).toEqual([]);
  const text = scripts.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
  // The search means something: the map's own code is there.
  expect(text).toContain('map-still');
  expect(text).toContain('maplibregl');
  for (const word of HELPER) expect(text, word).not.toContain(word);
});
