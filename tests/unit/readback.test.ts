import { describe, expect, it } from 'vitest';
import { tasksOver } from '../bench/readback.ts';

/** A trace of one renderer's main thread (pid 1) and another renderer's (pid 2); times in ms. */
function trace(tasks: [pid: number, start: number, ms: number, readback?: number][]) {
  const name = (pid: number) => ({
    name: 'thread_name',
    ph: 'M',
    pid,
    tid: 7,
    ts: 0,
    args: { name: 'CrRendererMain' },
  });
  return [
    name(1),
    name(2),
    ...tasks.flatMap(([pid, start, ms, readback]) => [
      { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid, tid: 7, ts: start * 1000, dur: ms * 1000 },
      ...(readback
        ? [{ name: 'GLES2::ReadPixels', ph: 'X', pid, tid: 7, ts: (start + 1) * 1000, dur: readback * 1000 }]
        : []),
    ]),
  ];
}

describe('tasksOver', () => {
  it('counts the long tasks, and those still long without the canvas read-back', () => {
    const events = trace([
      [1, 0, 150, 80], // a map frame: long only because of the copy
      [1, 200, 160, 20], // long with or without it
      [1, 400, 120], // long, no copy
      [1, 600, 90], // short
    ]);
    expect(tasksOver(events)).toEqual({ traced: 3, withoutReadback: 2 });
  });

  it('reads the page’s main thread, the renderer that was busiest, not another tab’s', () => {
    const events = trace([
      [1, 0, 300],
      [1, 400, 300],
      [2, 0, 200],
    ]);
    expect(tasksOver(events)).toEqual({ traced: 2, withoutReadback: 2 });
  });

  it('takes a read-back only into the task that holds it', () => {
    const events = trace([
      [1, 0, 130],
      [1, 200, 40, 30],
    ]);
    expect(tasksOver(events).withoutReadback).toBe(1);
  });
});
