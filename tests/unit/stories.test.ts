import { fileURLToPath } from 'node:url';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStory, slugOf, StoryBuildError, storyFiles } from '../../src/build/stories.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';
import { scratchDir } from '../scratch.ts';
import { storyNamed } from './defects.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const storyFile = join(root, 'tests/fixtures/site/mss-haiti.yaml');
const { story, basemap, basemapFile } = buildStory(storyFile, root);

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the story has no ${what}`);
  return value;
}

describe('the MSS Haiti story', () => {
  it('builds without errors under its file name', () => {
    expect(story.slug).toBe('mss-haiti');
    expect(basemapFile).toMatch(/^assets\/basemap-mss-haiti-[0-9a-f]{10}\.json$/);
  });

  it('retells the Reuters report of 3 April 2025', () => {
    expect(story.basedOn.date).toMatchObject({ precision: 'day', year: 2025, month: 4, day: 3 });
    expect(story.basedOn.date.text).toBe('2025-04-03');
  });

  it('cites a known source for every event', () => {
    const sources = new Set(story.sources.map((s) => s.id));
    for (const event of story.events) expect(sources.has(event.source.id), event.id).toBe(true);
  });

  it.each([
    { event: 'evacuation', iso: '214', name: 'Dominican Republic' },
    { event: 'deployment', iso: '332', name: 'Haiti' },
    { event: 'first-fatality', iso: '332', name: 'Haiti' },
  ])('draws $event as the country $name, anchored inside it', ({ event, iso, name }) => {
    const place = found(story.events.find((e) => e.id === event)?.place, `place for ${event}`);
    expect(place).toMatchObject({ precision: 'country', iso, name });
    expect(containsPoint(place.bbox, place.coordinates)).toBe(true);
  });

  it('keeps city places at the coordinates written in the file', () => {
    const capital = story.places.find((p) => p.id === 'port-au-prince');
    expect(capital?.coordinates).toEqual([-72.3388, 18.5392]);
    expect(capital?.precision).toBe('city');
  });

  it('ships a basemap with the countries its country places need', () => {
    const features = (JSON.parse(basemap) as { features: { properties: { kind: string; iso?: string } }[] }).features;
    const isos = new Set(features.filter((f) => f.properties.kind === 'land').map((f) => f.properties.iso));
    for (const iso of ['332', '214', '404']) expect(isos.has(iso), iso).toBe(true);
    expect(features.some((f) => f.properties.kind === 'border')).toBe(true);
  });

  it('fits a step camera around every place it names', () => {
    const { camera } = found(
      story.steps.find((s) => s.id === 'evacuation'),
      'evacuation step',
    );
    const dr = found(
      story.places.find((p) => p.id === 'dominican-republic'),
      'Dominican Republic',
    );
    if (camera.kind !== 'fit') throw new Error('the evacuation step should fit its places');
    expect(camera.maxZoom).toBe(7.5);
    expect(containsPoint(camera.bbox, [-72.3388, 18.5392])).toBe(true);
    expect(containsPoint(camera.bbox, [dr.bbox[2], dr.bbox[3]])).toBe(true);
  });
});

describe('stories built one after another, as a site or a dev server builds them', () => {
  it('each get the same basemap as when built first: one story leaves nothing in another', () => {
    // Natural Earth's simplified tiers are made once per process and shared; a story that changed
    // them would change the next story's map. The Pacific story reaches across 180° and has many
    // close-ups, so its clipping touches most shapes in every tier.
    const pacific = join(root, 'tests/fixtures/site/pacific-relief.yaml');
    const first = buildStory(pacific, root).basemapFiles;
    buildStory(join(root, 'tests/fixtures/site/tonga-eruption-2022.yaml'), root);
    expect(buildStory(pacific, root).basemapFiles).toEqual(first);
    expect(buildStory(storyFile, root).basemap).toBe(basemap);
  });
});

describe('buildStory on a broken story', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = scratchDir('stories');
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('stops with every error, each naming file, line and field', () => {
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, storyNamed('unknown-step-event'));
    expect(() => buildStory(file, dir)).toThrow(StoryBuildError);
    expect(() => buildStory(file, dir)).toThrow(
      'broken.yaml:51:14 steps[1].events[0]: step "evacuation" shows unknown event "evac"',
    );
  });

  it('refuses a file name that cannot be a URL', () => {
    const dir = tempDir();
    const file = join(dir, 'My Story.yaml');
    writeFileSync(file, readFileSync(join(root, 'tests/fixtures/good/minimal.yaml'), 'utf8'));
    expect(() => buildStory(file, dir)).toThrow('file names become URLs');
  });
});

describe('storyFiles and slugOf', () => {
  it('finds the stories in a folder', () => {
    expect(storyFiles(join(root, 'tests/fixtures/site')).map(slugOf)).toEqual([
      'mss-haiti',
      'pacific-relief',
      'tonga-eruption-2022',
    ]);
  });

  it.each([
    { file: 'tests/fixtures/site/mss-haiti.yaml', expected: 'mss-haiti' },
    { file: 'a/b/story.json', expected: 'story' },
  ])('names $file "$expected"', ({ file, expected }) => {
    expect(slugOf(file)).toBe(expected);
  });
});
