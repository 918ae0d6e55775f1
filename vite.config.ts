import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages } from './src/build/plugin.ts';

export default defineConfig({
  // Relative asset URLs: the built site works from any folder a newsroom copies it to.
  base: './',
  plugins: [
    svelte(),
    storyPages({
      dir: 'data/stories',
      home: 'mss-haiti',
      // Where the site is published: share tags, canonical links and oEmbed need absolute URLs.
      site: process.env.STORYMAP_SITE_URL ?? 'http://127.0.0.1:4173/',
    }),
  ],
  build: { target: 'es2022', assetsInlineLimit: 0 },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browser tests share one built site and a small machine: run files one at a time.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Separate projects, so `vitest run --project unit` answers in seconds.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Builds the fixture stories' site the browser tests serve.
          globalSetup: ['tests/browser/global-setup.ts'],
        },
      },
    ],
  },
});
