import { hydrate, mount, unmount } from 'svelte';
import App from './App.svelte';
import EmbedButton from './lib/ui/EmbedButton.svelte';
import { readPageData } from './lib/story/page-data.ts';
import { PAGE_IDS, STORY_UPDATED } from './lib/page-ids.ts';
// The colour custom properties app.css reads, generated from lib/style/palette.ts (build/palette-css.ts).
import 'virtual:storymap-palette.css';
import './app.css';

// The build wrote the story as App renders it (src/build/prerender.ts): the script hydrates that
// markup in place, so the text already on screen stays, and the header, event list and sources
// stay as they are. `static` marks the page no script has run on (app.css).
const target = document.getElementById(PAGE_IDS.app);
if (!target) throw new Error(`#${PAGE_IDS.app} is missing from the page`);
const data = readPageData(document);
let app = hydrate(App, { target, props: { data } });
target.classList.remove('static');
// In a task of its own, after the page's: the hydration is one long task already, and each
// millisecond of it over 50 counts as blocking time on a phone. No one embeds in the first frame.
setTimeout(() => {
  const embedButton = document.getElementById(PAGE_IDS.embedButton);
  if (embedButton)
    mount(EmbedButton, { target: embedButton, props: { slug: data.story.slug, title: data.story.title } });
});

// `npm run dev` only (never in a built page): a saved story shows without a reload. The page as
// the server now renders it is fetched, and its parts are put in place of the old ones; the story
// starts again at the step in the address. Problems in the story show in Vite's overlay instead.
if (import.meta.hot) {
  import.meta.hot.on(STORY_UPDATED, async () => {
    const page = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const fresh = readPageData(page);
    if (fresh.story.slug !== data.story.slug) return;
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    // The header, event list and sources, as the server wrote them.
    for (const id of [PAGE_IDS.events, PAGE_IDS.sources]) {
      const now = page.getElementById(id);
      if (now) document.getElementById(id)?.replaceWith(document.importNode(now, true));
    }
    const header = page.querySelector('header');
    if (header) document.querySelector('header')?.replaceWith(document.importNode(header, true));
    const script = document.getElementById(PAGE_IDS.data);
    if (script) script.textContent = JSON.stringify(fresh);
    document.title = page.title;
    await unmount(app);
    target.replaceChildren();
    app = mount(App, { target, props: { data: fresh } });
    const button = document.getElementById(PAGE_IDS.embedButton);
    if (button) mount(EmbedButton, { target: button, props: { slug: fresh.story.slug, title: fresh.story.title } });
  });
}
