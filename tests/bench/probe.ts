/**
 * What the bench records inside the page, installed before any of the page's own scripts run.
 * It is a string, not a function: tsx would wrap a function's inner helpers in `__name(...)`,
 * which doesn't exist in the page.
 *
 * - LCP and layout shifts (PerformanceObserver, buffered), with the shifted nodes named;
 * - long tasks (PerformanceObserver 'longtask');
 * - every animation frame's timestamp (requestAnimationFrame), for frame rate and gaps;
 * - map frames: the map's MapLibre instance isn't reachable from the page (controller.ts keeps it
 *   private), so a frame counts as a map frame when WebGL drew in it (drawElements/drawArrays);
 * - when `window.storyMap.ready` resolved, and which steps were announced.
 */
export interface Probe {
  lcp: number;
  lcpNode: string;
  shifts: { t: number; value: number; sources: string[] }[];
  longtasks: [start: number, duration: number][];
  frames: number[];
  mapFrames: number[];
  draws: number;
  readyAt: number | null;
  steps: string[];
}

export const PROBE = `(() => {
  const p = (window.__bench = { lcp: 0, lcpNode: '', shifts: [], longtasks: [], frames: [], mapFrames: [], draws: 0, readyAt: null, steps: [] });
  const label = (n) => !n || !n.nodeName ? '' : n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') +
    (typeof n.className === 'string' && n.className.trim() ? '.' + n.className.trim().split(/\\s+/).join('.') : '');
  const observe = (type, each) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true }); } catch {}
  };
  observe('largest-contentful-paint', (e) => { p.lcp = e.startTime; p.lcpNode = label(e.element); });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) p.shifts.push({ t: e.startTime, value: e.value, sources: (e.sources || []).map((s) => label(s.node)) }); });
  observe('longtask', (e) => p.longtasks.push([e.startTime, e.duration]));
  let drew = false;
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const m of ['drawElements', 'drawArrays']) {
      const original = C.prototype[m];
      C.prototype[m] = function (...args) { drew = true; p.draws++; return original.apply(this, args); };
    }
  }
  let hooked = false;
  const frame = (t) => {
    p.frames.push(t);
    if (drew) { p.mapFrames.push(t); drew = false; }
    if (!hooked && window.storyMap) { hooked = true; window.storyMap.ready.then(() => { p.readyAt = performance.now(); }); }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener('storymap:step', (e) => p.steps.push(e.detail.id));
})();`;

/** CLS as the web-vitals library defines it: the largest session window of shifts (gaps < 1 s, span ≤ 5 s). */
export function cls(shifts: Probe['shifts']): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { t, value } of shifts) {
    if (t - last > 1000 || t - first > 5000) [sum, first] = [0, t];
    sum += value;
    last = t;
    best = Math.max(best, sum);
  }
  return best;
}

/** Long tasks, blocking time and frames between two page timestamps. */
export function during(p: Probe, from: number, to: number) {
  const tasks = p.longtasks.filter(([s]) => s >= from && s <= to).map(([, d]) => d);
  const frames = p.frames.filter((t) => t >= from && t <= to);
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  return {
    tasksOver100: tasks.filter((d) => d > 100).length,
    longestTask: Math.max(0, ...tasks),
    blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    fps: frames.length > 1 ? ((frames.length - 1) * 1000) / ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) : 0,
    longestGap: Math.max(0, ...gaps),
    mapFrames: p.mapFrames.filter((t) => t >= from && t <= to).length,
  };
}
