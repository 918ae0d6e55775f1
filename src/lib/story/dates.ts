/**
 * Calendar dates as stories write them: `2021`, `2024-06` or `2025-04-03`.
 * The written form carries the precision, so "June 2024" never turns into a made-up day.
 * Everything here works in UTC so a date means the same day for every reader.
 */
export type Precision = 'year' | 'month' | 'day';

export interface CalendarDate {
  /** The date as written in the story, e.g. `2024-06`. */
  text: string;
  precision: Precision;
  year: number;
  /** 1..12; 1 when the precision is `year`. */
  month: number;
  /** 1..31; 1 when the precision is coarser than `day`. */
  day: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a written date, or returns a reason it is not one (e.g. `2025-02-30 is not a real date`). */
export function parseCalendarDate(input: string | number): CalendarDate | string {
  const text = String(input);
  const match = PATTERN.exec(text);
  if (!match) return `"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  const precision: Precision = match[3] ? 'day' : match[2] ? 'month' : 'year';
  if (month < 1 || month > 12) return `${text} is not a real date: month ${month} is outside 1..12`;
  if (day < 1 || day > daysInMonth(year, month)) return `${text} is not a real date`;
  return { text, precision, year, month, day };
}

/** Date.UTC reads years 0..99 as 1900..1999; setting the full year keeps them as written. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(2000, monthIndex, day));
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

export function daysInMonth(year: number, month: number): number {
  return utc(year, month, 0).getUTCDate();
}

/** First instant covered by the date (midnight UTC of its first day). */
export function startOf(date: CalendarDate): Date {
  return utc(date.year, date.month - 1, date.day);
}

/** First instant after the date: the day, month or year it names is [startOf, endOf). */
export function endOf(date: CalendarDate): Date {
  const { year, month, day } = date;
  if (date.precision === 'year') return utc(year + 1, 0, 1);
  if (date.precision === 'month') return utc(year, month, 1);
  return utc(year, month - 1, day + 1);
}
