/**
 * Real `vite build` runs: every story file becomes its own page, the home story is also the
 * site's index, the basemap ships as a static file, the page without JavaScript shows the live
 * page's own components, no story's ids can clash with the page's own, and an invalid story stops the build with an error that names the file, the line and the field,
 * without a stack trace.
 */
import { execFile } from 'node:child_process';
import {
  readFileSync,
  readdirSync,
  existsSync,
  copyFileSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { convert } from 'fontverter';
import { Blob as HbBlob, Face } from 'harfbuzzjs';
import { join, posix, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { buildSite as buildInto, ROOT as root } from './build-site.ts';
import { PAGE_IDS } from '../src/lib/page-ids.ts';
import { STATIC_MAP_SIZE, STILL_SIZES } from '../src/lib/geo/staticSize.ts';
import { stillDrawing, STILL_VIEW } from '../src/lib/geo/stillPlacement.ts';
import type { PageData } from '../src/lib/story/page-data.ts';
import App from '../src/App.svelte';
import StepCard from '../src/lib/ui/StepCard.svelte';
import EventTable from '../src/lib/ui/EventTable.svelte';
import Sources from '../src/lib/ui/Sources.svelte';
import { scratchDir } from './scratch.ts';
import { serveDir } from '../src/build/serve.ts';

const temp = scratchDir('build');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Builds the site from a folder of stories (relative to the project root) into a fresh folder. */
const buildSite = (dir: string, home: string) =>
  buildInto(dir, home, join(temp, `out-${Math.random().toString(36).slice(2)}`));

const inlined = (html: string) => {
  const json = new RegExp(`<script type="application/json" id="${PAGE_IDS.data}">(.*?)</script>`, 's').exec(html)?.[1];
  return JSON.parse(json ?? 'null') as {
    story: { slug: string; title: string; steps: { id: string }[] };
    basemap: string;
  };
};

describe('a site with two stories', () => {
  const stories = join(temp, 'stories');
  mkdirSync(stories);
  copyFileSync(resolve(root, 'tests/fixtures/site/mss-haiti.yaml'), join(stories, 'mss-haiti.yaml'));
  // The minimal story, with letters beyond ASCII in an event's detail (which only the script shows).
  const minimal = readFileSync(resolve(root, 'tests/fixtures/good/minimal.yaml'), 'utf8');
  writeFileSync(
    join(stories, 'second-story.yaml'),
    minimal.replace(
      'what: The first officers arrived.',
      'what: The first officers arrived in Pétion-Ville (Ñ, ü, ø, ß, Ç).',
    ),
  );
  const built = buildSite(stories, 'mss-haiti');

  it('builds each story to <slug>/index.html and the home story to index.html', async () => {
    const out = await built;
    const home = inlined(readFileSync(join(out, 'index.html'), 'utf8'));
    const haiti = inlined(readFileSync(join(out, 'mss-haiti/index.html'), 'utf8'));
    const second = inlined(readFileSync(join(out, 'second-story/index.html'), 'utf8'));
    expect(home.story.slug).toBe('mss-haiti');
    expect(haiti.story.title).toBe(home.story.title);
    expect(second.story.title).toBe('Minimal story');
  });

  it('ships each basemap as a static JSON file, addressed relative to the page', async () => {
    const out = await built;
    for (const page of ['index.html', 'mss-haiti/index.html', 'second-story/index.html']) {
      const { basemap } = inlined(readFileSync(join(out, page), 'utf8'));
      expect(basemap).toMatch(/^\.\.?\/assets\/basemap-[a-z0-9-]+\.json$/);
      const file = resolve(join(out, page, '..'), basemap);
      const geojson = JSON.parse(readFileSync(file, 'utf8')) as { type: string; features: unknown[] };
      expect(geojson.type).toBe('FeatureCollection');
      expect(geojson.features.length).toBeGreaterThan(10);
    }
    // The basemap is fetched, not bundled into the JavaScript.
    const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    for (const script of scripts)
      expect(readFileSync(join(out, 'assets', script), 'utf8')).not.toContain('"Dominican Rep."');
  });

  it('draws each step’s static map at each size the stage may choose, with its margins', async () => {
    const out = await built;
    for (const slug of ['mss-haiti', 'second-story']) {
      const { story } = inlined(readFileSync(join(out, slug, 'index.html'), 'utf8'));
      for (const step of story.steps)
        for (const [folder, size] of [
          ['', STATIC_MAP_SIZE],
          ...STILL_SIZES.map((s) => [`${s.folder}/`, s] as const),
        ] as const) {
          const svg = readFileSync(join(out, slug, 'maps', `${folder}${step.id}.svg`), 'utf8');
          expect(svg).toContain(`width="${size.width}" height="${size.height}"`);
          const drawing = stillDrawing(size);
          expect(svg).toContain(`<view id="${STILL_VIEW}" viewBox="0 0 ${drawing.width} ${drawing.height}"/>`);
        }
    }
  });

  it('writes the title and the story text into the page as inert JSON', async () => {
    const html = readFileSync(join(await built, 'mss-haiti/index.html'), 'utf8');
    expect(html).toContain('<title>Kenyan police in Haiti, under fire</title>');
    expect(html).not.toMatch(/src="\//);
    expect(existsSync(join(await built, 'favicon.svg'))).toBe(true);
  });

  it('gives every story an embed page, share tags, a 1200x630 preview and an oEmbed answer', async () => {
    const out = await built;
    for (const slug of ['mss-haiti', 'second-story']) {
      const html = readFileSync(join(out, slug, 'index.html'), 'utf8');
      const preview = `https://stories.example.org/maps/${slug}/preview.png`;
      expect(html).toContain(`<meta property="og:image" content="${preview}" />`);
      expect(html).toContain(`<meta name="twitter:image" content="${preview}" />`);
      expect(html).toContain(`<link rel="canonical" href="https://stories.example.org/maps/${slug}/" />`);
      const embed = readFileSync(join(out, slug, 'embed', 'index.html'), 'utf8');
      expect(inlined(embed).story.slug).toBe(slug);
      const png = readFileSync(join(out, slug, 'preview.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      // A blank 1200x630 PNG compresses to a few hundred bytes; a map with coastlines does not.
      expect(png.length).toBeGreaterThan(20_000);
      const answer = JSON.parse(readFileSync(join(out, slug, 'oembed.json'), 'utf8')) as Record<string, unknown>;
      expect(answer).toMatchObject({ version: '1.0', type: 'rich', thumbnail_url: preview });
      expect(answer.html).toContain(`https://stories.example.org/maps/${slug}/embed/`);
    }
    expect(readFileSync(join(out, 'embed.js'), 'utf8')).toContain('storymap:position');
  });

  it('writes the story as the live page’s own App, hydrated in place, with each step’s card and map', async () => {
    const html = readFileSync(join(await built, 'mss-haiti/index.html'), 'utf8');
    const data = inlined(html) as unknown as PageData;
    const { story } = data;
    // A component rendered on its own comes in a pair of hydration markers, inside another without.
    const markup = (body: string) => body.replace(/^<!--\[-->/, '').replace(/<!--\]-->$/, '');
    const card = (i: number) => {
      const step = story.steps[i];
      if (!step) throw new Error(`no step ${i}`);
      const props = { step, number: i + 1, total: story.steps.length, active: i === 0, map: `maps/${step.id}.svg` };
      return markup(render(StepCard, { props }).body);
    };
    expect(story.steps.length).toBeGreaterThan(1);
    // Each step's card and static map: the page without JavaScript shows the map (app.css).
    for (const [i, step] of story.steps.entries()) {
      expect(html).toMatch(new RegExp(`<li class="step[^"]*" id="${step.id}" data-step="${step.id}"[^>]*>`));
      expect(html).toContain(card(i));
      expect(card(i)).toContain(`<img class="step-map print-only" src="maps/${step.id}.svg"`);
    }
    // The story is App as the script first renders it, from the very data the page inlines: what
    // main.ts hydrates. The event table and the sources are the components' markup too.
    const main = `<main id="${PAGE_IDS.app}" class="static">${render(App, { props: { data } }).body}</main>`;
    expect(html).toContain(main);
    expect(html).toContain(render(EventTable, { props: { story } }).body);
    expect(html).toContain(render(Sources, { props: { story } }).body);
  });

  it('blocks the first paint on no more style than the page uses', async () => {
    const out = await built;
    const html = readFileSync(join(out, 'mss-haiti/embed/index.html'), 'utf8');
    // The style is in the page itself (inline-css.ts): the first paint waits for no second request.
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const styles = [...html.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    const css = styles.join('');
    // MapLibre's own style sheet (controls, popups: 70 kB) is not in it; app.css has the few rules the map needs.
    expect(css).not.toContain('maplibregl-ctrl');
    expect(css).toContain('.maplibregl-canvas');
    expect(css.length).toBeLessThan(40_000);
    // Every page, at every depth (home, story, embed), finds the fonts its style names.
    for (const page of htmlFiles(out)) {
      const style = [...readFileSync(page, 'utf8').matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]).join('');
      const fonts = [...style.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] ?? '');
      expect(fonts.length, relative(out, page)).toBeGreaterThan(0);
      for (const font of fonts)
        expect(existsSync(resolve(page, '..', font)), `${relative(out, page)}: ${font}`).toBe(true);
    }
  });

  it('gives each story’s pages its text fonts cut to the characters they can show', async () => {
    const out = await built;
    const fontsOf = (page: string) => {
      const style = [...readFileSync(join(out, page), 'utf8').matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]);
      return [...style.join('').matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) =>
        resolve(join(out, page, '..'), m[1] ?? ''),
      );
    };
    const whole = fontsOf('stories/index.html');
    expect(whole.map((f) => posix.basename(f)).join(' '), 'the list of stories keeps the whole fonts').toMatch(
      /^source-sans-3-latin-400-normal-[\w-]{8}\.woff2 source-sans-3-latin-600-normal-[\w-]{8}\.woff2$/,
    );
    // A story's page and its embed share one file per weight; the home page is the Haiti story's.
    expect(fontsOf('mss-haiti/embed/index.html')).toEqual(fontsOf('mss-haiti/index.html'));
    expect(fontsOf('index.html')).toEqual(fontsOf('mss-haiti/index.html'));
    for (const page of ['mss-haiti/index.html', 'second-story/index.html']) {
      const html = readFileSync(join(out, page), 'utf8');
      // What a reader can see: the page's text and every string of the story its script renders.
      const strings = (v: unknown): string[] =>
        typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
      const body = html
        .replace(/<(script|style|template)\b.*?<\/\1>/gs, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&(amp|lt|gt|quot|#39);/g, ' ');
      // And the names the live map draws with the page's regular font: its basemap tiers' towns.
      const { basemap } = inlined(html);
      const tiers = [basemap, basemap.replace(/\.json$/, '.fine.json')].map((f) => join(out, page, '..', f));
      const names = tiers.filter(existsSync).flatMap((f) => strings(JSON.parse(readFileSync(f, 'utf8'))));
      const seen = new Set([body, ...strings(inlined(html)), ...names].join(''));
      for (const [i, file] of fontsOf(page).entries()) {
        const full = await codePoints(whole[i] ?? '');
        const cut = await codePoints(file);
        expect(statSync(file).size, `${page}: ${posix.basename(file)}`).toBeLessThan(
          statSync(whole[i] ?? '').size * 0.65,
        );
        const missing = [...seen].filter((c) => full.has(c.codePointAt(0) ?? 0) && !cut.has(c.codePointAt(0) ?? 0));
        expect(missing, `${page}: characters the whole font has and the subset lacks`).toEqual([]);
        // And the kit's own words and dates in English, whatever the story says.
        for (const c of 'Step 0123456789 of Map Escape…’–') expect(cut.has(c.codePointAt(0) ?? 0), c).toBe(true);
      }
    }
  });

  it('lists the code a story page loads later, inert, as files the site has, from the page’s folder', async () => {
    const out = await built;
    for (const page of [
      'index.html',
      'mss-haiti/index.html',
      'mss-haiti/embed/index.html',
      'second-story/index.html',
    ]) {
      const html = readFileSync(join(out, page), 'utf8');
      const list = new RegExp(`<template id="${PAGE_IDS.lazyCode}">(.*?)</template>`, 's').exec(html)?.[1] ?? '';
      const files = [...list.matchAll(/<link rel="prefetch" href="([^"]+)"/g)].map((m) => m[1] ?? '');
      // Two chunks: the live map's code (MapLibre), which the page's own script imports at the first
      // move, and the locator inset's globe (d3-geo), which it imports when the inset first shows.
      const names = files.map((f) => posix.basename(f).replace(/-[\w-]+\.js$/, ''));
      expect(names.sort(), page).toEqual(['controller', 'locator']);
      for (const f of files) expect(existsSync(resolve(join(out, page, '..'), f)), `${page}: ${f}`).toBe(true);
      const map = files.find((f) => posix.basename(f).startsWith('controller-')) ?? '';
      expect(readFileSync(resolve(join(out, page, '..'), map), 'utf8'), 'the map code').toContain('maplibre');
      // Nowhere else in the page: outside the template, a prefetch would start before the first paint.
      expect(html.replace(list, '')).not.toContain('rel="prefetch"');
    }
  });

  it('is served by `npm start` with every file under assets/ kept for good, and the pages asked for again', async () => {
    const out = await built;
    const served = await serveDir(out, 0);
    try {
      const header = async (path: string) => (await fetch(new URL(path, served.url))).headers.get('cache-control');
      // Everything the build puts under assets/ has its content's hash in its name: the page's
      // script, MapLibre's chunk and worker, each story's cut fonts and its basemap's tiers.
      const assets = readdirSync(join(out, 'assets')).filter((f) => !/\.(br|gz)$/.test(f));
      expect(assets.some((f) => f.endsWith('.woff2'))).toBe(true);
      expect(assets.some((f) => f.endsWith('.fine.json'))).toBe(true);
      for (const file of assets)
        expect(await header(`assets/${file}`), file).toBe('public, max-age=31536000, immutable');
      // A returning reader must get the story as it is now, and its maps, share image and embed script.
      const maps = readdirSync(join(out, 'mss-haiti/maps')).find((f) => f.endsWith('.svg')) ?? '';
      for (const path of ['', 'mss-haiti/', 'mss-haiti/embed/', 'mss-haiti/oembed.json', `mss-haiti/maps/${maps}`])
        expect(await header(path), path || '/').toBe('no-cache');
    } finally {
      await served.close();
    }
  });
});

/** The Unicode code points a woff2 font maps to glyphs (its cmap), read with HarfBuzz. */
async function codePoints(woff2: string): Promise<Set<number>> {
  const sfnt = await convert(readFileSync(woff2), 'sfnt');
  return new Set(new Face(new HbBlob(new Uint8Array(sfnt))).collectUnicodes());
}

/** Every HTML file under `dir`. */
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));

/**
 * The ids of the elements in a built page. The build writes every attribute in double quotes and
 * escapes quotes inside them, and the inlined story is JSON (`"id":`), so a plain match finds
 * exactly the id attributes.
 */
const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('a story whose ids are the page’s own', () => {
  // Steps, events and sources called events, app, story-data, event-title, sources and so on.
  const built = buildSite('tests/fixtures/page-breakers', 'ids');

  it('builds pages in which no two elements share an id', async () => {
    const out = await built;
    const pages = htmlFiles(out);
    expect(pages.map((p) => relative(out, p)).sort()).toContain('ids/embed/index.html');
    for (const page of pages) {
      const ids = idsIn(readFileSync(page, 'utf8'));
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(twice, relative(out, page)).toEqual([]);
    }
  });

  it('keeps the steps’ ids as the story wrote them, beside the page’s own', async () => {
    const ids = idsIn(readFileSync(join(await built, 'ids/index.html'), 'utf8'));
    for (const id of ['events', 'app', 'story-data', 'event-title', 'embed-button', 'sources', 'events-title'])
      expect(ids).toContain(id);
    for (const id of [PAGE_IDS.events, PAGE_IDS.app, PAGE_IDS.data, PAGE_IDS.sources]) expect(ids).toContain(id);
    expect(readFileSync(join(await built, 'ids/index.html'), 'utf8')).toContain(`href="#${PAGE_IDS.events}"`);
  });
});

describe('an invalid story', () => {
  it('stops the build with file, line, field and reason', async () => {
    await expect(buildSite('tests/fixtures/build-invalid', 'broken')).rejects.toThrow(
      /tests\/fixtures\/build-invalid\/broken\.yaml:47:\d+ steps\[0\]\.events\[1\]: step "start" shows unknown event "evac"/,
    );
  });

  it('says so in the terminal of `vite build` without a JavaScript stack trace', async () => {
    // The real command line, as a reporter runs it: what it prints is what they see.
    const vite = resolve(root, 'node_modules/vite/bin/vite.js');
    const config = 'tests/fixtures/build-invalid/site.config.ts';
    const run = promisify(execFile)(process.execPath, [vite, 'build', '--config', config], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const failed = await run.then(
      () => undefined,
      (error: { code?: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code, 'the build should fail').toBe(1);
    const shown = `${failed?.stdout ?? ''}${failed?.stderr ?? ''}`;
    expect(shown).toMatch(
      /tests\/fixtures\/build-invalid\/broken\.yaml:47:\d+ steps\[0\]\.events\[1\]: step "start" shows unknown event "evac"/,
    );
    expect(shown).not.toMatch(/^\s+at /m);
    expect(shown).not.toMatch(/node_modules|\.mjs:\d+|StoryBuildError/);
  });
});
