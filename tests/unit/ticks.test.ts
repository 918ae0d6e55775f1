import { describe, expect, it } from 'vitest';
import { timeTicks, type Tick } from '../../src/lib/timeline/ticks.ts';
import { layoutTimeline, type Axis } from '../../src/lib/timeline/layout.ts';
import { endOf, parseCalendarDate, startOf, type CalendarDate } from '../../src/lib/story/dates.ts';
import type { When } from '../../src/lib/story/when.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;

function date(text: string): CalendarDate {
  const parsed = parseCalendarDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}
/** Start and end of a written date, in ms: startOf/endOf keep years below 100 as written. */
const start = (text: string) => +startOf(date(text));
const end = (text: string) => +endOf(date(text));

/** What a label says, read as a reader would: "23 Mar 2025", "30 Mar", "Mar 2024", "Apr", "2025". */
function read(label: string): { day?: number; month?: number; year?: number } | undefined {
  const m = /^(?:(\d{1,2}) (?=[A-Z]))?(?:([A-Z][a-z]{2}))? ?(\d+)?$/.exec(label);
  if (!m || (!m[2] && !m[3])) return undefined;
  const month = m[2] === undefined ? undefined : MONTHS.indexOf(m[2]);
  if (month === -1) return undefined;
  return { day: m[1] ? Number(m[1]) : undefined, month, year: m[3] ? Number(m[3]) : undefined };
}

/**
 * Read left to right, each label means its tick's real day: the year is the last one printed,
 * a label without a day sits on the 1st, one without a month on 1 January, and no two
 * neighbours read the same.
 */
function expectReadable(ticks: readonly Tick[], domain: readonly [number, number]) {
  expect(ticks.length, 'at least two ticks').toBeGreaterThanOrEqual(2);
  let year: number | undefined;
  ticks.forEach((tick, i) => {
    const real = new Date(tick.at);
    const said = read(tick.label);
    expect(said, `"${tick.label}" reads as a date`).toBeDefined();
    year = said?.year ?? year;
    expect(year, `year of "${tick.label}" (tick on ${real.toISOString()})`).toBe(real.getUTCFullYear());
    expect(said?.month ?? 0, `month of "${tick.label}"`).toBe(real.getUTCMonth());
    expect(said?.day ?? 1, `day of "${tick.label}"`).toBe(real.getUTCDate());
    expect(Math.abs(tick.at % DAY), 'midnight UTC').toBe(0);
    expect(tick.at).toBeGreaterThanOrEqual(domain[0]);
    expect(tick.at).toBeLessThanOrEqual(domain[1]);
    const before = ticks[i - 1];
    if (before) {
      expect(tick.at).toBeGreaterThan(before.at);
      expect(tick.label, `ticks ${i - 1} and ${i}`).not.toBe(before.label);
    }
  });
}

const SPANS: { name: string; domain: [number, number] }[] = [
  { name: '3 days', domain: [start('2025-03-24'), end('2025-03-26')] },
  { name: '3 weeks', domain: [start('2025-03-10'), end('2025-03-30')] },
  { name: '3 weeks across a new year', domain: [start('2024-12-20'), end('2025-01-09')] },
  { name: '5 months', domain: [start('2024-03'), end('2024-07')] },
  { name: '18 months', domain: [start('2024-07'), end('2025-12')] },
  { name: '3 years', domain: [start('2022'), end('2024')] },
  { name: '30 years', domain: [start('1990'), end('2019')] },
  { name: '300 years', domain: [start('1700'), end('1999')] },
  { name: 'years 0001 to 0003', domain: [start('0001'), end('0003')] },
  { name: 'the years 0000 to 0099', domain: [start('0000'), end('0099')] },
  { name: 'the last year the schema accepts, up to 10000', domain: [start('9999'), end('9999')] },
  { name: '9998-07 to the year 10000', domain: [start('9998-07'), end('9999')] },
];

