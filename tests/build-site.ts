/**
 * Builds a site from a folder of fixture stories with a real `vite build`, as `npm run build` does
 * with data/stories: for the build tests, and for browser tests of stories the site doesn't ship.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages, type StoryPagesOptions } from '../src/build/plugin.ts';
import { scratchDir } from './scratch.ts';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Builds the stories in `dir` (relative to the project root) into `outDir` (a new scratch folder
 * under tests/ by default), published at `site`. `home` is the home story's slug, or the site's
 * settings:
 * `{ settings: 'tests/fixtures/…/site.yaml' }`, or `{ home: null }` for no home story.
 */
export async function buildSite(
  dir: string,
  home: string | Pick<StoryPagesOptions, 'home' | 'settings'>,
  outDir = scratchDir('site'),
  site = 'https://stories.example.org/maps/',
): Promise<string> {
  try {
    await build({
      configFile: false,
      root: ROOT,
      base: './',
      logLevel: 'silent',
      plugins: [svelte(), storyPages({ dir, site, ...(typeof home === 'string' ? { home } : home) })],
      build: { outDir, emptyOutDir: true, assetsInlineLimit: 0 },
    });
  } catch (error) {
    // A refused story writes nothing: leave no empty folder behind either.
    if (existsSync(outDir) && readdirSync(outDir).length === 0) rmSync(outDir, { recursive: true });
    throw error;
  }
  return outDir;
}
