/**
 * Tick marks for a time axis, labelled at the interval the ticks fall on: years as years, months
 * by name, days as "3 Apr". A label names its year only where the year changes (and on the first
 * tick), so no two neighbours read the same. Years print in full, as stories write them (year 1,
 * 2025, 10000): d3-time-format's %Y pads to four digits and wraps 10000 round to "0000".
 */
import { utcTicks } from 'd3-time';

const DAY = 86_400_000;
/** Short month names, in the story's language (i18n/messages.ts `monthsShort`); English by default. */
const MONTHS: readonly string[] = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Tick {
  /** The instant the tick marks (midnight UTC of a day), in ms. */
  at: number;
  label: string;
}

/** The finest calendar unit every tick falls on a boundary of. */
function unitOf(ticks: readonly Date[]): 'year' | 'month' | 'day' {
  if (ticks.every((t) => t.getUTCMonth() === 0 && t.getUTCDate() === 1)) return 'year';
  if (ticks.every((t) => t.getUTCDate() === 1)) return 'month';
  return 'day';
}

/** Labels for ticks in increasing order, all at midnight UTC. */
export function tickLabels(ticks: readonly Date[], months: readonly string[] = MONTHS): string[] {
  const unit = unitOf(ticks);
  return ticks.map((t, i) => {
    const year = String(t.getUTCFullYear());
    const month = months[t.getUTCMonth()] ?? '';
    const newYear = i === 0 || ticks[i - 1]?.getUTCFullYear() !== t.getUTCFullYear();
    if (unit === 'year') return year;
    // On a month axis a January tick is the year's own boundary: its year says it all.
    if (unit === 'month') return !newYear ? month : t.getUTCMonth() === 0 ? year : `${month} ${year}`;
    return `${t.getUTCDate()} ${month}${newYear ? ` ${year}` : ''}`;
  });
}

/** About `count` ticks over `domain` (ms, UTC), never closer than a day apart. */
export function timeTicks(
  domain: readonly [number, number],
  count: number,
  months: readonly string[] = MONTHS,
): Tick[] {
  const [start, stop] = domain;
  // Stories are dated to the day at most: hourly ticks would repeat a day's label.
  const ticks = utcTicks(new Date(start), new Date(stop), Math.min(count, (stop - start) / DAY));
  const labels = tickLabels(ticks, months);
  return ticks.map((t, i) => ({ at: +t, label: labels[i] ?? '' }));
}
