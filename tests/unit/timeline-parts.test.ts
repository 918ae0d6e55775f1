/**
 * The timeline's smaller rules: which events the close-up takes, which are drawn as planned, and
 * where the arrow keys go.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { closeUpEvents } from '../../src/lib/timeline/closeUp.ts';
import { plannedEvents } from '../../src/lib/timeline/planned.ts';
import { moveTo, visitOrder } from '../../src/lib/timeline/roving.ts';
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import type { When } from '../../src/lib/story/when.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => buildStory(`${root}tests/fixtures/site/${name}.yaml`, root).story;
const date = (s: string) => parseCalendarDate(s) as CalendarDate;
const on = (d: string): When => ({ kind: 'date', date: date(d) });

describe('closeUpEvents', () => {
  it.each([
    {
      name: 'the Haiti story: the days of "last week" and "this week", not the months or years',
      story: fixture('mss-haiti'),
      expected: [
        'delegation',
        'evacuation',
        'mission-today',
        'officer-missing',
        'officers-injured',
        'vehicles-grounded',
      ],
    },
    {
      name: 'the Pacific story: a daily chronicle of three months, all of it',
      story: fixture('pacific-relief'),
      expected: fixture('pacific-relief')
        .events.map((e) => e.id)
        .sort(),
    },
  ])('$name', ({ story, expected }) => {
    expect([...closeUpEvents(story.events, story.basedOn.date)].sort()).toEqual(expected);
  });

  it.each([
    {
      name: 'a run of days joins up, a day a week',
      days: ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27'],
      n: 4,
    },
    {
      name: 'a day two months before the run stays on the overview',
      days: ['2024-12-01', '2025-03-20', '2025-03-27'],
      n: 2,
    },
    {
      name: 'never further back than 120 days',
      days: [
        '2024-11-01',
        '2024-11-08',
        '2024-11-15',
        '2024-11-22',
        '2024-11-29',
        '2024-12-06',
        '2024-12-13',
        '2024-12-20',
        '2024-12-27',
        '2025-01-03',
        '2025-01-10',
        '2025-01-17',
        '2025-01-24',
        '2025-01-31',
        '2025-02-07',
        '2025-02-14',
        '2025-02-21',
        '2025-02-28',
        '2025-03-07',
        '2025-03-14',
        '2025-03-21',
        '2025-03-28',
      ],
      n: 17,
    },
    { name: 'one day alone gets no close-up', days: ['2025-03-27'], n: 0 },
    { name: 'months and years never do', whens: [on('2025-03'), on('2025'), on('2025-03-27'), on('2025-03-28')], n: 2 },
  ])('$name', ({ days, whens, n }) => {
    const events = (whens ?? (days ?? []).map(on)).map((when, i) => ({ id: `e${i}`, when }));
    expect(closeUpEvents(events, date('2025-04-03')).size).toBe(n);
  });
});

describe('plannedEvents', () => {
  it('marks the delegation to Washington, at the end of the planned route, and nothing else', () => {
    expect(plannedEvents(fixture('mss-haiti'))).toEqual(new Set(['delegation']));
  });
  it('marks nothing in a story without planned routes', () => {
    expect(plannedEvents(fixture('pacific-relief'))).toEqual(new Set());
  });
});

describe('moveTo', () => {
  it.each([
    { key: 'ArrowRight', index: 3, expected: 4 },
    { key: 'ArrowDown', index: 3, expected: 4 },
    { key: 'ArrowRight', index: 9, expected: 9 },
    { key: 'ArrowLeft', index: 3, expected: 2 },
    { key: 'ArrowUp', index: 0, expected: 0 },
    { key: 'Home', index: 7, expected: 0 },
    { key: 'End', index: 2, expected: 9 },
    { key: 'PageDown', index: 5, expected: 9 },
    { key: 'PageUp', index: 5, expected: 0 },
    { key: 'Tab', index: 5, expected: undefined },
    { key: 'Enter', index: 5, expected: undefined },
  ])('$key from $index of 10 goes to $expected', ({ key, index, expected }) => {
    expect(moveTo(key, index, 10)).toBe(expected);
  });

  it('visits the overview, then the close-up, each left to right', () => {
    const item = (id: string, x0: number) => ({ id, x0, x1: x0 + 5 });
    expect(
      visitOrder([
        [item('b', 50), item('a', 10)],
        [item('d', 30), item('c', 0)],
      ]),
    ).toEqual(['a', 'b', 'c', 'd']);
  });
});
