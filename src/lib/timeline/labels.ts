/**
 * Where the timeline's words go, so that none touches another at any width: tick labels under the
 * axis, the active events' names above it (always shown), "report" by its line, and other events'
 * names beside their marks where a lane has room. Widths come from `measure`: the real font in the
 * browser, a generous estimate in tests; the page also clips each label to the box given here.
 */
import { tickLabels, timeTicks, type Tick } from './ticks.ts';

/** Width in px of a text in the timeline's small font; `bold` for the active events' names. */
export type Measure = (text: string, bold?: boolean) => number;

/** About 0.6 em a character: wider than Source Sans 3's letters, so real text fits its box. */
export const estimate =
  (px: number): Measure =>
  (text, bold = false) =>
    Math.ceil(text.length * px * (bold ? 0.64 : 0.6));

export interface Box {
  x0: number;
  x1: number;
}
export interface Label extends Box {
  text: string;
}
/** The least room worth a name: a word or two and an ellipsis (fewer letters are only noise). */
export const MIN_LABEL = 72;
const GAP = 6;

/**
 * Ticks whose labels, centred on their ticks and kept inside the axis, leave GAP px between them:
 * the most that fit, from about `most` down, also trying every 2nd, 3rd… tick of each set (a
 * fortnight's ticks where weeks do not fit), and at least two where any two fit.
 */
export function fitTicks(
  domain: readonly [number, number],
  width: number,
  x: (t: number) => number,
  measure: Measure,
  most: number,
  /** Short month names in the story's language (English when left out). */
  months?: readonly string[],
): (Tick & Label & { x: number })[] {
  const boxes = (ats: number[]) => {
    const labels = tickLabels(
      ats.map((at) => new Date(at)),
      months,
    );
    return ats.map((at, i) => {
      const label = labels[i] ?? '';
      const w = Math.min(width, measure(label));
      const x0 = Math.min(Math.max(0, x(at) - w / 2), width - w);
      return { at, label, text: label, x: x(at), x0, x1: x0 + w };
    });
  };
  const fits = (ticks: Box[]) => ticks.every((t, i) => i === 0 || (ticks[i - 1]?.x1 ?? 0) + GAP <= t.x0);
  let one: ReturnType<typeof boxes> = [];
  for (let n = Math.max(1, Math.floor(most)); n >= 1; n--) {
    const ats = timeTicks(domain, n).map((t) => t.at);
    for (let k = 1; k <= ats.length; k++) {
      const ticks = boxes(ats.filter((_, i) => i % k === 0));
      if (!fits(ticks)) continue;
      if (ticks.length >= 2) return ticks;
      if (one.length === 0) one = ticks;
    }
  }
  return one;
}

/** Where a name sits over its marks: centred on them, kept inside the axis. */
function over(text: string, box: Box, width: number, measure: Measure): Label {
  const w = Math.min(width, measure(text, true));
  const x0 = Math.min(Math.max(0, (box.x0 + box.x1) / 2 - w / 2), width - w);
  return { text, x0, x1: x0 + w };
}

/**
 * The active events' names above an axis: each over its own mark where they all fit apart; else
 * one name over them all, with as many names as fit and how many more ("A · B and 2 more"). The
 * page clips what is still too wide with an ellipsis.
 */
export function flagLabels(flags: readonly { text: string; box: Box }[], width: number, measure: Measure): Label[] {
  if (flags.length === 0) return [];
  const each = flags.map((f) => over(f.text, f.box, width, measure)).sort((a, b) => a.x0 - b.x0);
  if (each.every((l, i) => i === 0 || (each[i - 1]?.x1 ?? 0) + GAP <= l.x0)) return each;
  const texts = flags.map((f) => f.text);
  let text = texts.join(' · ');
  for (let k = texts.length - 1; k >= 1 && measure(text, true) > width; k--)
    text = `${texts.slice(0, k).join(' · ')} and ${texts.length - k} more`;
  const all = { x0: Math.min(...flags.map((f) => f.box.x0)), x1: Math.max(...flags.map((f) => f.box.x1)) };
  return [over(text, all, width, measure)];
}

/** "report" beside its line, on whichever side the flags leave free; none if neither does. */
export function reportLabel(
  at: number,
  flags: readonly Box[],
  width: number,
  measure: Measure,
  word = 'report',
): Label | undefined {
  const w = measure(word);
  const free = (b: Box) => b.x0 >= 0 && b.x1 <= width && flags.every((f) => b.x1 + GAP <= f.x0 || f.x1 + GAP <= b.x0);
  const left = { text: word, x0: at - 3 - w, x1: at - 3 };
  const right = { text: word, x0: at + 3, x1: at + 3 + w };
  return [left, right].find(free);
}

export interface Mark extends Box {
  id: string;
  lane: number;
  /** Named by the flag instead, or merged into a cluster: no name of its own. */
  quiet: boolean;
  text: string;
}

/**
 * Names beside marks, in each lane left to right: after the mark (up to the next one, or the
 * axis's end) if the whole name fits there, else on the roomier side; never across a vertical line
 * (`walls`, e.g. the report's). Each name takes its full width, or what room there is if that is
 * MIN_LABEL or more.
 */
export function laneLabels(
  marks: readonly Mark[],
  width: number,
  measure: Measure,
  walls: readonly number[] = [],
): (Label & { id: string; lane: number })[] {
  const out: (Label & { id: string; lane: number })[] = [];
  const lanes = new Map<number, Mark[]>();
  for (const m of marks) {
    const row = lanes.get(m.lane);
    if (row) row.push(m);
    else lanes.set(m.lane, [m]);
  }
  for (const [lane, row] of lanes) {
    row.sort((a, b) => a.x0 - b.x0);
    let free = 0;
    row.forEach((m, i) => {
      const next = row[i + 1]?.x0 ?? width;
      if (!m.quiet) {
        const want = measure(m.text);
        const room = (from: number, to: number) => {
          for (const w of walls) {
            if (from >= w + 2 || w - 2 >= to) continue;
            if (w > m.x1) to = w - 2;
            else from = w + 2;
          }
          return { from, to };
        };
        const after = room(m.x1 + 3, next - GAP);
        const before = room(free + GAP, m.x0 - 3);
        const size = (r: { from: number; to: number }) => r.to - r.from;
        // The side with room for the whole name, else the roomier, if a word or two fits there.
        const best = size(after) >= want || size(after) >= size(before) ? after : before;
        const spot = size(best) >= Math.min(want, MIN_LABEL) ? best : undefined;
        if (spot) {
          const w = Math.min(want, spot.to - spot.from);
          // Before the mark, the name ends at the mark; after it, it starts there.
          const x0 = spot === before ? spot.to - w : spot.from;
          out.push({ id: m.id, lane, text: m.text, x0, x1: x0 + w });
          if (spot === after) free = x0 + w;
        }
      }
      free = Math.max(free, m.x1);
    });
  }
  return out;
}
