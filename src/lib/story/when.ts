/**
 * When an event happened, with the precision the source gives. A story writes one of:
 *   { date: 2024-06 }                    a day, a month or a year, by how it is written
 *   { from: 2025-03-24, to: 2025-03-30 } a range, e.g. "last week" in a dated article
 *   { since: 2021 }                      ongoing from then until the source's date
 *   { by: 2026-02 }                      a deadline or target
 * and may add `note` to say where the dates come from ("last week" in an article of 3 April 2025).
 */
import { endOf, startOf, type CalendarDate } from './dates.ts';

export type When =
  | { kind: 'date'; date: CalendarDate; note?: string }
  | { kind: 'range'; from: CalendarDate; to: CalendarDate; note?: string }
  | { kind: 'since'; since: CalendarDate; note?: string }
  | { kind: 'by'; by: CalendarDate; note?: string };

/** The time an event covers, as a half-open interval [start, end) in milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** `since` runs until the day the source was published: what came later, the source cannot know. */
export function interval(when: When, published: CalendarDate): Interval {
  switch (when.kind) {
    case 'date':
      return { start: +startOf(when.date), end: +endOf(when.date) };
    case 'range':
      return { start: +startOf(when.from), end: +endOf(when.to) };
    case 'since':
      return { start: +startOf(when.since), end: +endOf(published) };
    case 'by':
      return { start: +startOf(when.by), end: +endOf(when.by) };
  }
}

/** A target date, or anything that starts after the source was published, has not happened yet. */
export function isFuture(when: When, published: CalendarDate): boolean {
  return when.kind === 'by' || interval(when, published).start >= +endOf(published);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024` / `June 2024` / `3 April 2025`, never more precise than written. */
export function formatDate(date: CalendarDate): string {
  const month = MONTHS[date.month - 1];
  if (date.precision === 'year') return String(date.year);
  if (date.precision === 'month') return `${month} ${date.year}`;
  return `${date.day} ${month} ${date.year}`;
}

/** A range written as compactly as its ends allow: `24–30 March 2025`, `30 March – 3 April 2025`. */
export function formatRange(from: CalendarDate, to: CalendarDate): string {
  if (from.text === to.text) return formatDate(from);
  if (from.precision === 'day' && to.precision === 'day' && from.year === to.year) {
    if (from.month === to.month) return `${from.day}–${to.day} ${MONTHS[to.month - 1]} ${to.year}`;
    return `${from.day} ${MONTHS[from.month - 1]} – ${formatDate(to)}`;
  }
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** The date as the page shows it, with its precision in words. */
export function formatWhen(when: When): string {
  switch (when.kind) {
    case 'date':
      return formatDate(when.date);
    case 'range':
      return formatRange(when.from, when.to);
    case 'since':
      return `Since ${formatDate(when.since)}`;
    case 'by':
      return `By ${formatDate(when.by)} (target)`;
  }
}

/** How precise the date is, in words a reader understands. */
export function describePrecision(when: When): string {
  switch (when.kind) {
    case 'date':
      return { day: 'exact day', month: 'month only', year: 'year only' }[when.date.precision];
    case 'range':
      return 'somewhere in this range; the source gives no exact day';
    case 'since':
      return 'ongoing since then';
    case 'by':
      return 'a target date, not an event that has happened';
  }
}
