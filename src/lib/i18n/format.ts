/**
 * Dates as the page writes them, in the language of its own words, never more precise than the
 * story wrote them: `2024` / `June 2024` / `3 April 2025`, `juin 2024` / `3 avril 2025`,
 * `jen 2024` / `3 avril 2025`.
 *
 * Every language the kit speaks writes a date day first, then the month's name, then the year, so
 * one format with each language's month names serves them all. The names are written out below
 * rather than asked of `Intl.DateTimeFormat`: the first date formatter a page makes loads the
 * engine's calendar data, 12–18 ms on this machine's Chromium (four times that on a mid-range
 * phone), inside the task that hydrates the page before its first paint. The i18n unit test holds
 * the English and French names and order to the engine's own (CLDR) in every month, so they cannot
 * drift. The engines carry no Haitian Creole calendar data at all (Node and Chromium format `ht`
 * as American English), so Creole's names were always the kit's own. Numbers stay plain digits.
 * The same code runs at build time and in the browser, so the page the build writes and the one
 * the script hydrates say the same.
 *
 * To add a language: add its month names here. If it orders a date otherwise (German writes
 * `3. April 2025`), the i18n test comparing with the engine fails until this file learns its order.
 */
import type { CalendarDate } from '../story/dates.ts';
import type { Lang } from './messages.ts';

/** Each language's month names, as they stand inside a date (`3 April`, `3 avril`, `3 avril`). */
export const MONTHS: Record<Lang, readonly string[]> = {
  en: [
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
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  ht: ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'],
};

export interface DateFormat {
  /** `3 April 2025`, `April 2025` or `2025`, by the date's precision. */
  date: (date: CalendarDate) => string;
  /** A day without its year: `30 March`, the start of a range within one year. */
  dayMonth: (date: CalendarDate) => string;
}

export function dateFormat(lang: Lang): DateFormat {
  const months = MONTHS[lang];
  const name = (d: CalendarDate) => months[d.month - 1] ?? '';
  return {
    // A year alone is the year as written (year 1 stays "1"): no calendar era or padding.
    date: (d) =>
      d.precision === 'year'
        ? String(d.year)
        : d.precision === 'month'
          ? `${name(d)} ${d.year}`
          : `${d.day} ${name(d)} ${d.year}`,
    dayMonth: (d) => `${d.day} ${name(d)}`,
  };
}
