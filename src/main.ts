import { mount } from 'svelte';
import App from './App.svelte';
import EmbedButton from './lib/ui/EmbedButton.svelte';
import { readPageData } from './lib/story/page-data.ts';
import { PAGE_IDS } from './lib/page-ids.ts';
// The colour custom properties app.css reads, generated from lib/style/palette.ts (build/palette-css.ts).
import 'virtual:storymap-palette.css';
import './app.css';

// The build wrote the whole story as static HTML (src/build/prerender.ts); the interactive
// story replaces its steps, and the header, event list and sources stay as they are.
const target = document.getElementById(PAGE_IDS.app);
if (!target) throw new Error(`#${PAGE_IDS.app} is missing from the page`);
const data = readPageData(document);
target.replaceChildren();
target.classList.remove('static');
mount(App, { target, props: { data } });
const embedButton = document.getElementById(PAGE_IDS.embedButton);
if (embedButton) mount(EmbedButton, { target: embedButton, props: { slug: data.story.slug, title: data.story.title } });
