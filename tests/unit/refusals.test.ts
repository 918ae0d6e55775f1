/**
 * Stories that would break the page are refused with the file, line, field and reason, or build
 * and render inertly. Each case patches the minimal fixture story.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatError, parseStory } from '../../src/lib/story/parse.ts';
import { buildStory } from '../../src/build/stories.ts';
import type { StoryFile } from '../../src/lib/story/schema.ts';
import { scratchDir } from '../scratch.ts';

const minimal = readFileSync(new URL('../fixtures/good/minimal.yaml', import.meta.url), 'utf8');
const countries = new Set(['332', '214', '242']);

function patched(patch: (story: StoryFile) => void): string {
  const story = parse(minimal) as StoryFile;
  patch(story);
  return stringify(story);
}

describe('routes that cannot be drawn are refused', () => {
  it.each([
    {
      name: 'a route from a place to itself',
      patch: (s: StoryFile) => Object.assign(s.routes?.[0] ?? {}, { from: 'port-au-prince', to: 'port-au-prince' }),
      message: 'routes[0].to: route "arrival" goes from "port-au-prince" to itself; a route needs two different places',
    },
    {
      name: 'a route between two places at one point (180° and -180°)',
      patch: (s: StoryFile) => {
        s.places?.push(
          { id: 'east', name: 'East', precision: 'point', coordinates: [180, 0] },
          { id: 'west', name: 'West', precision: 'point', coordinates: [-180, 0] },
        );
        Object.assign(s.routes?.[0] ?? {}, { from: 'east', to: 'west' });
      },
      message: 'routes[0].to: route "arrival" starts and ends at the same point ("east" and "west")',
    },
    {
      name: 'a route between two places for one country',
      patch: (s: StoryFile) => {
        s.places?.push({ id: 'haiti-again', name: 'Haiti', precision: 'country', iso: '332' });
        Object.assign(s.routes?.[0] ?? {}, { from: 'haiti', to: 'haiti-again' });
      },
      message: 'routes[0].to: route "arrival" starts and ends at the same point ("haiti" and "haiti-again")',
    },
  ])('$name', ({ patch, message }) => {
    const result = parseStory(patched(patch), 'story.yaml', countries);
    if (result.ok) throw new Error('should be refused');
    const shown = result.errors.map(formatError);
    expect(
      shown.some((line) => /^story\.yaml:\d+:\d+ /.test(line) && line.includes(message)),
      shown.join('\n'),
    ).toBe(true);
  });

  it('accepts a route to a city inside the country it starts from', () => {
    expect(parseStory(minimal, 'story.yaml', countries).ok).toBe(true);
  });
});

describe('a story without places', () => {
  const dir = scratchDir('noplaces');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds, with a world basemap and no markers', () => {
    const file = join(dir, 'no-places.yaml');
    writeFileSync(
      file,
      patched((s) => {
        delete s.places;
        delete s.routes;
        for (const e of s.events) delete e.where;
        for (const step of s.steps) {
          delete step.routes;
          step.camera = { center: [0, 20], zoom: 1 };
        }
      }),
    );
    const built = buildStory(file, dir);
    expect(built.story.places).toEqual([]);
    expect(built.story.events.every((e) => e.place === undefined)).toBe(true);
    const basemap = JSON.parse(built.basemap) as { features: { properties: { detail: number } }[] };
    expect(basemap.features.some((f) => f.properties.detail === 0)).toBe(true);
  });
});
