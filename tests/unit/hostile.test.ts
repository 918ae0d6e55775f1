import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { compileStory, type CountryInfo } from '../../src/lib/story/compile.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { parseStory, type ParseResult } from '../../src/lib/story/parse.ts';
import type { StoryFile } from '../../src/lib/story/schema.ts';
import { base, defects, patched, storyNamed } from './defects.ts';

const known = new Set(['332', '214', '404', '840']);
const haiti: CountryInfo = { name: 'Haiti', anchor: [-72.68, 18.93], bbox: [-74.48, 18.04, -71.65, 19.93] };
const countries = new Map([['332', haiti]]);

/** The line (from 1) of the last occurrence of `needle`: where the hostile change is. */
const lineOf = (text: string, needle: string) => text.slice(0, text.lastIndexOf(needle)).split('\n').length;

function expectRefused(result: ParseResult, file: string, field: string, message: string, line: number) {
  expect(result.ok).toBe(false);
  const errors = result.ok ? [] : result.errors;
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ file, field, line });
  expect(errors[0]?.line).toBeGreaterThan(0);
  expect(errors[0]?.message).toContain(message);
}

describe('a hostile story file', () => {
  it.each(defects.filter((d) => d.kind === 'attack'))(
    '$name is refused at its line and field',
    ({ name, patch, field, message, line }) => {
      const path = `${name}.yaml`;
      expectRefused(parseStory(patched(patch), path, known), path, field, message, line);
    },
  );

  const events = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `  - { id: e${i}, title: T, when: { date: 2024 }, what: W, source: wire-2025-04-03 }`,
    );
  const steps = (n: number) =>
    Array.from({ length: n }, (_, i) => `  - { id: s${i}, text: T, camera: { center: [0, 0], zoom: 1 } }`);

  // Generated rather than committed: these files would be huge.
  it.each([
    {
      name: 'step text of 10,000 characters',
      edit: (t: string) => t.replace('text: The officers arrive.', `text: ${'x'.repeat(10_000)}`),
      at: 'xxx',
      field: 'steps[0].text',
      message: 'text is 10000 characters; the limit is 4000',
    },
    {
      name: 'a summary of 601 characters',
      edit: (t: string) => t.replace(/^summary: .*$/m, `summary: ${'s'.repeat(601)}`),
      at: 'summary:',
      field: 'summary',
      message: 'text is 601 characters; the limit is 600',
    },
    {
      name: 'a title of 201 characters',
      edit: (t: string) => t.replace('title: Officers arrive', `title: ${'t'.repeat(201)}`),
      at: 'ttt',
      field: 'events[0].title',
      message: 'text is 201 characters; the limit is 200',
    },
    {
      name: '3000 more events',
      edit: (t: string) => t.replace('\nroutes:', `${events(3000).join('\n')}\n\nroutes:`),
      at: '- id: deployment',
      field: 'events',
      message: 'a story has at most 1000 events; this one has 3002',
    },
    {
      name: '300 more steps',
      edit: (t: string) => `${t}${steps(300).join('\n')}\n`,
      at: '- id: start',
      field: 'steps',
      message: 'a story has at most 200 steps; this one has 302',
    },
    {
      name: 'a title of zero-width spaces',
      edit: (t: string) => t.replace('title: Officers arrive', 'title: "\\u200B\\u200B"'),
      at: '\\u200B',
      field: 'events[0].title',
      message: 'text has no visible characters',
    },
    {
      name: 'step text of a soft hyphen and bidi controls',
      edit: (t: string) => t.replace('text: The officers arrive.', 'text: "\\u00AD \\u202E\\u200F"'),
      at: '\\u00AD',
      field: 'steps[0].text',
      message: 'text has no visible characters',
    },
    {
      name: 'a place name of a byte order mark and a word joiner',
      edit: (t: string) => t.replace('name: Port-au-Prince', 'name: "\\uFEFF\\u2060"'),
      at: '\\uFEFF',
      field: 'places[0].name',
      message: 'text has no visible characters',
    },
    {
      name: 'a source name with a stray pop directional isolate',
      edit: (t: string) => t.replace('name: Wire', 'name: "Wire\\u2069\\u202E"'),
      at: '\\u2069',
      field: 'sources[0].name',
      message: 'stray invisible character U+2069',
    },
    {
      name: 'an id of 81 characters',
      edit: (t: string) => t.replace('id: patrol', `id: ${'p'.repeat(81)}`),
      at: 'ppp',
      field: 'events[1].id',
      message: 'an id is at most 80 characters; this one has 81',
    },
  ])('$name is refused at its line and field', ({ edit, at, field, message }) => {
    const path = 'x.yaml';
    const text = edit(base);
    expect(text).not.toBe(base);
    expectRefused(parseStory(text, path, known), path, field, message, lineOf(text, at));
  });
});

