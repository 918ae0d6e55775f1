/** A story's worth of events for the timeline's tests, of every kind `when` can be. */
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import type { When } from '../../src/lib/story/when.ts';

const date = (s: string) => parseCalendarDate(s) as CalendarDate;
const pad = (n: number) => String(n).padStart(2, '0');

/** `n` events of every kind: years, months, days before the report, ranges, "since" and targets. */
export function manyEvents(n: number): { id: string; when: When }[] {
  return Array.from({ length: n }, (_, i) => {
    const year = 2000 + (i % 25);
    const day = `2025-03-${pad(1 + (i % 28))}`;
    const kinds: When[] = [
      { kind: 'date', date: date(String(year)) },
      { kind: 'date', date: date(`${year}-${pad(1 + (i % 12))}`) },
      { kind: 'date', date: date(day) },
      { kind: 'range', from: date(day), to: date(`2025-04-${pad(1 + (i % 3))}`) },
      { kind: 'since', since: date(`${year}-${pad(1 + (i % 12))}`) },
      { kind: 'by', by: date(`${2026 + (i % 4)}-${pad(1 + (i % 12))}`) },
    ];
    return { id: `e${i}`, when: kinds[i % kinds.length] as When };
  });
}
