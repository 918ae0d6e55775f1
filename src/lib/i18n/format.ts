/**
 * Dates as the page writes them, in the language of its own words, never more precise than the
 * story wrote them: `2024` / `June 2024` / `3 April 2025`, `juin 2024` / `3 avril 2025`,
 * `jen 2024` / `3 avril 2025`.
 *
 * Month names come from `Intl.DateTimeFormat` in the language's locale (messages.ts `LOCALES`).
 * The JavaScript engines carry no Haitian Creole calendar data (Node and Chromium format `ht` as
 * American English), so Creole takes its month names from `MONTHS` below, in the same day-month-
 * year order as French; numbers stay plain digits. The same code runs at build time and in the
 * browser, so the page the build writes and the one the script hydrates say the same.
 */
import { startOf, type CalendarDate } from '../story/dates.ts';
import { LOCALES, type Lang } from './messages.ts';

/** Month names for languages the engines have no calendar data for. */
const MONTHS: Partial<Record<Lang, readonly string[]>> = {
  ht: ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'],
};

export interface DateFormat {
  /** `3 April 2025`, `April 2025` or `2025`, by the date's precision. */
  date: (date: CalendarDate) => string;
  /** A day without its year: `30 March`, the start of a range within one year. */
  dayMonth: (date: CalendarDate) => string;
}

const cache = new Map<Lang, DateFormat>();

function intlFormat(locale: string): DateFormat {
  const options = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...o });
  const day = options({ day: 'numeric', month: 'long', year: 'numeric' });
  const month = options({ month: 'long', year: 'numeric' });
  const dayMonth = options({ day: 'numeric', month: 'long' });
  return {
    date: (d) =>
      // A year alone is the year as written (year 1 stays "1"): no calendar era or padding.
      d.precision === 'year' ? String(d.year) : (d.precision === 'month' ? month : day).format(startOf(d)),
    dayMonth: (d) => dayMonth.format(startOf(d)),
  };
}

function namedFormat(months: readonly string[]): DateFormat {
  const name = (d: CalendarDate) => months[d.month - 1] ?? '';
  return {
    date: (d) =>
      d.precision === 'year'
        ? String(d.year)
        : d.precision === 'month'
          ? `${name(d)} ${d.year}`
          : `${d.day} ${name(d)} ${d.year}`,
    dayMonth: (d) => `${d.day} ${name(d)}`,
  };
}

export function dateFormat(lang: Lang): DateFormat {
  let format = cache.get(lang);
  if (!format) {
    const months = MONTHS[lang];
    format = months ? namedFormat(months) : intlFormat(LOCALES[lang]);
    cache.set(lang, format);
  }
  return format;
}
