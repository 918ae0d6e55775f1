/**
 * What the build writes into each story page: title, description and the story itself as inert
 * JSON (no extra request, nothing executed), plus the relative address of its basemap so the
 * site works from any folder it is copied to.
 */
import type { BuiltStory } from './stories.ts';
import type { PageData } from '../lib/story/page-data.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON that cannot close the script element it sits in. */
export const inertJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** `depth` is how many folders below the site root the page is (0 for `index.html`). */
export function pageHead(built: BuiltStory, depth: number): string {
  const up = depth === 0 ? './' : '../'.repeat(depth);
  const data: PageData = { story: built.story, basemap: up + built.basemapFile };
  return [
    `<title>${escapeHtml(built.story.title)}</title>`,
    `<meta name="description" content="${escapeHtml(built.story.summary)}" />`,
    `<link rel="preload" href="${up + built.basemapFile}" as="fetch" type="application/json" crossorigin />`,
    `<script type="application/json" id="story-data">${inertJson(data)}</script>`,
  ].join('\n    ');
}
