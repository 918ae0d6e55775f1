import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages } from './src/build/plugin.ts';
import { compress } from './src/build/compress.ts';

export default defineConfig({
  // Relative asset URLs: the built site works from any folder a newsroom copies it to.
  base: './',
  plugins: [
    svelte(),
    storyPages({
      dir: 'data/stories',
      // The site's title and its front page (a story, or the list of every story) are settings.
      settings: 'data/site.yaml',
      // Where the site is published: share tags, canonical links and oEmbed need absolute URLs.
      site: process.env.STORYMAP_SITE_URL ?? 'http://127.0.0.1:4173/',
    }),
    // Last: writes .br/.gz copies of the text files once everything else is in the output.
    compress(),
  ],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    // The map's chunk is MapLibre (about 1.1 MB before compression, 290 kB brotli), loaded only at
    // the reader's first move; the byte budget test watches its size, not this warning.
    chunkSizeWarningLimit: 1200,
  },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // At least two workers: Vitest's default (one fewer than the cores) is one on a 2-core
    // machine, where two take the unit and build projects from 151 to 122 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Separate projects, so `vitest run --project unit` answers in seconds. The node projects run
    // first, their files side by side; the browser project after them.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The unit tests are pure and share no state: a worker imports turf, d3 and the story
          // compiler once for all its files, not once a file (about a third off the unit run).
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'build', include: ['tests/build*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Builds the fixture stories' site the browser tests serve.
          globalSetup: ['tests/browser/global-setup.ts'],
          // Two files at a time, each with its own Chromium: much of a browser test is waiting (a
          // poll, a flight, a page going idle), which the other file's work fills. Two at a time
          // once failed here (a marker click opened nothing): a fault of the page, since mended
          // (markers.ts: a marker over the map's edge is inert, and the map's box is not scrolled).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
