import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory, type BuiltStory } from '../../src/build/stories.ts';
import { inertJson, pageHead } from '../../src/build/page.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = buildStory(`${root}data/stories/mss-haiti.yaml`, root);
const hostile = '</script><script>alert("x")</script> & <b>';
const tampered: BuiltStory = {
  ...built,
  story: {
    ...built.story,
    title: `Gangs ${hostile}`,
    summary: `Summary ${hostile}`,
    steps: built.story.steps.map((s, i) => (i === 0 ? { ...s, text: `Step ${hostile}` } : s)),
  },
};

function inlinedJson(head: string): string {
  const match = /<script type="application\/json" id="story-data">([\s\S]*?)<\/script>/.exec(head);
  if (!match?.[1]) throw new Error('the head inlines no story data');
  return match[1];
}

describe('pageHead', () => {
  const head = pageHead(tampered, 0);

  it('escapes markup in the title and description', () => {
    expect(head).toContain('<title>Gangs &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)');
    expect(head).toContain('<meta name="description" content="Summary &lt;/script&gt;');
    expect(head).not.toContain('<b>');
  });

  it('inlines JSON that cannot close its script element', () => {
    expect(head.match(/<\/script/gi)).toHaveLength(1);
    expect(inlinedJson(head).toLowerCase()).not.toContain('</script');
  });

  it('inlines the story so the page reads it back unchanged', () => {
    const data = JSON.parse(inlinedJson(head)) as { story: typeof tampered.story; basemap: string };
    expect(data.story).toEqual(tampered.story);
    expect(data.basemap).toBe(`./${built.basemapFile}`);
  });

  it.each([
    { depth: 0, prefix: './' },
    { depth: 1, prefix: '../' },
    { depth: 2, prefix: '../../' },
  ])('points at the basemap relative to a page $depth folders deep', ({ depth, prefix }) => {
    const page = pageHead(built, depth);
    expect(page).toContain(`<link rel="preload" href="${prefix}${built.basemapFile}"`);
    expect(JSON.parse(inlinedJson(page)).basemap).toBe(`${prefix}${built.basemapFile}`);
  });
});

describe('inertJson', () => {
  it.each([
    { value: '</script>', expected: '"\\u003c/script\\u003e"' },
    { value: '<!--', expected: '"\\u003c!--"' },
    { value: 'a & b', expected: '"a \\u0026 b"' },
  ])('writes $value without markup characters', ({ value, expected }) => {
    expect(inertJson(value)).toBe(expected);
    expect(JSON.parse(inertJson(value))).toBe(value);
  });
});
