/**
 * Build timings: each fixture story built on its own (what a reporter waits for after editing one
 * story; includes Vite's fixed start-up), the long story again in a process of its own (what a
 * one-story `npm run build` costs, start to end), then the whole fixture site the rest of the
 * bench serves, then the brotli/gzip pass over it. Fixture stories only, never data/stories, so
 * runs compare.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
 * Builds one fixture story in a new Node process, then precompresses it as the kit's config does,
 * and returns the seconds from that process's start to the end: Node's and the loader's start,
 * Vite's, the story's build, and its .br/.gz copies, as in a one-story `npm run build`. What the
 * build keeps between builds (the atlas's tiers, the compressed copies) is made the first time and
 * read after: the bench times the build twice.
 */
export function timeFreshBuild(slug: string, site: string): number {
  const temp = scratchDir('bench-fresh');
  try {
    const file = `${slug}.yaml`;
    mkdirSync(join(temp, slug));
    copyFileSync(resolve(ROOT, FIXTURES, file), join(temp, slug, file));
    const out = join(temp, 'out');
    // performance.now() in the child counts from its own start.
    const script = `Promise.all([
      import(${JSON.stringify(resolve(ROOT, 'tests/build-site.ts'))}),
      import(${JSON.stringify(resolve(ROOT, 'src/build/compress.ts'))}),
    ]).then(async ([m, c]) => {
      await m.buildSite(${JSON.stringify(join(temp, slug))}, ${JSON.stringify(slug)}, ${JSON.stringify(out)}, ${JSON.stringify(site)});
      await c.compressDir(${JSON.stringify(out)});
      console.log(performance.now() / 1000);
    })`;
    const printed = execFileSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return Number(printed.trim().split('\n').at(-1));
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
