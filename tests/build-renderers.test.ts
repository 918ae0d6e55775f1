/**
 * The build's page renderers, compiled once and kept between builds (src/build/renderers.ts): the
 * pages they write are the ones the components write, a second build reads them back instead of
 * compiling again, and older copies go. A cache folder of the test's own, never the builds'.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { loadRenderers } from '../src/build/renderers.ts';
import { buildStory } from '../src/build/stories.ts';
import { pageData } from '../src/build/page.ts';
import { prerender } from '../src/build/prerender.ts';
import { renderIndex } from '../src/build/index-page.ts';

// Vite's build, counted: the renderers are compiled by it.
vi.mock('vite', async (original) => {
  const vite = await original<typeof import('vite')>();
  return { ...vite, build: vi.fn(vite.build) };
});

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = mkdtempSync(join(root, 'tests', '.tmp-renderers-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

it('write the pages the components write, compiled once, and keep only the copy of this code', async () => {
  // Another version's copy, one abandoned half-made, and one another build is making now.
  const other = join(cache, 'a'.repeat(24));
  const abandoned = join(cache, `${'b'.repeat(24)}.1.part`);
  const making = join(cache, `${'c'.repeat(24)}.2.part`);
  for (const folder of [other, abandoned, making]) mkdirSync(folder);
  const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(abandoned, hoursAgo, hoursAgo);

  const kept = await loadRenderers(cache);
  expect(build).toHaveBeenCalledTimes(1);
  // Whatever the hash, in any order: this code's copy, and the one another build is making.
  expect(readdirSync(cache)).toHaveLength(2);
  expect(readdirSync(cache)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{24}-development$/), `${'c'.repeat(24)}.2.part`]),
  );
  const [folder] = readdirSync(cache).filter((name) => !name.endsWith('.part'));
  const made = statSync(join(cache, folder ?? '', 'prerender.js'));

  for (const file of ['mss-haiti', 'pacific-relief']) {
    const built = buildStory(join(root, 'tests/fixtures/site', `${file}.yaml`), root);
    for (const kind of ['story', 'embed'] as const) {
      const data = pageData(built, kind);
      expect(kept.prerender(data, kind)).toBe(prerender(data, kind));
    }
    const settings = { title: 'Stories' };
    expect(kept.renderIndex(settings, [built.story], './')).toBe(renderIndex(settings, [built.story], './'));
  }

  // Read back, not compiled again: the same file, untouched.
  const again = await loadRenderers(cache);
  expect(build).toHaveBeenCalledTimes(1);
  expect(statSync(join(cache, folder ?? '', 'prerender.js'))).toMatchObject({ ino: made.ino, mtimeMs: made.mtimeMs });
  expect(typeof again.prerender).toBe('function');
  expect(existsSync(making)).toBe(true);
});
