/**
 * Build timings: each fixture story built on its own (what a reporter waits for after editing one
 * story; includes Vite's fixed start-up), the long story again in a process of its own (what a
 * one-story `npm run build` costs, start to end), then the whole fixture site the rest of the
 * bench serves, then the brotli/gzip pass over it. Fixture stories only, never data/stories, so
 * runs compare.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildSite, ROOT } from '../build-site.ts';
import { compressDir } from '../../src/build/compress.ts';
import { scratchDir } from '../scratch.ts';

/** tests/fixtures/site: the Haiti story, and pacific-relief (40 steps, 150 events: the long story). */
export const FIXTURES = 'tests/fixtures/site';
export const HOME = 'mss-haiti';

export interface StoryBuild {
  slug: string;
  steps: number;
  events: number;
  seconds: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Builds each fixture story alone into a throw-away folder and times it. */
export async function timeStoryBuilds(site: string): Promise<StoryBuild[]> {
  const temp = scratchDir('bench');
  const results: StoryBuild[] = [];
  try {
    for (const file of readdirSync(resolve(ROOT, FIXTURES)).filter((f) => /\.ya?ml$/.test(f))) {
      const slug = file.replace(/\.ya?ml$/, '');
      const story = parse(readFileSync(resolve(ROOT, FIXTURES, file), 'utf8')) as { steps?: []; events?: [] };
      const dir = join(temp, slug);
      mkdirSync(dir);
      copyFileSync(resolve(ROOT, FIXTURES, file), join(dir, file));
      const start = performance.now();
      await buildSite(dir, slug, join(temp, `${slug}-out`), site);
      results.push({
        slug,
        steps: story.steps?.length ?? 0,
        events: story.events?.length ?? 0,
        seconds: seconds(start),
      });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return results;
}

/**
 * Builds one fixture story with `vite build`, as a reporter's `npm run build` runs: a new process,
 * the kit's own `vite.config.ts` (its build settings and its plugins, the .br/.gz copies included),
 * only its stories' folder swapped for one holding this story. Returns the seconds from the
 * process's spawn to its exit. What the build keeps between builds (the atlas's tiers, the page
 * renderers, the fonts' subsets, the stories' basemaps, the compressed copies) is made the first
 * time and read after: the bench times the build twice, the second time after `edit`.
 */
export function timeFreshBuild(slug: string, site: string, edit = (yaml: string) => yaml): number {
  const temp = scratchDir('bench-fresh');
  try {
    const file = `${slug}.yaml`;
    mkdirSync(join(temp, 'stories'));
    writeFileSync(join(temp, 'stories', file), edit(readFileSync(resolve(ROOT, FIXTURES, file), 'utf8')));
    const config = join(temp, 'vite.config.ts');
    writeFileSync(
      config,
      `import kit from ${JSON.stringify(resolve(ROOT, 'vite.config.ts'))};
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages } from ${JSON.stringify(resolve(ROOT, 'src/build/plugin.ts'))};
import { compress } from ${JSON.stringify(resolve(ROOT, 'src/build/compress.ts'))};
// The kit's plugins as its config lists them, with this folder's story as the only one.
const pages = storyPages({ dir: ${JSON.stringify(join(temp, 'stories'))}, home: ${JSON.stringify(slug)}, site: ${JSON.stringify(site)} });
export default { ...kit, test: undefined, plugins: [svelte(), pages, compress()] };
`,
    );
    const start = performance.now();
    execFileSync(
      resolve(ROOT, 'node_modules/.bin/vite'),
      ['build', '--config', config, '--outDir', join(temp, 'out'), '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return seconds(start);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Builds the whole fixture site into `outDir` and precompresses it, as `npm start` does. */
export async function buildServedSite(outDir: string, site: string): Promise<{ build: number; compress: number }> {
  let start = performance.now();
  await buildSite(FIXTURES, HOME, outDir, site);
  const build = seconds(start);
  start = performance.now();
  await compressDir(outDir);
  return { build, compress: seconds(start) };
}
