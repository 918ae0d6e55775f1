/**
 * When an event happened, with the precision the source gives. A story writes one of:
 *   { date: 2024-06 }                    a day, a month or a year, by how it is written
 *   { from: 2025-03-24, to: 2025-03-30 } a range, e.g. "last week" in a dated article
 *   { since: 2021 }                      ongoing from then until the source's date
 *   { by: 2026-02 }                      a deadline or target
 * and may add `note` to say where the dates come from ("last week" in an article of 3 April 2025).
 */
import { endOf, startOf, type CalendarDate } from './dates.ts';
import { CATALOGUE, type Lang } from '../i18n/messages.ts';
import { dateFormat } from '../i18n/format.ts';

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

/** `2024` / `June 2024` / `3 April 2025`, never more precise than written, in `lang`'s words. */
export function formatDate(date: CalendarDate, lang: Lang = 'en'): string {
  return dateFormat(lang).date(date);
}

/** A range written as compactly as its ends allow: `24–30 March 2025`, `30 March – 3 April 2025`. */
export function formatRange(from: CalendarDate, to: CalendarDate, lang: Lang = 'en'): string {
  const format = dateFormat(lang);
  if (from.text === to.text) return format.date(from);
  // Every language the kit speaks writes the day first, so a shared month and year go last.
  if (from.precision === 'day' && to.precision === 'day' && from.year === to.year) {
    if (from.month === to.month) return `${from.day}–${format.date(to)}`;
    return `${format.dayMonth(from)} – ${format.date(to)}`;
  }
  return `${format.date(from)} – ${format.date(to)}`;
}

/** The date as the page shows it, with its precision in words. */
export function formatWhen(when: When, lang: Lang = 'en'): string {
  const m = CATALOGUE[lang];
  switch (when.kind) {
    case 'date':
      return formatDate(when.date, lang);
    case 'range':
      return formatRange(when.from, when.to, lang);
    case 'since':
      return m.since(formatDate(when.since, lang));
    case 'by':
      return m.by(formatDate(when.by, lang));
  }
}

/** How precise the date is, in words a reader understands. */
export function describePrecision(when: When, lang: Lang = 'en'): string {
  const m = CATALOGUE[lang];
  switch (when.kind) {
    case 'date':
      return { day: m.precisionDay, month: m.precisionMonth, year: m.precisionYear }[when.date.precision];
    case 'range':
      return m.precisionRange;
    case 'since':
      return m.precisionSince;
    case 'by':
      return m.precisionBy;
  }
}
