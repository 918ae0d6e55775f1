/**
 * Builds the site the browser tests read: the stories of tests/fixtures/site (a frozen copy of
 * the Haiti story and a Pacific story across the antimeridian), never the live data/stories/
 * that a newsroom edits. STORYMAP_DIST skips this and tests an existing build instead.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages } from '../../src/build/plugin.ts';
import { FIXTURE_SITE } from './harness.ts';

export default async function setup(): Promise<void> {
  if (process.env.STORYMAP_DIST) return;
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, '../..'),
    base: './',
    logLevel: 'error',
    plugins: [svelte(), storyPages({ dir: 'tests/fixtures/site', home: 'mss-haiti', site: 'http://127.0.0.1:4173/' })],
    build: { outDir: FIXTURE_SITE, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
  });
}
