import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../src/lib/ui/slices.ts';

/** Ten steps of work, each at least a millisecond long; counts how many were done. */
function* work(done: { steps: number }) {
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    while (performance.now() - start < 1);
    done.steps++;
    yield;
  }
  return 'whole';
}

describe('runInSlices', () => {
  it('does a slice at once, the rest in later tasks, then hands over the result', async () => {
    const done = { steps: 0 };
    const result = new Promise<string>((resolve) => runInSlices(work(done), resolve, 2));
    // A 2 ms slice holds two or three 1 ms steps: the caller's task did not do them all.
    expect(done.steps).toBeGreaterThan(0);
    expect(done.steps).toBeLessThan(10);
    expect(await result).toBe('whole');
    expect(done.steps).toBe(10);
  });

  it('ends in the caller’s task when the work has no pause', () => {
    let result: string | undefined;
    // An iterator that is done at its first step, as a globe drawn before is (locator.ts).
    runInSlices([].values(), () => (result = 'at once'));
    expect(result).toBe('at once');
  });

  it('drops what is left when stopped', async () => {
    const done = { steps: 0 };
    let result: string | undefined;
    const stop = runInSlices(work(done), (r) => (result = r), 2);
    stop();
    const after = done.steps;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done.steps).toBe(after);
    expect(result).toBeUndefined();
  });
});
