import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, formatField, parseStory } from '../../src/lib/story/parse.ts';
import { base, defects, lookalikes, patched, storyNamed } from './defects.ts';

const countries = new Set(['332', '214', '404', '840']);

function parseFixture(file: string) {
  return parseStory(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file, countries);
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
  it('starts from a base story with none', () => {
    expect(parseStory(base, 'base.yaml', countries)).toMatchObject({ ok: true });
    const names = [...defects, ...lookalikes].map((d) => d.name);
    expect(new Set(names).size, 'two cases share a name').toBe(names.length);
  });

  it.each(defects.filter((d) => d.kind === 'mistake'))(
    'reports $name with its file, line and field',
    ({ name, patch, line, field, message }) => {
      const path = `${name}.yaml`;
      const result = parseStory(patched(patch), path, countries);
      const errors = result.ok ? [] : result.errors;
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: path, line, field });
      expect(errors[0]?.message).toContain(message);
    },
  );

  // A case of its own: it checks the whole error, column and hint included.
  it('reports a YAML syntax error at its line', () => {
    const text = patched([['    name: Wire\n', '    name: Wire: News\n']]);
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
    const text = storyNamed('range-backwards');
    const from = /from: (\S+),/.exec(text)?.[1] ?? '';
    const fixed = text.replace(/to: [^ }]+/, `to: ${from.slice(0, 7)}`);
    expect(fixed).not.toBe(text);
    expect(parseStory(fixed, 'range.yaml', countries).ok).toBe(true);
  });

  it('reports every problem of a story at once', () => {
    const text = patched([
      ['events: [deployment]', 'events: [nope]'],
      ['routes: [arrival]', 'routes: [gone]'],
    ]);
    const result = parseStory(text, 'two.yaml', countries);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['steps[0].events[0]', 'steps[1].routes[0]']);
  });
});

describe('formatError', () => {
  it('writes file:line:col field: message', () => {
    const result = parseStory(storyNamed('longitude-out-of-range'), 'longitude.yaml', countries);
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'longitude.yaml:17:19 places[0].coordinates[0]: longitude 200 is outside -180..180',
    ]);
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
