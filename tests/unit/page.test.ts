import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory, type BuiltStory } from '../../src/build/stories.ts';
import { inertJson, oembed, pageData, pageHead, type PageKind } from '../../src/build/page.ts';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';
import { STILL_DEFAULT_MEDIA, STILL_SIZES } from '../../src/lib/geo/staticSize.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = buildStory(`${root}tests/fixtures/site/mss-haiti.yaml`, root);
const site = 'https://stories.example.org/maps/';
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
  const match = new RegExp(`<script type="application/json" id="${PAGE_IDS.data}">([\\s\\S]*?)</script>`).exec(head);
  if (!match?.[1]) throw new Error('the head inlines no story data');
  return match[1];
}

describe('pageHead', () => {
  const head = pageHead(tampered, { kind: 'home', site });

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

  it.each<{ kind: PageKind; prefix: string; maps: string }>([
    { kind: 'home', prefix: './', maps: 'mss-haiti/maps/' },
    { kind: 'story', prefix: '../', maps: 'maps/' },
    { kind: 'embed', prefix: '../../', maps: '../maps/' },
  ])('points at the basemap and step maps relative to the $kind page', ({ kind, prefix, maps }) => {
    const page = pageHead(built, { kind, site });
    // The basemap is not preloaded: the map's worker fetches it itself, so a preload only delays
    // the text's paint and is fetched twice (issue 9's traces). What is: the opening step's static
    // map, one link per drawing, each for the screens that show it, before the story's data.
    expect(page).not.toContain(`rel="preload" as="fetch"`);
    const first = built.story.steps[0]?.id ?? '';
    const preloads = [...page.matchAll(/<link rel="preload" as="image" href="([^"]+)" media="([^"]+)"/g)];
    expect(preloads.map(([, href]) => href)).toEqual([
      ...STILL_SIZES.map((s) => `${maps}${s.folder}/${first}.svg`),
      `${maps}${first}.svg`,
    ]);
    expect(preloads.map(([, , media]) => media)).toEqual([...STILL_SIZES.map((s) => s.media), STILL_DEFAULT_MEDIA]);
    expect(page.indexOf('rel="preload"')).toBeLessThan(page.indexOf(PAGE_IDS.data));
    expect(page.match(/rel="preload"/g)).toHaveLength(preloads.length);
    const data = JSON.parse(inlinedJson(page)) as { basemap: string; maps: string; embed: boolean };
    expect(data.basemap).toBe(`${prefix}${built.basemapFile}`);
    expect(data.maps).toBe(maps);
    expect(data.embed).toBe(kind === 'embed');
  });

  it.each<PageKind>(['home', 'story', 'embed'])(
    'inlines for the $kind page the very data its body is rendered from (so hydration matches)',
    (kind) => {
      const data = JSON.parse(inlinedJson(pageHead(built, { kind, site }))) as unknown;
      expect(data).toEqual(pageData(built, kind));
    },
  );

  it('isolates a title that could reverse the words a browser tab or share card sets beside it', () => {
    const overriding = { ...built, story: { ...built.story, title: 'Desk \u202Enight' } };
    const page = pageHead(overriding, { kind: 'story', site });
    expect(page).toContain('<title>\u2068Desk \u202Enight\u2069</title>');
    expect(page).toContain('<meta property="og:title" content="\u2068Desk \u202Enight\u2069" />');
    expect(oembed(overriding, site).title).toBe('\u2068Desk \u202Enight\u2069');
  });

  it('gives share tags with absolute addresses on the published site', () => {
    const page = pageHead(built, { kind: 'story', site });
    expect(page).toContain('<link rel="canonical" href="https://stories.example.org/maps/mss-haiti/" />');
    expect(page).toContain(
      '<meta property="og:image" content="https://stories.example.org/maps/mss-haiti/preview.png" />',
    );
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(page).toContain(
      'type="application/json+oembed" href="https://stories.example.org/maps/mss-haiti/oembed.json"',
    );
    expect(page).not.toContain('noindex');
    expect(pageHead(built, { kind: 'embed', site })).toContain('<meta name="robots" content="noindex" />');
  });
});

describe('oembed', () => {
  it('answers with a rich embed of the story’s embed page', () => {
    const answer = oembed(tampered, site);
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', height: 700 });
    expect(answer.html).toContain('src="https://stories.example.org/maps/mss-haiti/embed/"');
    expect(answer.html).not.toContain('<script');
    expect(answer.thumbnail_url).toBe('https://stories.example.org/maps/mss-haiti/preview.png');
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
