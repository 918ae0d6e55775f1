/**
 * The page's HTML as the build writes it, before any script runs: the header, the story itself
 * (App.svelte, at its first step), the list of all events and the sources. The script hydrates
 * the story in place (main.ts): the text the reader sees first is never re-created, and the
 * header, event list and sources stay as written here. Readers without JavaScript, search engines
 * and printers get the whole story from the same markup: app.css unrolls it, each step's card
 * followed by its static map, when no script runs.
 *
 * Every part that carries story text is a Svelte component rendered with `svelte/server`, so the
 * page without JavaScript and the interactive one cannot show a step differently. Svelte escapes
 * the text; prose comes as HTML rendered and sanitized from validated markup (lib/story/markup.ts).
 * Only the skip link and the mount point, which hold no story text, are written here.
 *
 * This module imports .svelte files, so it runs only where they compile: the build plugin loads
 * it through Vite's SSR loader (plugin.ts), the tests through Vitest.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import type { PageKind } from './page.ts';
import type { PageData } from '../lib/story/page-data.ts';
import { PAGE_IDS } from '../lib/page-ids.ts';
import App from '../App.svelte';
import Masthead from '../lib/ui/Masthead.svelte';
import EventTable from '../lib/ui/EventTable.svelte';
import Sources from '../lib/ui/Sources.svelte';
import { messages } from '../lib/i18n/messages.ts';

/**
 * A component's markup for a static page. The components take their styles from app.css and the
 * bundle's style sheet, so nothing goes into the head; were a `<style>` to appear there, the page
 * would silently lack it.
 */
function html<Props extends Record<string, unknown>>(component: Component<Props>, props: Props): string {
  const { head, body } = render(component, { props });
  if (head.trim()) throw new Error(`a prerendered component wants to write into the head: ${head}`);
  return body;
}

/**
 * The body of a page. `data` is what the page inlines for its script (page.ts `pageData`): the
 * story and the addresses of its basemap and static maps, relative to the page.
 */
export function prerender(data: PageData, kind: PageKind): string {
  return [
    `<a class="skip" href="#${PAGE_IDS.events}">${messages(data.story.lang).skipLink}</a>`,
    html(Masthead, { story: data.story, embed: kind === 'embed' }),
    // `static` until the script runs: app.css unrolls the steps if none does.
    `<main id="${PAGE_IDS.app}" class="static">${html(App, { data })}</main>`,
    html(EventTable, { story: data.story }),
    html(Sources, { story: data.story }),
  ].join('\n    ');
}
