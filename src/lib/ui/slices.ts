/**
 * Work spread over short tasks: between two slices the browser can scroll, paint and answer a
 * tap, where one long task would hold the page until it ended.
 */

/** A slice's length: long enough to do real work, short beside a frame on a mid-range phone. */
const SLICE_MS = 4;

/**
 * Runs `work` (an iterator that pauses where it may be interrupted) a slice at a time, each in a
 * task of its own, then hands its result to `done`. The first slice runs at once, so work that
 * needs no pause ends in the caller's task. Returns a function that drops what is left.
 */
export function runInSlices<T>(work: Iterator<unknown, T>, done: (result: T) => void, sliceMs = SLICE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const start = performance.now();
    for (;;) {
      const next = work.next();
      if (next.done) return done(next.value);
      if (performance.now() - start >= sliceMs) break;
    }
    timer = setTimeout(slice);
  };
  slice();
  // JavaScript runs one task at a time: stopped between slices, the next one is the only work left.
  return () => clearTimeout(timer);
}
