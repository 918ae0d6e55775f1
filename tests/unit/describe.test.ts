import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { describePlace, describeStep, eventLabel } from '../../src/lib/story/describe.ts';
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import type { Place, StoryEvent } from '../../src/lib/story/model.ts';

const date = (s: string) => parseCalendarDate(s) as CalendarDate;
const haiti: Place = {
  id: 'haiti',
  name: 'Haiti',
  precision: 'country',
  coordinates: [0, 0],
  bbox: [0, 0, 0, 0],
  iso: '332',
};
const capital: Place = {
  id: 'pap',
  name: 'Port-au-Prince',
  precision: 'city',
  coordinates: [0, 0],
  bbox: [0, 0, 0, 0],
};
const pier: Place = { id: 'pier', name: 'The pier', precision: 'point', coordinates: [0, 0], bbox: [0, 0, 0, 0] };

describe('describePlace', () => {
  it.each([
    { place: haiti, expected: 'Haiti (country only; the source names no city)' },
    { place: capital, expected: 'Port-au-Prince (city)' },
    { place: pier, expected: 'The pier' },
    { place: undefined, expected: 'Place not given in the source' },
  ])('words $place.precision places as "$expected"', ({ place, expected }) => {
    expect(describePlace(place)).toBe(expected);
  });

  it('isolates a name that could reverse the words after it', () => {
    expect(describePlace({ ...capital, name: 'Port \u202Eau' })).toBe('\u2068Port \u202Eau\u2069 (city)');
  });
});

describe('eventLabel', () => {
  const event: StoryEvent = {
    id: 'officer-missing',
    title: 'An officer goes missing',
    when: { kind: 'range', from: date('2025-03-24'), to: date('2025-03-30') },
    place: haiti,
    what: 'Another officer went missing.',
    whatHtml: '<p>Another officer went missing.</p>',
    quotes: [],
    source: { id: 's', name: 'Reuters', date: date('2025-04-03') },
  };

  it('starts with the title, then the date as written and the place', () => {
    expect(eventLabel(event)).toBe('An officer goes missing. 24–30 March 2025. Haiti');
  });

  it('says when the source gives no place', () => {
    const placeless: StoryEvent = { ...event, place: undefined };
    expect(eventLabel(placeless)).toBe('An officer goes missing. 24–30 March 2025. No place given');
  });

  it('isolates a title and a place that could reverse the words after them', () => {
    const overriding: StoryEvent = {
      ...event,
      title: 'An officer \u202Egoes missing',
      place: { ...capital, name: 'القاهرة' },
    };
    expect(eventLabel(overriding)).toBe(
      '\u2068An officer \u202Egoes missing\u2069. 24–30 March 2025. \u2068القاهرة\u2069',
    );
  });
});

describe('describeStep', () => {
  const { story } = buildStory(fileURLToPath(new URL('../../tests/fixtures/site/mss-haiti.yaml', import.meta.url)));
  const step = (id: string) => {
    const found = story.steps.find((s) => s.id === id);
    if (!found) throw new Error(`no step ${id}`);
    return found;
  };

  it.each([
    { id: 'gangs', expected: 'Map, step 2 of 10: A capital run by gangs. Shows Port-au-Prince.' },
    {
      id: 'evacuation',
      expected:
        'Map, step 7 of 10: Evacuated across the border. Shows Dominican Republic (country only). Route: Wounded officers evacuated to the Dominican Republic.',
    },
  ])('says what the map shows at $id', ({ id, expected }) => {
    expect(describeStep(story, step(id))).toBe(expected);
  });
});
