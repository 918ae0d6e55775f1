/**
 * The table's rows: each figure, where it comes from, and its budget from issue 9 (none: the
 * figure is reported to explain the others). Kept as tables so a budget is changed in one place.
 */
import type { StoryBuild } from './build.ts';
import type { FormFactor, LighthouseRun } from './lighthouse.ts';
import type { ScrollRun } from './scroll.ts';
import { READ_MS, type NetworkRun } from './network.ts';
import { row, type Budget, type Row } from './stats.ts';

const atMost = (limit: number): Budget => ({ op: '<=', limit });
const atLeast = (limit: number): Budget => ({ op: '>=', limit });

type Spec<T> = [figure: string, pick: (run: T) => number, unit: string, budget?: Budget];

export function buildRows(
  stories: StoryBuild[],
  first: StoryBuild,
  edited: StoryBuild[],
  site: { build: number; compress: number },
): Row[] {
  return [
    // The first story built in the process also pays for what every later one shares: Vite's
    // start, and Natural Earth's simplified tiers read (or made, the first time: atlas-cache.ts).
    // The later ones are what a rebuild in `npm run dev` or a site of many stories adds per story.
    ...stories.map((b, i) =>
      row(
        `build ${b.slug} (${b.steps} steps, ${b.events} events)${i === 0 ? ', first: Vite starts, atlas read' : ''}`,
        [b.seconds],
        ' s',
      ),
    ),
    // The budget is for the long story (40 steps) as a reporter builds it: `vite build`
    // (npm run build) of it alone, from the process's spawn to its exit, compressed. Built again
    // after an edit to a step's text, it reads what the first build kept and the edit left as it
    // was (the atlas, renderers, font subsets, the story's basemap, the unchanged files' copies).
    row(`build ${first.slug} alone: vite build, a new process`, [first.seconds], ' s'),
    row(
      `… again after an edit to a step's text`,
      edited.map((b) => b.seconds),
      ' s',
      atMost(5),
    ),
    row('build whole fixture site', [site.build], ' s'),
    row('brotli + gzip pass', [site.compress], ' s'),
  ];
}

export function lighthouseRows(form: FormFactor, runs: LighthouseRun[]): Row[] {
  const specs: Spec<LighthouseRun>[] = [
    ['performance', (x) => x.scores.performance, '', atLeast(form === 'mobile' ? 95 : 100)],
    ['accessibility', (x) => x.scores.accessibility, '', atLeast(100)],
    ['best practices', (x) => x.scores['best-practices'], '', atLeast(100)],
    ['SEO', (x) => x.scores.seo, '', atLeast(100)],
    ['LCP', (x) => x.lcp, ' ms', atMost(1500)],
    ['TBT', (x) => x.tbt, ' ms', atMost(150)],
    ['CLS', (x) => x.cls, '', atMost(0.01)],
    // Below ~1000 Lighthouse warns that the machine is too slow for its scores to mean much.
    ['benchmarkIndex (machine speed)', (x) => x.benchmarkIndex, ''],
  ];
  return specs.map(([figure, pick, unit, budget]) => row(`LH ${form} ${figure}`, runs.map(pick), unit, budget));
}

const heapGrowth = (x: ScrollRun) => (100 * (x.heapFifth - x.heapFirst)) / x.heapFirst;

export function scrollRows(viewport: string, runs: ScrollRun[]): Row[] {
  const specs: Spec<ScrollRun>[] = [
    ['LCP (observer, 4× CPU)', (x) => x.lcp, ' ms', atMost(1500)],
    ['CLS (observer, whole visit)', (x) => x.cls, '', atMost(0.01)],
    ['map ready, from navigation', (x) => x.readyAt, ' ms'],
    ['map drawn after first scroll', (x) => x.mapAfterScroll, ' ms', atMost(2000)],
    ['tasks > 100 ms while scrolling', (x) => x.scroll.tasksOver100, '', atMost(0)],
    // The same scroll traced: what is left of the long tasks once the software compositor's copy of
    // the map's canvas is taken out, which a phone compositing on its GPU never makes (readback.ts).
    ['tasks > 100 ms while scrolling, traced', (x) => x.scroll.traced.traced, ''],
    ['… of them without the canvas read-back', (x) => x.scroll.traced.withoutReadback, ''],
    ['longest task while scrolling', (x) => x.scroll.longestTask, ' ms'],
    ['blocking time while scrolling', (x) => x.scroll.blocking, ' ms'],
    ['frames per second while scrolling', (x) => x.scroll.fps, ''],
    ['longest frame gap while scrolling', (x) => x.scroll.longestGap, ' ms'],
    ['map frames while scrolling', (x) => x.scroll.mapFrames, ''],
    ['steps announced / steps', (x) => x.scroll.stepsSeen / x.scroll.steps, '', atLeast(1)],
    ['jump top → last step', (x) => x.jumpDown, ' ms'],
    ['jump back to first step', (x) => x.jumpUp, ' ms'],
    ['longest task during jumps', (x) => x.jumpLongestTask, ' ms'],
    ['heap after pass 1', (x) => x.heapFirst / 2 ** 20, ' MB'],
    ['heap growth, pass 1 → 5', heapGrowth, ' %', atMost(10)],
  ];
  return specs.map(([figure, pick, unit, budget]) => row(`${viewport} ${figure}`, runs.map(pick), unit, budget));
}

/** No budget: issue 9 times the map on the loopback; these show what a phone's network adds. */
export function networkRows(viewport: string, runs: NetworkRun[]): Row[] {
  return [
    row(
      `${viewport} slow 4G: map drawn after a scroll at load`,
      runs.map((x) => x.atOnce),
      ' ms',
    ),
    row(
      `${viewport} slow 4G: map drawn after a scroll ${READ_MS / 1000} s in`,
      runs.map((x) => x.afterReading),
      ' ms',
    ),
  ];
}
