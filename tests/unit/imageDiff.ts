/**
 * Compares two RGBA pictures the way MapLibre's render tests do: a pixel differs when one of its
 * channels is further than a colour threshold from the expected one, and the pictures match while
 * the share of differing pixels stays within what is allowed. Pure: no files, no PNG decoding.
 */

/** An RGBA picture, 4 bytes a pixel, rows top to bottom (what pngjs and resvg both give). */
export interface Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface DiffOptions {
  /** Largest difference in any channel (0-255) that still counts as the same colour. */
  threshold: number;
  /** Largest share of the pixels (0-1) that may differ. */
  allowed: number;
}

export interface DiffResult {
  pass: boolean;
  /** How many pixels differ (every pixel when the sizes differ). */
  differing: number;
  /** `differing` as a share of the pixels. */
  share: number;
  /** Why it failed, in words; empty when it passed. */
  reason: string;
  /**
   * The expected picture faded to a pale grey, with the differing pixels in red: where to look.
   * Absent when the sizes differ.
   */
  diff?: Picture;
}

export function diffImages(actual: Picture, expected: Picture, { threshold, allowed }: DiffOptions): DiffResult {
  const pixels = expected.width * expected.height;
  if (actual.width !== expected.width || actual.height !== expected.height) {
    const reason = `size is ${actual.width}x${actual.height}, expected ${expected.width}x${expected.height}`;
    return { pass: false, differing: pixels, share: 1, reason };
  }
  const a = actual.data;
  const e = expected.data;
  const out = new Uint8Array(pixels * 4);
  let differing = 0;
  for (let i = 0; i < pixels * 4; i += 4) {
    let far = 0;
    for (let c = 0; c < 4; c++) far = Math.max(far, Math.abs((a[i + c] ?? 0) - (e[i + c] ?? 0)));
    if (far > threshold) {
      differing++;
      out.set([255, 0, 0, 255], i);
    } else {
      // Luma of the expected pixel, pushed towards white so the red stands out.
      const grey = 0.299 * (e[i] ?? 0) + 0.587 * (e[i + 1] ?? 0) + 0.114 * (e[i + 2] ?? 0);
      const pale = Math.round(255 - (255 - grey) * 0.25);
      out.set([pale, pale, pale, 255], i);
    }
  }
  const share = pixels ? differing / pixels : 0;
  const pass = share <= allowed;
  const reason = pass
    ? ''
    : `${differing} pixels (${(share * 100).toFixed(3)}%) differ by more than ${threshold} levels, ` +
      `allowed ${(allowed * 100).toFixed(3)}%`;
  return { pass, differing, share, reason, diff: { width: expected.width, height: expected.height, data: out } };
}
