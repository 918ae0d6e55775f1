import { describe, expect, it } from 'vitest';
import { daysInMonth, endOf, parseCalendarDate, startOf, type CalendarDate } from '../../src/lib/story/dates.ts';

function parsed(input: string | number): CalendarDate {
  const date = parseCalendarDate(input);
  if (typeof date === 'string') throw new Error(`expected a date, got: ${date}`);
  return date;
}

describe('parseCalendarDate', () => {
  it.each([
    {
      name: 'a bare YAML year',
      input: 2021,
      expected: { text: '2021', precision: 'year', year: 2021, month: 1, day: 1 },
    },
    {
      name: 'a year as text',
      input: '2021',
      expected: { text: '2021', precision: 'year', year: 2021, month: 1, day: 1 },
    },
    {
      name: 'a month',
      input: '2024-06',
      expected: { text: '2024-06', precision: 'month', year: 2024, month: 6, day: 1 },
    },
    {
      name: 'a day',
      input: '2025-04-03',
      expected: { text: '2025-04-03', precision: 'day', year: 2025, month: 4, day: 3 },
    },
    {
      name: 'a leap day',
      input: '2024-02-29',
      expected: { text: '2024-02-29', precision: 'day', year: 2024, month: 2, day: 29 },
    },
  ])('reads $name with the precision it is written in', ({ input, expected }) => {
    expect(parseCalendarDate(input)).toEqual(expected);
  });

  it.each([
    { name: 'the 30th of February', input: '2025-02-30', fragment: '2025-02-30 is not a real date' },
    { name: 'a leap day in a common year', input: '2025-02-29', fragment: '2025-02-29 is not a real date' },
    { name: 'month 13', input: '2025-13-01', fragment: 'month 13 is outside 1..12' },
    { name: 'month 0', input: '2025-00', fragment: 'month 0 is outside 1..12' },
    { name: 'day 0', input: '2025-04-00', fragment: '2025-04-00 is not a real date' },
    {
      name: 'a date in words',
      input: 'June 2024',
      fragment: '"June 2024" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD',
    },
    { name: 'a single-digit month', input: '2024-6', fragment: 'is not a date' },
    { name: 'a two-digit year', input: 24, fragment: '"24" is not a date' },
  ])('rejects $name with a reason', ({ input, fragment }) => {
    const result = parseCalendarDate(input);
    expect(typeof result).toBe('string');
    expect(result).toContain(fragment);
  });
});

describe('startOf and endOf', () => {
  it.each([
    { name: 'a year', input: 2021, start: '2021-01-01', end: '2022-01-01' },
    { name: 'December', input: '2024-12', start: '2024-12-01', end: '2025-01-01' },
    { name: 'February of a leap year', input: '2024-02', start: '2024-02-01', end: '2024-03-01' },
    { name: 'the last day of a month', input: '2025-03-31', start: '2025-03-31', end: '2025-04-01' },
    { name: 'New Year’s Eve', input: '2024-12-31', start: '2024-12-31', end: '2025-01-01' },
  ])('cover exactly $name, in UTC', ({ input, start, end }) => {
    const date = parsed(input);
    expect(startOf(date).toISOString()).toBe(`${start}T00:00:00.000Z`);
    expect(endOf(date).toISOString()).toBe(`${end}T00:00:00.000Z`);
  });
});

describe('daysInMonth', () => {
  it.each([
    { year: 2024, month: 2, expected: 29 },
    { year: 2025, month: 2, expected: 28 },
    { year: 1900, month: 2, expected: 28 },
    { year: 2000, month: 2, expected: 29 },
    { year: 2025, month: 4, expected: 30 },
    { year: 2025, month: 12, expected: 31 },
  ])('$year-$month has $expected days', ({ year, month, expected }) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});