describe('timeTicks', () => {
  describe.each(SPANS)('over $name', ({ domain }) => {
    // 10 is the overview's most; a wide close-up asks for more.
    it.each([3, 6, 10, 16])('labels about %i ticks by their real dates, no two neighbours alike', (count) => {
      expectReadable(timeTicks(domain, count), domain);
    });
  });

  it.each([
    {
      name: 'days name the year on the first tick and where it changes',
      domain: [start('2024-12-20'), end('2025-01-09')],
      count: 5,
      expected: ['22 Dec 2024', '29 Dec', '5 Jan 2025'],
    },
    {
      name: 'months within a year are named, after the first one’s year',
      domain: [start('2024-03'), end('2024-07')],
      count: 6,
      expected: ['Mar 2024', 'Apr', 'May', 'Jun', 'Jul', 'Aug'],
    },
    {
      name: 'a month axis marks each new year with the year itself',
      domain: [start('2024-07'), end('2025-12')],
      count: 6,
      expected: ['Jul 2024', 'Oct', '2025', 'Apr', 'Jul', 'Oct', '2026'],
    },
    {
      name: 'years before 1000 are not zero-padded',
      domain: [start('0001'), end('0003')],
      count: 5,
      expected: ['1', '2', '3', '4'],
    },
    {
      name: 'the year 10000 is not wrapped round to 0000',
      domain: [start('9999'), end('9999')],
      count: 2,
      expected: ['9999', '10000'],
    },
  ] satisfies { name: string; domain: [number, number]; count: number; expected: string[] }[])(
    '$name',
    ({ domain, count, expected }) => {
      expect(timeTicks(domain, count).map((t) => t.label)).toEqual(expected);
    },
  );

  it('never ticks more often than daily, even when asked for many ticks over a few days', () => {
    const domain: [number, number] = [start('2025-03-24'), end('2025-03-26')];
    const ticks = timeTicks(domain, 16);
    expect(ticks.map((t) => t.label)).toEqual(['24 Mar 2025', '25 Mar', '26 Mar', '27 Mar']);
  });
});

const on = (text: string): When => ({ kind: 'date', date: date(text) });
const range = (from: string, to: string): When => ({ kind: 'range', from: date(from), to: date(to) });

describe('layoutTimeline ticks', () => {
  const STORIES: { name: string; whens: When[]; published: string }[] = [
    { name: '3 days of events', whens: [on('2025-03-24'), on('2025-03-26')], published: '2025-03-27' },
    {
      name: '3 weeks of events',
      whens: [on('2025-03-10'), range('2025-03-20', '2025-03-30')],
      published: '2025-04-01',
    },
    { name: '5 months', whens: [on('2024-03'), on('2024-07')], published: '2024-07-15' },
    { name: '18 months', whens: [on('2024-07'), on('2025-12')], published: '2025-12-31' },
    { name: '3 years', whens: [on('2022'), { kind: 'since', since: date('2022-06') }], published: '2024-05-01' },
    { name: '30 years', whens: [on('1990'), on('2019-05-02')], published: '2019-06-01' },
    { name: '300 years', whens: [on('1700'), on('1999')], published: '1999-12-31' },
    { name: 'years 0001 to 0003', whens: [on('0001'), on('0003-02')], published: '0003-06-01' },
    {
      name: 'years 9999 and its target, up to 10000',
      whens: [on('9999-02'), { kind: 'by', by: date('9999-12') }],
      published: '9999-06-01',
    },
  ];

  describe.each(STORIES)('for $name', ({ whens, published }) => {
    it.each([300, 360, 700, 1000, 1400])('labels every axis readably at %i px', (width) => {
      const events = whens.map((when, i) => ({ id: `e${i}`, when }));
      const layout = layoutTimeline(events, date(published), width);
      const axes = [layout.overview, layout.detail].filter((a): a is Axis => a !== undefined);
      for (const axis of axes) {
        expectReadable(axis.ticks, axis.domain);
        for (const tick of axis.ticks)
          expect(tick.x).toBeCloseTo(((tick.at - axis.domain[0]) / (axis.domain[1] - axis.domain[0])) * width, 6);
      }
    });
  });
});
