import { mount } from 'svelte';
import App from './App.svelte';
import { readPageData } from './lib/story/page-data.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from the page');
mount(App, { target, props: { data: readPageData(document) } });
