/**
 * `npm run new-story`: the starter story builds as it is, with the same pipeline as the build,
 * says everything in it is to be replaced, and points editors at the JSON Schema. Written into a
 * temporary folder inside the repository (never outside it), removed afterwards.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildStory, checkStory } from '../../src/build/stories.ts';
import { createStory, devAddress, NewStoryError } from '../../src/build/new-story.ts';
import { SCHEMA_PATH } from '../../src/build/json-schema.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(root, 'tests', '.tmp-new-story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('new-story', () => {
  const file = createStory('my-story', dir, root, new Date('2026-03-05T12:00:00Z'));
  const text = readFileSync(file, 'utf8');

  it('writes a starter that passes the check and builds', () => {
    expect(file).toBe(join(dir, 'my-story.yaml'));
    const checked = checkStory(file, root);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    const built = buildStory(file, root);
    expect(built.story.steps.map((s) => s.id)).toEqual(['overview', 'first', 'next']);
    expect(built.story.places.map((p) => p.precision)).toEqual(['city', 'country']);
    expect(built.story.routes).toHaveLength(1);
  });

  it('points editors at the JSON Schema on its first line', () => {
    const first = text.split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match?.[1]).toBeDefined();
    expect(resolve(dir, match?.[1] ?? '')).toBe(resolve(root, SCHEMA_PATH));
    expect(existsSync(resolve(root, SCHEMA_PATH))).toBe(true);
  });

  it('is plainly a placeholder, and explains its fields in comments', () => {
    const story = parse(text) as { title: string; events: { title: string; what: string }[] };
    expect(story.title).toBe('Replace this title');
    for (const event of story.events) {
      expect(event.title).toMatch(/^Replace/);
      expect(event.what).toMatch(/^Replace/);
    }
    expect(text.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThan(20);
  });

  it.each([
    { slug: 'my-story', message: 'already exists' },
    { slug: 'My Story', message: 'use lowercase letters, digits and dashes' },
    { slug: '../escape', message: 'use lowercase letters, digits and dashes' },
    { slug: '-dash', message: 'use lowercase letters, digits and dashes' },
    { slug: 'assets', message: 'is a folder of the site itself' },
  ])('refuses "$slug"', ({ slug, message }) => {
    expect(() => createStory(slug, dir, root)).toThrow(NewStoryError);
    expect(() => createStory(slug, dir, root)).toThrow(message);
  });

  it('gives the address npm run dev serves the story at', () => {
    expect(devAddress('my-story')).toBe('http://127.0.0.1:5173/my-story/');
  });
});
