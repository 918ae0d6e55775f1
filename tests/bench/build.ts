/**
 * Build timings: each fixture story built on its own (what a reporter waits for after editing one
 * story; includes Vite's fixed start-up), then the whole fixture site the rest of the bench serves,
 * then the brotli/gzip pass over it. Fixture stories only, never data/stories, so runs compare.
 */
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

/** Builds the whole fixture site into `outDir` and precompresses it, as `npm start` does. */
export async function buildServedSite(outDir: string, site: string): Promise<{ build: number; compress: number }> {
  let start = performance.now();
  await buildSite(FIXTURES, HOME, outDir, site);
  const build = seconds(start);
  start = performance.now();
  await compressDir(outDir);
  return { build, compress: seconds(start) };
}
