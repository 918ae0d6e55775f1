import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import EmbedButton from './lib/ui/EmbedButton.svelte';
import { readPageData } from './lib/story/page-data.ts';
import { PAGE_IDS } from './lib/page-ids.ts';
// The colour custom properties app.css reads, generated from lib/style/palette.ts (build/palette-css.ts).
import 'virtual:storymap-palette.css';
import './app.css';

// The build wrote the story as App renders it (src/build/prerender.ts): the script hydrates that
// markup in place, so the text already on screen stays, and the header, event list and sources
// stay as they are. `static` marks the page no script has run on (app.css).
const target = document.getElementById(PAGE_IDS.app);
if (!target) throw new Error(`#${PAGE_IDS.app} is missing from the page`);
const data = readPageData(document);
hydrate(App, { target, props: { data } });
target.classList.remove('static');
const embedButton = document.getElementById(PAGE_IDS.embedButton);
if (embedButton) mount(EmbedButton, { target: embedButton, props: { slug: data.story.slug, title: data.story.title } });
