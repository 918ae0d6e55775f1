import { describe, expect, it } from 'vitest';
import { groupByPlace, leadEvent, markerText } from '../../src/lib/geo/groups.ts';
import type { Place, StoryEvent } from '../../src/lib/story/model.ts';

const place = (id: string, precision: Place['precision'] = 'city'): Place =>
  ({ id, name: id.toUpperCase(), precision, coordinates: [0, 0] }) as unknown as Place;
const PAP = place('pap');
const HAITI = place('haiti', 'country');
const event = (id: string, at?: Place, label?: string): StoryEvent =>
  ({ id, title: `Title ${id}`, ...(at ? { place: at } : {}), ...(label ? { label } : {}) }) as unknown as StoryEvent;

describe('groupByPlace', () => {
  it.each([
    { name: 'no events', events: [], expected: [] },
    { name: 'an event with no place has no marker', events: [event('a')], expected: [] },
    { name: 'one event, one marker', events: [event('a', PAP)], expected: [['pap', 'a']] },
    {
      name: 'events at one place share a marker, in story order',
      events: [event('a', HAITI), event('b', HAITI), event('c', HAITI)],
      expected: [['haiti', 'a', 'b', 'c']],
    },
    {
      name: 'places in the order of their first event',
      events: [event('a', HAITI), event('b', PAP), event('c', HAITI), event('d')],
      expected: [
        ['haiti', 'a', 'c'],
        ['pap', 'b'],
      ],
    },
  ])('$name', ({ events, expected }) => {
    expect(groupByPlace(events).map((g) => [g.place.id, ...g.events.map((e) => e.id)])).toEqual(expected);
  });
});

describe('leadEvent and markerText', () => {
  const [haiti] = groupByPlace([event('a', HAITI), event('b', HAITI, 'Vehicles'), event('c', HAITI)]);
  it.each([
    { name: 'no active event: the first one', active: [], lead: 'a', text: 'HAITI' },
    { name: 'the active one', active: ['c'], lead: 'c', text: 'HAITI' },
    { name: 'the first in the step’s order', active: ['x', 'c', 'b'], lead: 'c', text: 'HAITI' },
    { name: 'the event’s own label over the place’s name', active: ['b'], lead: 'b', text: 'Vehicles' },
  ])('$name', ({ active, lead, text }) => {
    if (!haiti) throw new Error('no group');
    expect(leadEvent(haiti, new Set(active)).id).toBe(lead);
    expect(markerText(haiti, new Set(active))).toBe(text);
  });
});
