/**
 * Builds a site from a folder of fixture stories with a real `vite build`, as `npm run build` does
 * with data/stories: for the build tests, and for browser tests of stories the site doesn't ship.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages, type StoryPagesOptions } from '../src/build/plugin.ts';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Builds the stories in `dir` (relative to the project root) into `outDir` (a new temporary folder
 * by default), published at `site`. `home` is the home story's slug, or the site's settings:
 * `{ settings: 'tests/fixtures/…/site.yaml' }`, or `{ home: null }` for no home story.
 */
export async function buildSite(
  dir: string,
  home: string | Pick<StoryPagesOptions, 'home' | 'settings'>,
  outDir = mkdtempSync(join(tmpdir(), 'storymap-site-')),
  site = 'https://stories.example.org/maps/',
): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'silent',
    plugins: [svelte(), storyPages({ dir, site, ...(typeof home === 'string' ? { home } : home) })],
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0 },
  });
  return outDir;
}
