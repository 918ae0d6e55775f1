/**
 * How much of the main thread's long tasks is this machine's, not the page's. Chromium run with
 * `--disable-gpu` composites in software, so at every frame the map draws it copies the WebGL
 * canvas back from the GPU process (`GLES2::ReadPixels`) and waits there while SwiftShader draws
 * the frame on the CPU. A phone composites on its GPU and never makes that copy. A trace of the
 * scroll gives each task's length and the copy's share of it, so the table can show both the
 * long tasks as measured and what remains of them without the copy.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** Starts a trace with only the two categories the count needs, to disturb the page little. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (d: { value: object[] }) => events.push(...(d.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'toplevel,gpu', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * The page's main-thread tasks over `limit` ms: as traced, and with the time each spent copying
 * the canvas back taken out. The page's main thread is the renderer main thread that ran longest.
 */
export function tasksOver(events: TraceEvent[], limit = 100): { traced: number; withoutReadback: number } {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const busy = (list: TraceEvent[]) =>
    list.filter((e) => e.name === 'ThreadControllerImpl::RunTask').reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const main = [...byThread.values()].sort((a, b) => busy(b) - busy(a))[0] ?? [];
  const copies = main.filter((e) => e.name === 'GLES2::ReadPixels');
  let traced = 0;
  let withoutReadback = 0;
  for (const task of main) {
    if (task.name !== 'ThreadControllerImpl::RunTask' || (task.dur ?? 0) <= limit * 1000) continue;
    const end = task.ts + (task.dur ?? 0);
    const copied = copies
      .filter((c) => c.ts >= task.ts && c.ts + (c.dur ?? 0) <= end)
      .reduce((sum, c) => sum + (c.dur ?? 0), 0);
    traced++;
    if ((task.dur ?? 0) - copied > limit * 1000) withoutReadback++;
  }
  return { traced, withoutReadback };
}
