/**
 * Lighthouse 12.2.3 through its CLI, one fresh Chromium per run (so runs don't share a cache),
 * mobile (Lighthouse's default: a mid-range phone, slow 4G and 4× CPU, simulated) and desktop.
 * Lighthouse's LCP-element, render-blocking and layout-shift audits error with Chromium 156;
 * the scores and metrics still come out, and scroll.ts measures LCP and CLS in the page as well.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../build-site.ts';
import { CHROME_FLAGS, chromePath } from './chrome.ts';

const run = promisify(execFile);
const LIGHTHOUSE = resolve(ROOT, 'node_modules/.bin/lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's CPU benchmark of this machine: below ~1000 it warns the scores are unreliable. */
  benchmarkIndex: number;
  /** Audits that errored (expected: the ones Chromium 156 breaks). */
  errors: string[];
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; errorMessage?: string }>;
  environment: { benchmarkIndex: number };
}

export async function lighthouse(url: string, formFactor: FormFactor): Promise<LighthouseRun> {
  const args = [
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const { stdout } = await run(LIGHTHOUSE, args, {
    env: { ...process.env, CHROME_PATH: chromePath() },
    maxBuffer: 512 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as Report;
  const metric = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const score = (id: string) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as LighthouseRun['scores'],
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    benchmarkIndex: report.environment.benchmarkIndex,
    errors: Object.entries(report.audits)
      .filter(([, a]) => a.errorMessage)
      .map(([id]) => id),
  };
}
