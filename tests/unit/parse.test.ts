import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, formatField, parseStory, type StoryError } from '../../src/lib/story/parse.ts';

const countries = new Set(['332', '214', '404', '840']);

function parseFixture(file: string) {
  return parseStory(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file, countries);
}

function errorsOf(file: string): StoryError[] {
  const result = parseFixture(file);
  if (result.ok) throw new Error(`${file} should not parse`);
  return result.errors;
}

describe('a valid story', () => {
  it('parses with every part the author wrote', () => {
    const result = parseFixture('tests/fixtures/good/minimal.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    const { story } = result;
    expect(story.sources.map((s) => s.id)).toEqual(['wire-2025-04-03']);
    expect(story.places?.map((p) => p.id)).toEqual(['port-au-prince', 'haiti']);
    expect(story.places?.[1]).toMatchObject({ precision: 'country', iso: '332' });
    expect(story.events.map((e) => e.id)).toEqual(['deployment', 'patrol']);
    expect(story.routes?.map((r) => r.id)).toEqual(['arrival']);
    expect(story.steps.map((s) => s.id)).toEqual(['start', 'capital']);
    expect(story.steps[0]?.camera).toEqual({ fit: ['haiti', 'patrol'], maxZoom: 7 });
  });

  it('reads the same story written as JSON', () => {
    const yaml = parseFixture('tests/fixtures/good/minimal.yaml');
    if (!yaml.ok) throw new Error('the YAML fixture should parse');
    const json = parseStory(JSON.stringify(yaml.story, null, 2), 'story.json', countries);
    expect(json).toEqual(yaml);
  });
});

describe('a story with one defect', () => {
  it.each([
    {
      name: 'a longitude out of range',
      file: 'longitude-out-of-range',
      line: 17,
      field: 'places[0].coordinates[0]',
      message: 'longitude 200 is outside -180..180',
    },
    {
      name: 'a step showing an unknown event',
      file: 'unknown-step-event',
      line: 51,
      field: 'steps[1].events[0]',
      message: 'step "evacuation" shows unknown event "evac"',
    },
    {
      name: 'a duplicate event id',
      file: 'duplicate-event-id',
      line: 30,
      field: 'events[1].id',
      message: 'event id "deployment" is used twice',
    },
    {
      name: 'an impossible date',
      file: 'impossible-date',
      line: 26,
      field: 'events[0].when.date',
      message: '2025-02-30 is not a real date',
    },
    {
      name: 'a range that ends before it starts',
      file: 'range-backwards',
      line: 32,
      field: 'events[1].when.to',
      message: 'range ends (2025-03-24) before it starts (2025-03-30)',
    },
    {
      // A missing field has no line of its own: the error points at the event that lacks it.
      name: 'an event without a title',
      file: 'missing-title',
      line: 24,
      field: 'events[0].title',
      message: 'missing',
    },
    {
      name: 'a misspelt field',
      file: 'unknown-field',
      line: 33,
      field: 'events[1].wehre',
      message: 'unknown field "wehre"',
    },
    {
      name: 'a country the basemap lacks',
      file: 'unknown-country',
      line: 21,
      field: 'places[1].iso',
      message: 'the basemap has no country with iso "999"',
    },
    {
      name: 'a route from an unknown place',
      file: 'route-unknown-place',
      line: 39,
      field: 'routes[0].from',
      message: 'route "arrival" from unknown place "kenya"',
    },
    {
      name: 'a zoom written as a word',
      file: 'wrong-type',
      line: 53,
      field: 'steps[1].camera.zoom',
      message: 'must be a number, not text ("far")',
    },
    {
      name: 'a key written twice',
      file: 'duplicate-key',
      line: 11,
      field: '',
      message: 'this field is written twice in the same place; keep one',
    },
  ])('reports $name with its file, line and field', ({ file, line, field, message }) => {
    const path = `tests/fixtures/bad/${file}.yaml`;
    const errors = errorsOf(path);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: path, line, field });
    expect(errors[0]?.message).toContain(message);
  });

  // Kept inline rather than as a fixture: Prettier refuses to format a file that is not YAML.
  it('reports a YAML syntax error at its line', () => {
    const text = readFileSync(new URL('../fixtures/good/minimal.yaml', import.meta.url), 'utf8').replace(
      '    name: Wire\n',
      '    name: Wire: News\n',
    );
    const result = parseStory(text, 'syntax.yaml', countries);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        file: 'syntax.yaml',
        line: 10,
        column: 11,
        field: '',
        message: 'a colon followed by a space starts a new field here, inside a value',
        hint: "put the value in quotes: name: 'Wire: News'",
      },
    ]);
  });

  it('accepts a range whose end is a coarser date that still ends after its start', () => {
    const text = readFileSync(new URL('../fixtures/bad/range-backwards.yaml', import.meta.url), 'utf8');
    const from = /from: (\S+),/.exec(text)?.[1] ?? '';
    const fixed = text.replace(/to: [^ }]+/, `to: ${from.slice(0, 7)}`);
    expect(fixed).not.toBe(text);
    expect(parseStory(fixed, 'range.yaml', countries).ok).toBe(true);
  });

  it('reports every problem of a story at once', () => {
    const text = readFileSync(new URL('../fixtures/good/minimal.yaml', import.meta.url), 'utf8')
      .replace('events: [deployment]', 'events: [nope]')
      .replace('routes: [arrival]', 'routes: [gone]');
    const result = parseStory(text, 'two.yaml', countries);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['steps[0].events[0]', 'steps[1].routes[0]']);
  });
});

describe('formatError', () => {
  it('writes file:line:col field: message', () => {
    const [error] = errorsOf('tests/fixtures/bad/longitude-out-of-range.yaml');
    expect(error && formatError(error)).toBe(
      'tests/fixtures/bad/longitude-out-of-range.yaml:17:19 places[0].coordinates[0]: longitude 200 is outside -180..180',
    );
  });

  it('names the story itself when no field is at fault', () => {
    const error = { file: 'a.yaml', line: 3, column: 1, field: '', message: 'broken' };
    expect(formatError(error)).toBe('a.yaml:3:1 (story): broken');
  });
});

describe('formatField', () => {
  it.each([
    { path: ['steps', 5, 'events', 1], expected: 'steps[5].events[1]' },
    { path: ['title'], expected: 'title' },
    { path: ['places', 0, 'coordinates', 0], expected: 'places[0].coordinates[0]' },
    { path: [], expected: '' },
  ])('writes $path as $expected', ({ path, expected }) => {
    expect(formatField(path)).toBe(expected);
  });
});
