/**
 * The site's list of every story (index-page.ts, StoryIndex.svelte), from real `vite build` runs
 * of a two-story fixture site: as the front page when the settings name no home story, and at
 * `stories/` beside the home story when they do. Each story keeps its own address either way.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from './build-site.ts';
import { parseSettings } from '../src/build/site.ts';
import { formatError } from '../src/lib/story/parse.ts';

// Inside the project (tests/.tmp-…), never the system's temporary folder; removed afterwards.
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const STORIES = 'tests/fixtures/index-site/stories';
const build = (settings: string) =>
  buildSite(STORIES, { settings: `tests/fixtures/index-site/${settings}` }, join(temp, settings));

const STORY = [
  {
    slug: 'second-story',
    title: 'A patrol under fire',
    summary: 'The second story',
    date: ['2025-05-10', '10 May 2025'],
  },
  {
    slug: 'first-story',
    title: 'Officers arrive in Haiti',
    summary: 'The <em>first</em> story',
    date: ['2025-04-03', '3 April 2025'],
  },
];

/** Checks the list page at `page` (relative to `out`) lists both stories, newest first, with working links and images. */
function checkList(out: string, page: string) {
  const html = readFileSync(join(out, page), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*application\/json)/);
  expect(html).toMatch(/<h1>.*Fixture desk.*<\/h1>/s);
  const items = [...html.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1] ?? '');
  expect(items).toHaveLength(2);
  items.forEach((item, i) => {
    const story = STORY[i]!;
    const link = /<h3><a href="([^"]+)">(.*?)<\/a><\/h3>/s.exec(item);
    expect(link?.[2]).toContain(story.title);
    expect(item).toContain(story.summary);
    expect(item).toContain(`<time datetime="${story.date[0]}">${story.date[1]}</time>`);
    const target = resolve(join(out, page, '..'), link?.[1] ?? '', 'index.html');
    expect(target).toBe(join(out, story.slug, 'index.html'));
    expect(readFileSync(target, 'utf8')).toContain(`<title>${story.title}</title>`);
    const img = /<img src="([^"]+)" alt="([^"]+)"/.exec(item);
    expect(img?.[2]).toMatch(/^Map: /);
    expect(existsSync(resolve(join(out, page, '..'), img?.[1] ?? ''))).toBe(true);
  });
  // Its style is in the page (inline-css.ts), with the list's own rules, and the fonts it names
  // are found from the page's folder.
  const css = [...html.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]).join('');
  expect(html).not.toMatch(/<link rel="stylesheet"/);
  expect(css).toContain('.story-index');
  const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1] ?? '');
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(existsSync(resolve(join(out, page, '..'), font)), font).toBe(true);
}

describe('a site without a home story', () => {
  const built = build('site-index.yaml');

  it('makes the list of every story its front page', async () => checkList(await built, 'index.html'));

  it('keeps each story at its own address, and writes no stories/ page', async () => {
    const out = await built;
    for (const { slug } of STORY) expect(existsSync(join(out, slug, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'stories'))).toBe(false);
  });
});

describe('a site with a home story', () => {
  const built = build('site-home.yaml');

  it('makes the home story its front page and lists every story at stories/', async () => {
    const out = await built;
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<title>Officers arrive in Haiti</title>');
    checkList(out, 'stories/index.html');
  });

  it('keeps each story at its own address', async () => {
    const out = await built;
    for (const { slug } of STORY) expect(existsSync(join(out, slug, 'index.html'))).toBe(true);
  });
});

describe('the site settings', () => {
  it('name the file, line and field of a bad setting', () => {
    const result = parseSettings('# The site\nhome: Front Page\ncolour: red\n', 'data/site.yaml');
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'data/site.yaml:1:1 title: is missing',
      'data/site.yaml:2:7 home: home is a story’s file name without its extension, or "index"',
      'data/site.yaml:3:1 colour: unknown field; a site has title, description and home',
    ]);
  });

  it('read `home: index` and no home alike: the list is the front page', () => {
    expect(parseSettings('title: Desk\nhome: index\n', 's.yaml')).toEqual({ ok: true, settings: { title: 'Desk' } });
    expect(parseSettings('title: Desk\n', 's.yaml')).toEqual({ ok: true, settings: { title: 'Desk' } });
  });
});
