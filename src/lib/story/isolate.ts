/**
 * Story text set into the kit's own sentences where no element can hold it apart: aria-labels,
 * alt text, the page's <title> and share tags. A title with an unclosed right-to-left override
 * (U+202E) would otherwise reverse the words the kit writes after it ("Source: Desk 5202 lirpA 3").
 * In the page's markup the same job is done by <bdi> elements.
 */

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the plain-text form of <bdi>. */
const FSI = '\u2068';
const PDI = '\u2069';
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']);

/**
 * Text that can reorder its neighbours: bidi controls and marks, and letters of right-to-left
 * scripts (the ranges Unicode assigns to them by default: Hebrew to NKo and Arabic extensions,
 * Hebrew and Arabic presentation forms, and the right-to-left blocks of the supplementary planes).
 */
const REORDERS =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * Drops a POP DIRECTIONAL ISOLATE that closes nothing (it would close our own isolate early and
 * let the rest out), and closes every isolate the text leaves open (ours would close it instead,
 * leaving an override opened before it in force over the kit's words).
 */
function balanceIsolates(text: string): string {
  let open = 0;
  let out = '';
  for (const c of text) {
    if (ISOLATE_OPENERS.has(c)) open++;
    else if (c === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return out + PDI.repeat(open);
}

/**
 * `text` wrapped in FSI…PDI, so whatever direction it takes stays inside it; the closing PDI also
 * ends any embedding or override the text leaves open. Text that cannot reorder anything (most
 * English text) comes back as it is, so share cards and labels carry no invisible characters.
 */
export function isolate(text: string): string {
  return REORDERS.test(text) ? FSI + balanceIsolates(text) + PDI : text;
}
