/**
 * The JSON Schema of the story format (data/story.schema.json), which editors complete stories
 * with: it is exactly what the generator makes of the zod schema today, the kit's own stories pass
 * it, and stories of the wrong shape fail it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCHEMA_PATH, storyJsonSchemaText } from '../../src/build/json-schema.ts';
import { defects, patched } from './defects.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const committed = read(SCHEMA_PATH);
// A date's pattern stands without `type: string` (YAML may hand over a date in other shapes, which
// the kit rewords): legal JSON Schema, which ajv's strict mode would only warn about.
const validate = new Ajv({ allErrors: true, strictTypes: false }).compile(JSON.parse(committed) as object);
const story = (path: string): unknown => parse(read(path));
const yamlIn = (dir: string) =>
  readdirSync(fileURLToPath(new URL(dir, root)))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`);

describe('the JSON Schema', () => {
  it('is what `npm run json-schema` writes from the zod schema now', async () => {
    expect(committed, 'run `npm run json-schema` and commit data/story.schema.json').toBe(await storyJsonSchemaText());
  });

  it('describes every field', () => {
    const missing: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties ?? {};
      for (const [key, value] of Object.entries(properties)) if (!value.description) missing.push(`${at}.${key}`);
      for (const [key, value] of Object.entries(node)) visit(value, `${at}.${key}`);
    };
    visit(JSON.parse(committed), '');
    expect(missing).toEqual([]);
  });

  it.each([
    ...yamlIn('data/stories'),
    ...yamlIn('tests/fixtures/site'),
    'tests/fixtures/good/minimal.yaml',
    'tests/fixtures/check/base.yaml',
    'tests/fixtures/defects/base.yaml',
  ])('accepts %s', (path) => {
    expect(validate(story(path)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(defects.filter((d) => d.schemaAt))('rejects $name at $schemaAt', ({ patch, schemaAt = '' }) => {
    expect(validate(parse(patched(patch)))).toBe(false);
    expect(
      validate.errors?.some((e) => e.instancePath.startsWith(schemaAt)),
      JSON.stringify(validate.errors),
    ).toBe(true);
  });

  it.each([
    { name: 'no steps', patch: (s: Record<string, unknown>) => Object.assign(s, { steps: [] }) },
    { name: 'no title', patch: (s: Record<string, unknown>) => delete s.title },
    { name: 'an id with capitals', patch: (s: Record<string, unknown>) => Object.assign(s, { basedOn: 'Wire' }) },
    { name: 'an unknown field', patch: (s: Record<string, unknown>) => Object.assign(s, { titel: 'x' }) },
  ])('rejects a story with $name', ({ patch }) => {
    const value = story('tests/fixtures/check/base.yaml') as Record<string, unknown>;
    patch(value);
    expect(validate(value)).toBe(false);
  });
});
