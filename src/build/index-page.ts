/**
 * The site's list of every story (StoryIndex.svelte) as a page of its own: `index.html` when no
 * story is the front page, else `stories/index.html` (site.ts). Plain HTML and a style sheet: no
 * script, so it works the same with JavaScript or without. Newest story first (by the date of the
 * source each retells), then by title.
 *
 * Imports a .svelte file, so it loads as prerender.ts does: through Vite's SSR loader (plugin.ts).
 */
import { render } from 'svelte/server';
import type { Story } from '../lib/story/model.ts';
import { startOf } from '../lib/story/dates.ts';
import type { SiteSettings } from './site.ts';
import StoryIndex from '../lib/ui/StoryIndex.svelte';

export const byDate = (a: Story, b: Story) =>
  startOf(b.basedOn.date).getTime() - startOf(a.basedOn.date).getTime() || a.title.localeCompare(b.title);

/** The page's body: `root` is the site's root seen from the page (`./` or `../`). */
export function renderIndex(settings: SiteSettings, stories: Story[], root: string): string {
  const props = { title: settings.title, description: settings.description, stories: [...stories].sort(byDate), root };
  const { head, body } = render(StoryIndex, { props });
  if (head.trim()) throw new Error(`the story index wants to write into the head: ${head}`);
  return body;
}
