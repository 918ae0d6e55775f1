/**
 * A story's static maps are drawn from the story less the words of its cards (drawings.ts), and
 * kept between builds by that: a rebuild after an edit to a step's text or an event's words reads
 * them back, one after a camera moved draws them again, and the drawings are the same as those of
 * the whole story.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderStaticMap } from '../src/lib/geo/staticMap.ts';
import { buildStory } from '../src/build/stories.ts';
import { storyFileJobs } from '../src/build/files.ts';
import { drawnStory } from '../src/build/drawings.ts';
import { STATIC_MAP_SIZE, STILL_SIZES } from '../src/lib/geo/staticSize.ts';
import { OVERSCAN } from '../src/lib/geo/stillPlacement.ts';

// The drawer, counted.
vi.mock('../src/lib/geo/staticMap.ts', async (original) => {
  const staticMap = await original<typeof import('../src/lib/geo/staticMap.ts')>();
  return { ...staticMap, renderStaticMap: vi.fn(staticMap.renderStaticMap) };
});

const root = fileURLToPath(new URL('../', import.meta.url));
const temp = mkdtempSync(join(root, 'tests', '.tmp-drawings-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// The two fixture stories, and one whose steps have no title (its map's title names the story).
describe.each(['site/mss-haiti', 'site/pacific-relief', 'good/minimal'])('the drawings of %s', (name) => {
  it('are the same drawn from the story less its words as from the whole story', () => {
    const { story, basemap } = buildStory(join(root, 'tests/fixtures', `${name}.yaml`), root);
    const map = JSON.parse(basemap) as FeatureCollection;
    const drawn = drawnStory(story);
    // The words are gone from what is drawn, so the comparison below means something.
    expect(drawn.steps.every((s) => s.text === '')).toBe(true);
    expect(story.steps.some((s) => s.text !== '')).toBe(true);
    const still = STILL_SIZES[0];
    if (!still) throw new Error('no still size');
    for (const [i, step] of story.steps.entries()) {
      for (const [size, overscan] of [
        [STATIC_MAP_SIZE, 0],
        [still, OVERSCAN],
      ] as const)
        expect(renderStaticMap(drawn, map, i, size, 0, overscan), `${step.id} at ${size.width}`).toBe(
          renderStaticMap(story, map, i, size, 0, overscan),
        );
    }
  });
});

describe('a story built again', () => {
  const original = readFileSync(join(root, 'tests/fixtures/good/minimal.yaml'), 'utf8');
  // A camera of this run's own, so the first build cannot find its drawings kept by another.
  const zoom = `8.${process.pid}${Date.now() % 1000}`;
  const files = (yaml: string) => {
    const file = join(temp, 'minimal.yaml');
    writeFileSync(file, yaml.replace('zoom: 8 }', `zoom: ${zoom} }`));
    const jobs = storyFileJobs(buildStory(file, root), 'http://127.0.0.1:4173/');
    return new Map(jobs.filter(([name]) => name.endsWith('.svg')).map(([name, make]) => [name, make()]));
  };
  const drawings = 2 * (1 + STILL_SIZES.length);

  it('reads its drawings back after an edit to the words, and draws them again for a moved camera', () => {
    vi.mocked(renderStaticMap).mockClear();
    const made = files(original);
    expect(made.size).toBe(drawings);
    expect(renderStaticMap).toHaveBeenCalledTimes(drawings);

    const edited = files(
      original.replace('text: The capital.', 'text: The capital, edited.').replace('A patrol came', 'Patrols came'),
    );
    expect(renderStaticMap).toHaveBeenCalledTimes(drawings);
    expect(edited).toEqual(made);

    const moved = files(original.replace('center: [-72.3388, 18.5392]', 'center: [-72.1, 18.6]'));
    expect(renderStaticMap).toHaveBeenCalledTimes(2 * drawings);
    expect(moved.get('minimal/maps/capital.svg')).not.toBe(made.get('minimal/maps/capital.svg'));
    // A step's name is drawn (the map's title), so a new name draws again.
    files(original.replace('  - id: capital\n', '  - id: capital\n    title: The capital city\n'));
    expect(renderStaticMap).toHaveBeenCalledTimes(3 * drawings);
  });
});
