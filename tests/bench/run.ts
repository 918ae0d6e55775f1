/**
 * `npm run bench`: builds the fixture site, serves it precompressed on 127.0.0.1, runs Lighthouse
 * (mobile and desktop) and a scripted scroll-through (phone and desktop sizes, CPU slowed 4×),
 * and the map's start on a slow phone network (network.ts),
 * then prints one table of figures against the budgets of issue 9 and writes bench-results/bench.json.
 *
 * Flags: --runs=N Lighthouse runs (default 5; --runs=1 for a quick check), --scroll-runs=N
 * (default the smaller of --runs and 3), --port=N (default 4393),
 * --story=slug (the story scrolled through; default the home story), --strict (exit 1 on a fail).
 * A measuring tool, never a test: timings on a shared machine are too noisy to fail a build on.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../build-site.ts';
import { serveDir } from '../../src/build/serve.ts';
import { buildServedSite, timeFreshBuild, timeStoryBuilds, HOME } from './build.ts';
import { lighthouse, type FormFactor, type LighthouseRun } from './lighthouse.ts';
import { launch } from './chrome.ts';
import { PHONE, scrollRun, VIEWPORTS, type ScrollRun } from './scroll.ts';
import { table, type Row } from './stats.ts';
import { buildRows, lighthouseRows, networkRows, scrollRows } from './rows.ts';
import { networkRun, type NetworkRun } from './network.ts';
import { scratchDir } from '../scratch.ts';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(flag('runs') ?? 5);
// A throttled scroll-through takes minutes on a small machine: fewer runs unless asked.
const scrollRuns = Number(flag('scroll-runs') ?? Math.min(runs, 3));
const port = Number(flag('port') ?? 4393);
const story = flag('story') ?? HOME;
const strict = process.argv.includes('--strict');
const log = (message: string) => console.error(`[bench] ${message}`);

const site = `http://127.0.0.1:${port}/`;
const out = scratchDir('bench-site');

log('building each fixture story on its own');
const storyBuilds = await timeStoryBuilds(site);
log('building the long story again with vite build, alone in a new process');
const long = storyBuilds.reduce((a, b) => (b.steps > a.steps ? b : a));
// The first build makes what the build keeps between builds, where it is not kept yet; then
// `runs` builds, each after an edit of its own to a step's text, as a reporter's rebuilds (an
// edit never made before: its pages are compressed afresh, as a real edit's are).
const edited = (yaml: string) => {
  const changed = yaml.replace(/^( {4}text: )(.+)$/m, `$1$2 Edited ${Date.now()}.`);
  if (changed === yaml) throw new Error(`no step's text to edit in ${long.slug}`);
  return changed;
};
const firstBuild = { ...long, seconds: timeFreshBuild(long.slug, site) };
const editedBuilds = Array.from({ length: runs }, () => ({
  ...long,
  seconds: timeFreshBuild(long.slug, site, edited),
}));
log('building and precompressing the fixture site');
const siteBuild = await buildServedSite(out, site);
const server = await serveDir(out, port);
const page = story === HOME ? server.url : `${server.url}${story}/`;

const lh: Record<FormFactor, LighthouseRun[]> = { mobile: [], desktop: [] };
const scrolls: Record<string, ScrollRun[]> = {};
const networks: NetworkRun[] = [];
try {
  for (let i = 1; i <= runs; i++) {
    for (const form of ['mobile', 'desktop'] as const) {
      log(`Lighthouse ${form}, run ${i} of ${runs}`);
      lh[form].push(await lighthouse(server.url, form));
    }
  }
  const browser = await launch();
  try {
    for (let i = 1; i <= scrollRuns; i++) {
      for (const viewport of VIEWPORTS) {
        log(`scroll-through ${viewport.name} ${viewport.width}×${viewport.height}, run ${i} of ${scrollRuns}`);
        (scrolls[viewport.name] ??= []).push(await scrollRun(browser, page, viewport));
      }
      log(`map start on slow 4G, phone, run ${i} of ${scrollRuns}`);
      networks.push(await networkRun(browser, page, PHONE));
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}

const rows: Row[] = [
  ...buildRows(storyBuilds, firstBuild, editedBuilds, siteBuild),
  ...lighthouseRows('mobile', lh.mobile),
  ...lighthouseRows('desktop', lh.desktop),
  ...Object.entries(scrolls).flatMap(([viewport, runs]) => scrollRows(viewport, runs)),
  ...networkRows(PHONE.name, networks),
];

console.log(table(rows));
const failed = rows.filter((r) => r.pass === false).length;
console.log(
  `\n${failed ? `${failed} figure(s) over budget` : 'all budgets met'} (Lighthouse ${runs} run(s), scroll-through ${scrollRuns}, story ${story})`,
);

// bench-results/ is git-ignored: results depend on the machine and are kept only to compare runs.
const dir = resolve(ROOT, 'bench-results');
mkdirSync(dir, { recursive: true });
const json = {
  date: new Date().toISOString(),
  runs,
  scrollRuns,
  story,
  cpus: cpus().length,
  storyBuilds,
  firstBuild,
  editedBuilds,
  siteBuild,
  lighthouse: lh,
  scrolls,
  networks,
  rows,
};
writeFileSync(join(dir, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
log(`wrote ${join(dir, 'bench.json')}`);
if (strict && failed) process.exitCode = 1;
