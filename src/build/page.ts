/**
 * What the build writes into each story page's head: title, description, share metadata, and
 * the story itself as inert JSON (no extra request, nothing executed), with the relative
 * addresses of its basemap and static maps so the site works from any folder it is copied to.
 */
import type { BuiltStory } from './stories.ts';
import type { PageData } from '../lib/story/page-data.ts';
import { isolate } from '../lib/story/isolate.ts';
import { PAGE_IDS } from '../lib/page-ids.ts';
import { messages } from '../lib/i18n/messages.ts';
import type { Story } from '../lib/story/model.ts';
import { rebasePictures } from '../lib/story/picture.ts';
import { locatorLandFile } from './locator-land.ts';
import { drawingFile, STILL_DEFAULT_MEDIA, STILL_SIZES } from '../lib/geo/staticSize.ts';

export type PageKind = 'home' | 'story' | 'embed';

export interface PageOptions {
  kind: PageKind;
  /** Absolute address the site is published at, ending in "/": share tags need absolute URLs. */
  site: string;
  /** Add the Content-Security-Policy (not in dev, where Vite injects inline scripts). */
  csp?: boolean;
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON that cannot close the script element it sits in. */
export const inertJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Where the site's root and the story's own files are, seen from each kind of page. */
export function paths(kind: PageKind, slug: string) {
  const root = { home: './', story: '../', embed: '../../' }[kind];
  const own = { home: `${slug}/`, story: '', embed: '../' }[kind];
  return { root, own };
}

export function storyUrls(site: string, slug: string) {
  const page = new URL(`${slug}/`, site).href;
  return {
    page,
    embed: new URL('embed/', page).href,
    preview: new URL('preview.png', page).href,
    oembed: new URL('oembed.json', page).href,
  };
}

/**
 * The pages' Content-Security-Policy: scripts and workers only from the site itself (MapLibre's
 * worker is a same-origin module file), no inline script, no eval, nothing from other hosts.
 * Inline styles are allowed: Svelte and MapLibre position things with style attributes.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * What the page's script reads (the inlined JSON) and what the build renders its body from: the
 * same object, so the markup the script hydrates is the markup it would render.
 */
export function pageData(built: BuiltStory, kind: PageKind): PageData {
  const { root, own } = paths(kind, built.story.slug);
  return {
    // Image addresses as the page sees them; the build names them from the site's root.
    story: rebasePictures(built.story, root),
    basemap: root + built.basemapFile,
    land: root + locatorLandFile().file,
    maps: `${own}maps/`,
    embed: kind === 'embed',
  };
}

export function pageHead(built: BuiltStory, options: PageOptions): string {
  const { story } = built;
  const data = pageData(built, options.kind);
  const urls = storyUrls(options.site, story.slug);
  // Share cards and browser tabs set these beside words of their own: isolate the story's.
  const title = escapeHtml(isolate(story.title));
  const summary = escapeHtml(isolate(story.summary));
  const alt = escapeHtml(messages(story.lang).mapOf(isolate(story.steps[0]?.title ?? story.title)));
  return [
    ...(options.csp ? [`<meta http-equiv="Content-Security-Policy" content="${CSP}" />`] : []),
    `<title>${title}</title>`,
    `<meta name="description" content="${summary}" />`,
    `<link rel="canonical" href="${urls.page}" />`,
    ...(options.kind === 'embed' ? ['<meta name="robots" content="noindex" />'] : []),
    `<meta property="og:type" content="article" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${summary}" />`,
    `<meta property="og:url" content="${urls.page}" />`,
    `<meta property="og:image" content="${urls.preview}" />`,
    `<meta property="og:image:width" content="1200" />`,
    `<meta property="og:image:height" content="630" />`,
    `<meta property="og:image:alt" content="${alt}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${summary}" />`,
    `<meta name="twitter:image" content="${urls.preview}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${urls.oembed}" title="${title}" />`,
    ...stillPreloads(data.maps, story.steps[0]?.id),
    `<script type="application/json" id="${PAGE_IDS.data}">${inertJson(data)}</script>`,
  ].join('\n    ');
}

/**
 * The opening step's static map, asked for before the story's data (which can be long) has
 * arrived: on a phone it fills the map's part of the first screen, so it is the page's largest
 * paint. One link per drawing (staticSize.ts); the browser fetches the one whose media matches,
 * the one the stage's `<picture>` chooses.
 */
function stillPreloads(maps: string, first: string | undefined): string[] {
  if (first === undefined) return [];
  return [
    ...STILL_SIZES.map((size) => [maps + drawingFile(first, size), size.media]),
    [maps + drawingFile(first), STILL_DEFAULT_MEDIA],
  ].map(
    ([href = '', media = '']) =>
      `<link rel="preload" as="image" href="${escapeHtml(href)}" media="${media}" fetchpriority="high" />`,
  );
}

/**
 * The page's root element for `story`: its language and the way its text runs, which screen
 * readers (voice, hyphenation, quotes) and the layout (`dir`) follow.
 */
export function htmlOpenTag(story: Pick<Story, 'lang' | 'dir'>): string {
  return `<html lang="${escapeHtml(story.lang || 'en')}" dir="${story.dir === 'rtl' ? 'rtl' : 'ltr'}">`;
}

/** The page template (index.html) with its `<html>` tag set for `story`. */
export function withLanguage(html: string, story: Pick<Story, 'lang' | 'dir'>): string {
  return html.replace(/<html\b[^>]*>/i, () => htmlOpenTag(story));
}

/** The oEmbed (https://oembed.com) answer for a story: a rich embed of its fixed-height frame. */
export function oembed(built: BuiltStory, site: string) {
  const urls = storyUrls(site, built.story.slug);
  const title = isolate(built.story.title);
  const html = `<iframe src="${escapeHtml(urls.embed)}" title="${escapeHtml(title)}" width="100%" height="700" style="border:0" loading="lazy"></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    author_name: built.story.credit,
    provider_name: 'Story map',
    provider_url: site,
    html,
    width: 800,
    height: 700,
    thumbnail_url: urls.preview,
    thumbnail_width: 1200,
    thumbnail_height: 630,
  };
}
