/**
 * ArchieML stories: the `.aml` twin of the minimal YAML fixture compiles to the same Story, and a
 * bad one's errors name the line of the field at fault, as YAML's do.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArchieStory, positions } from '../../src/lib/story/archieml.ts';
import { parseStory } from '../../src/lib/story/parse.ts';
import { compileStory } from '../../src/lib/story/compile.ts';
import { basemapCountries } from '../../src/build/stories.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
const countries = basemapCountries();
const known = new Set(countries.keys());
const AML = fixture('archieml/minimal.aml');

describe('an ArchieML story', () => {
  it('compiles to the same Story as its YAML twin', () => {
    const aml = parseArchieStory(AML, 'minimal.aml', known);
    const yaml = parseStory(fixture('good/minimal.yaml'), 'minimal.yaml', known);
    if (!aml.ok || !yaml.ok) throw new Error(JSON.stringify(aml.ok ? yaml : aml));
    expect(aml.story).toEqual(yaml.story);
    expect(compileStory(aml.story, 'minimal', countries)).toEqual(compileStory(yaml.story, 'minimal', countries));
  });

  it('notes where each field is written, inside lists and nested scopes', () => {
    const spots = positions(AML);
    const at = (...path: PropertyKey[]) => spots.get(JSON.stringify(path));
    const line = (text: string) => AML.split('\n').findIndex((l) => l.startsWith(text)) + 1;
    expect(at('places', 1, 'iso')?.line).toBe(line('iso: 332'));
    expect(at('events', 1, 'when', 'to')?.line).toBe(line('to: 2025-03-30'));
    expect(at('steps', 1, 'camera', 'zoom')?.line).toBe(line('zoom: 8'));
    expect(at('steps', 1, 'events', 0)?.line).toBe(line('* patrol'));
    expect(at('places', 0, 'coordinates', 1)).toMatchObject({ column: 'coordinates: [-72.3388, '.length + 1 });
  });

  const cases: { name: string; from: string; to: string; field: string; message: RegExp }[] = [
    {
      name: 'an unknown field',
      from: 'kind: deployment',
      to: 'kind: deployment\ncolour: red',
      field: 'routes[0]',
      message: /colour/,
    },
    {
      name: 'a bad longitude',
      from: 'coordinates: [-72.3388, 18.5392]',
      to: 'coordinates: [-272.3388, 18.5392]',
      field: 'places[0].coordinates[0]',
      message: /longitude -272.3388 is outside -180..180/,
    },
    { name: 'an unknown event', from: '* patrol', to: '* patrols', field: 'steps[1].events[0]', message: /patrol/ },
    {
      name: 'a zoom that is not a number',
      from: 'zoom: 8',
      to: 'zoom: eight',
      field: 'steps[1].camera.zoom',
      message: /./,
    },
  ];
  it.each(cases)('points at the line of $name', ({ from, to, field, message }) => {
    const source = AML.replace(from, to);
    const result = parseArchieStory(source, 'bad.aml', known);
    if (result.ok) throw new Error('a bad story passed');
    const error = result.errors.find((e) => e.field.startsWith(field));
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error?.message).toMatch(message);
    const written = source.split('\n').findIndex((l) => l.includes(to.split('\n').at(-1) ?? to)) + 1;
    expect(error?.line).toBe(written);
    expect(error?.file).toBe('bad.aml');
  });
});
