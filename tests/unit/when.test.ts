import { describe, expect, it } from 'vitest';
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import { describePrecision, formatWhen, interval, isFuture, type When } from '../../src/lib/story/when.ts';

function d(input: string | number): CalendarDate {
  const date = parseCalendarDate(input);
  if (typeof date === 'string') throw new Error(date);
  return date;
}

const published = d('2025-04-03');
const utc = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);

describe('interval', () => {
  it.each<{ name: string; when: When; start: string; end: string }>([
    { name: 'a day', when: { kind: 'date', date: d('2025-04-03') }, start: '2025-04-03', end: '2025-04-04' },
    { name: 'a month', when: { kind: 'date', date: d('2024-06') }, start: '2024-06-01', end: '2024-07-01' },
    { name: 'a year', when: { kind: 'date', date: d(2021) }, start: '2021-01-01', end: '2022-01-01' },
    {
      name: 'a range, including its last day',
      when: { kind: 'range', from: d('2025-03-24'), to: d('2025-03-30') },
      start: '2025-03-24',
      end: '2025-03-31',
    },
    {
      name: 'a range across a month boundary',
      when: { kind: 'range', from: d('2025-03-30'), to: d('2025-04-03') },
      start: '2025-03-30',
      end: '2025-04-04',
    },
    {
      name: 'since, up to the end of the published day',
      when: { kind: 'since', since: d(2021) },
      start: '2021-01-01',
      end: '2025-04-04',
    },
    { name: 'a target month', when: { kind: 'by', by: d('2026-02') }, start: '2026-02-01', end: '2026-03-01' },
  ])('covers $name as [start, end)', ({ when, start, end }) => {
    expect(interval(when, published)).toEqual({ start: utc(start), end: utc(end) });
  });

  it('ends a "since" at the end of a month when the source gives only a month', () => {
    expect(interval({ kind: 'since', since: d(2021) }, d('2025-04')).end).toBe(utc('2025-05-01'));
  });
});

describe('isFuture', () => {
  it.each<{ name: string; when: When; expected: boolean }>([
    { name: 'a target, even one already past', when: { kind: 'by', by: d('2024-01') }, expected: true },
    { name: 'a future target', when: { kind: 'by', by: d('2026-02') }, expected: true },
    { name: 'a past month', when: { kind: 'date', date: d('2024-06') }, expected: false },
    { name: 'the published day itself', when: { kind: 'date', date: d('2025-04-03') }, expected: false },
    { name: 'the day after publication', when: { kind: 'date', date: d('2025-04-04') }, expected: true },
    {
      name: 'a range that started before publication',
      when: { kind: 'range', from: d('2025-03-31'), to: d('2025-04-06') },
      expected: false,
    },
    { name: 'an ongoing situation', when: { kind: 'since', since: d(2021) }, expected: false },
  ])('$name → $expected', ({ when, expected }) => {
    expect(isFuture(when, published)).toBe(expected);
  });
});

describe('formatWhen', () => {
  it.each<{ when: When; expected: string }>([
    { when: { kind: 'date', date: d(2021) }, expected: '2021' },
    { when: { kind: 'date', date: d('2024-06') }, expected: 'June 2024' },
    { when: { kind: 'date', date: d('2025-04-03') }, expected: '3 April 2025' },
    { when: { kind: 'range', from: d('2025-03-24'), to: d('2025-03-30') }, expected: '24–30 March 2025' },
    { when: { kind: 'range', from: d('2025-03-30'), to: d('2025-04-03') }, expected: '30 March – 3 April 2025' },
    {
      when: { kind: 'range', from: d('2024-12-30'), to: d('2025-01-02') },
      expected: '30 December 2024 – 2 January 2025',
    },
    { when: { kind: 'range', from: d('2024-06'), to: d('2025-02') }, expected: 'June 2024 – February 2025' },
    { when: { kind: 'since', since: d(2021) }, expected: 'Since 2021' },
    { when: { kind: 'since', since: d('2024-06') }, expected: 'Since June 2024' },
    { when: { kind: 'by', by: d('2026-02') }, expected: 'By February 2026 (target)' },
  ])('writes $expected', ({ when, expected }) => {
    expect(formatWhen(when)).toBe(expected);
  });
});

describe('describePrecision', () => {
  it.each<{ when: When; expected: string }>([
    { when: { kind: 'date', date: d('2025-04-03') }, expected: 'exact day' },
    { when: { kind: 'date', date: d('2024-06') }, expected: 'month only' },
    { when: { kind: 'date', date: d(2021) }, expected: 'year only' },
    { when: { kind: 'range', from: d('2025-03-24'), to: d('2025-03-30') }, expected: 'no exact day' },
    { when: { kind: 'since', since: d(2021) }, expected: 'ongoing' },
    { when: { kind: 'by', by: d('2026-02') }, expected: 'target' },
  ])('says "$expected" for a $when.kind', ({ when, expected }) => {
    expect(describePrecision(when)).toContain(expected);
  });
});

describe('edge cases a reporter may write', () => {
  it('writes a one-day range as that day', () => {
    expect(formatWhen({ kind: 'range', from: d('2025-03-30'), to: d('2025-03-30') })).toBe('30 March 2025');
  });

  it('keeps years before 100 as written, not as 19xx', () => {
    expect(new Date(interval({ kind: 'date', date: d('0050') }, published).start).getUTCFullYear()).toBe(50);
    expect(parseCalendarDate('0000-02-29')).not.toBeTypeOf('string');
  });
});
