/**
 * The page's HTML as the build writes it, before any script runs: the header, every step's text
 * with a static map of that step, the list of all events and the sources. Readers without
 * JavaScript, search engines and printers get the whole story from it; with JavaScript the
 * interactive story mounts over the steps (`#storymap_app`), and the rest stays as written here.
 *
 * Every part that carries story text is a Svelte component rendered with `svelte/server`: the
 * steps are the live page's own unrolled list (Unrolled.svelte, with StepCard.svelte), so the
 * page without JavaScript and the interactive one cannot show a step differently. Svelte escapes
 * the text; prose comes as HTML rendered and sanitized from validated markup (lib/story/markup.ts).
 * Only the skip link and the mount point, which hold no story text, are written here.
 *
 * This module imports .svelte files, so it runs only where they compile: the build plugin loads
 * it through Vite's SSR loader (plugin.ts), the tests through Vitest.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import type { Story } from '../lib/story/model.ts';
import type { PageKind } from './page.ts';
import { PAGE_IDS } from '../lib/page-ids.ts';
import Masthead from '../lib/ui/Masthead.svelte';
import Unrolled from '../lib/ui/Unrolled.svelte';
import EventTable from '../lib/ui/EventTable.svelte';
import Sources from '../lib/ui/Sources.svelte';

/**
 * A component's markup for a static page. The components take their styles from app.css, so
 * nothing goes into the head; were a `<style>` to appear there, the page would silently lack it.
 */
function html<Props extends Record<string, unknown>>(component: Component<Props>, props: Props): string {
  const { head, body } = render(component, { props });
  if (head.trim()) throw new Error(`a prerendered component wants to write into the head: ${head}`);
  return body;
}

/** The body of a page: `maps` is the folder of the static step maps, relative to the page. */
export function prerender(story: Story, kind: PageKind, maps: string): string {
  return [
    `<a class="skip" href="#${PAGE_IDS.events}">Skip the map: go to the list of all events</a>`,
    html(Masthead, { story, embed: kind === 'embed' }),
    `<main id="${PAGE_IDS.app}" class="static">${html(Unrolled, { story, maps, eager: 0 })}</main>`,
    html(EventTable, { story }),
    html(Sources, { story }),
  ].join('\n    ');
}