/** Every tag the renderer may emit; text is escaped, so each `<` in the output opens a real tag. */
const SAFE_TAG =
  /^<(\/(p|em|strong|a)|p|em|strong|a href="mailto:[^"]*"|a href="https?:\/\/[^"]*" rel="noopener noreferrer" target="_blank")>$/;

function htmlOf(story: Story): string[] {
  return [
    story.summaryHtml,
    ...story.steps.map((s) => s.html),
    ...story.events.flatMap((e) => [e.whatHtml, ...e.quotes.map((q) => q.html)]),
  ];
}

function expectInert(story: Story) {
  for (const html of htmlOf(story)) {
    for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(SAFE_TAG);
    expect(html).not.toMatch(/<(script|svg|img|iframe|style)\b/i);
  }
}

function compiled(text: string, file: string): Story {
  const result = parseStory(text, file, known);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return compileStory(result.story, 'x', countries);
}

describe('a harmless lookalike', () => {
  it('builds markup-lookalikes, rendering entities, images and code as plain text', () => {
    const story = compiled(storyNamed('markup-lookalikes'), 'markup-lookalikes.yaml');
    expectInert(story);
    const html = story.steps[0]?.html ?? '';
    expect(html).toContain('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; onclick=alert(1) !');
    expect(html).toContain('`code` # not a heading, 3 &lt; 4 and &lt;3');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer" target="_blank">a link</a>');
  });

  it('builds unknown-yaml-tag, keeping the "function" as a string', () => {
    const story = compiled(storyNamed('unknown-yaml-tag'), 'unknown-yaml-tag.yaml');
    expectInert(story);
    expect(story.events[0]?.whatHtml).toBe('<p>function () { alert(1) }</p>');
  });
});

describe('compiled HTML', () => {
  // compileStory renders whatever it is given: the page stays safe even if validation is skipped.
  it('is inert for hostile text that never went through validation', () => {
    const result = parseStory(base, 'base.yaml', known);
    if (!result.ok) throw new Error('the base story should parse');
    const hostile =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <svg onload=alert(1)>';
    const raw: StoryFile = {
      ...result.story,
      summary: hostile,
      events: result.story.events.map((e) => ({ ...e, what: hostile, quotes: [{ text: hostile, who: 'x' }] })),
      steps: result.story.steps.map((s) => ({ ...s, text: `${hostile}\n\n${hostile}` })),
    };
    const story = compileStory(raw, 'x', countries);
    expectInert(story);
    expect(story.steps[0]?.html).toMatch(/^<p>&lt;script&gt;.*<\/p>\n<p>&lt;script&gt;.*<\/p>$/s);
  });

  it('keeps the plain text beside the HTML', () => {
    const story = compiled(patched([['text: The capital.', 'text: The *capital*.']]), 'base.yaml');
    expect(story.steps[1]).toMatchObject({ text: 'The *capital*.', html: '<p>The <em>capital</em>.</p>' });
    expect(story.summaryHtml).toBe('A small story used by the unit tests.');
  });
});

describe('the MSS Haiti story', () => {
  it('still builds, and all its HTML is inert', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { story } = buildStory(`${root}tests/fixtures/site/mss-haiti.yaml`, root);
    expectInert(story);
    for (const step of story.steps) expect(step.html).toMatch(/^<p>/);
  });
});
