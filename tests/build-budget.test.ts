/**
 * Byte budgets for what a reader downloads before the first paint, and the precompressed copies.
 * Sizes in bytes are deterministic (unlike timings, which only `npm run bench` measures), so they
 * may fail a build. The critical path is read from the built page itself — the HTML, the
 * stylesheets that block rendering, the entry module and what it preloads — so it follows any
 * change to how the page loads without naming files here.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, loadConfigFromFile } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPages } from '../src/build/plugin.ts';
import { compress, MIN_BYTES, TEXT_EXTENSIONS } from '../src/build/compress.ts';
import { PAGE_IDS } from '../src/lib/page-ids.ts';
import { ROOT } from './build-site.ts';

/**
 * Budgets in bytes, about 10% over the sizes measured when they were set (28 November 2026, with
 * the Haiti fixture story, brotli): the first paint 41,243 (the page, its CSS and the two preloaded
 * fonts; no script: the page is prerendered), the start basemap 109,187. The script that makes it
 * interactive was 66,933 then (with the page's words in three languages), and 56,622 once the
 * timeline's d3 scale and the route geometry left it (3 December): its budget went down with it.
 * The first paint's fonts stopped being preloaded (3 December): it is 10,067 bytes now, and its
 * budget 11 kB; its style sheet went into the page the same day, one request instead of two. The goal for it is 50 kB.
 * The script was 58,867 bytes on 6 December, then 51,197 once the locator inset's globe (d3-geo)
 * went into a lazy chunk of its own, run once the inset shows: its budget went down again. The
 * opening map, the largest paint, was 13,355 bytes at its largest size (360×540) with every point
 * written absolute, and 12,378 once points after the first were written as steps (6 December):
 * its budget, 5% over, fails a return to the longer form. Raise them only on purpose.
 */
const BUDGET = {
  firstPaintBrotli: 11_000,
  scriptBrotli: 56_000,
  basemapBrotli: 120_000,
  openingMapBrotli: 13_000,
};

// Inside the repository (git-ignored), never in the system's temporary folder.
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-budget-'));
const out = join(temp, 'site');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The Haiti fixture story alone, built as vite.config.ts builds the site: with the compress plugin. */
beforeAll(async () => {
  const stories = join(temp, 'stories');
  mkdirSync(stories);
  copyFileSync(resolve(ROOT, 'tests/fixtures/site/mss-haiti.yaml'), join(stories, 'mss-haiti.yaml'));
  await build({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'silent',
    plugins: [svelte(), storyPages({ dir: stories, home: 'mss-haiti', site: 'http://127.0.0.1:4173/' }), compress()],
    build: { outDir: out, emptyOutDir: true, assetsInlineLimit: 0 },
  });
});

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

/** Compressed size: the copy the server sends if there is one, else the file as it is. */
const sent = (file: string, encoding: 'br' | 'gz') =>
  existsSync(`${file}.${encoding}`) ? readFileSync(`${file}.${encoding}`).length : readFileSync(file).length;

/**
 * What a page fetches at once, read from its own tags: what its first paint waits for (the page,
 * its render-blocking style sheets and the fonts it preloads) and the script that makes it
 * interactive (module scripts and their preloads), which the first paint does not wait for.
 */
function criticalPath(page: string): { paint: string[]; script: string[] } {
  const html = readFileSync(page, 'utf8');
  const tags = html.match(/<(?:link|script)\b[^>]*>/g) ?? [];
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']?([^"'\\s>]+)`).exec(tag)?.[1];
  const files = (keep: (tag: string, rel: string | undefined) => boolean) => [
    ...new Set(
      tags
        .filter((tag) => keep(tag, attr(tag, 'rel')))
        .map((tag) => resolve(dirname(page), attr(tag, 'href') ?? attr(tag, 'src') ?? '')),
    ),
  ];
  return {
    paint: [
      page,
      ...files((tag, rel) => {
        const media = attr(tag, 'media');
        // A stylesheet for another medium (the media="print" trick of lazy CSS) doesn't block rendering.
        if (rel === 'stylesheet') return !media || media === 'all' || media === 'screen';
        return rel === 'preload' && attr(tag, 'as') === 'font';
      }),
    ],
    script: files(
      (tag, rel) => rel === 'modulepreload' || (tag.startsWith('<script') && attr(tag, 'type') === 'module'),
    ).filter((f) => f.endsWith('.js')),
  };
}

const pageData = (page: string) => {
  const json = new RegExp(`<script type="application/json" id="${PAGE_IDS.data}">(.*?)</script>`, 's').exec(
    readFileSync(page, 'utf8'),
  )?.[1];
  return JSON.parse(json ?? 'null') as { basemap: string };
};

describe('the bytes before the first paint', () => {
  const sizes = (files: string[]) =>
    Object.fromEntries(files.map((f) => [relative(out, f), [sent(f, 'br'), sent(f, 'gz')]]));
  const total = (files: string[], encoding: 'br' | 'gz') => files.reduce((sum, f) => sum + sent(f, encoding), 0);

  it('stay within budget for the home page: the page with its style inside, no script or font', () => {
    const { paint } = criticalPath(join(out, 'index.html'));
    for (const file of paint) expect(existsSync(file), relative(out, file)).toBe(true);
    console.log('first paint (brotli, gzip bytes):', sizes(paint), 'total', total(paint, 'br'), total(paint, 'gz'));
    // The style is in the page (inline-css.ts): the first paint waits for the page alone.
    expect(paint.map((f) => relative(out, f))).toEqual(['index.html']);
    const style = [...readFileSync(paint[0] ?? '', 'utf8').matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]);
    expect(style.join('')).toMatch(/font-family:["']Source Sans 3 fallback/);
    // No font: the text is set at once in a fallback matched to Source Sans (app.css), which
    // arrives in time or not at all, so it never holds the first paint back.
    expect(
      paint.filter((f) => f.endsWith('.woff2')),
      'preloaded fonts',
    ).toEqual([]);
    expect(total(paint, 'br')).toBeLessThanOrEqual(BUDGET.firstPaintBrotli);
  });

  it('keeps the script that makes the page interactive within budget', () => {
    const { script } = criticalPath(join(out, 'index.html'));
    for (const file of script) expect(existsSync(file), relative(out, file)).toBe(true);
    console.log('script (brotli, gzip bytes):', sizes(script), 'total', total(script, 'br'));
    expect(script.length).toBeGreaterThan(0);
    expect(total(script, 'br')).toBeLessThanOrEqual(BUDGET.scriptBrotli);
  });

  it('keeps the opening map each screen preloads within budget: the largest paint', () => {
    // The page preloads its opening step's static map at the size each screen shows (a preload
    // with a media query per size); that picture is the page's largest paint (issue 9's traces).
    const tags = readFileSync(join(out, 'index.html'), 'utf8').match(/<link\b[^>]*>/g) ?? [];
    const maps = tags
      .filter((tag) => /\srel="preload"/.test(tag) && /\sas="image"/.test(tag))
      .map((tag) => resolve(out, /\shref="([^"]+)"/.exec(tag)?.[1] ?? ''));
    expect(maps.length).toBeGreaterThan(1);
    console.log('opening maps (brotli, gzip bytes):', sizes(maps));
    for (const map of maps) expect(sent(map, 'br'), relative(out, map)).toBeLessThanOrEqual(BUDGET.openingMapBrotli);
  });

  it('keeps the start basemap within budget', () => {
    const basemap = resolve(out, pageData(join(out, 'index.html')).basemap);
    expect(existsSync(basemap), basemap).toBe(true);
    console.log('start basemap (brotli bytes):', relative(out, basemap), sent(basemap, 'br'));
    expect(sent(basemap, 'br')).toBeLessThanOrEqual(BUDGET.basemapBrotli);
  });
});

describe('the precompressed copies', () => {
  const text = () => walk(out).filter((f) => TEXT_EXTENSIONS.has(extname(f)));

  it('exist for every text file worth compressing, and decompress to the original', () => {
    const large = text().filter((f) => readFileSync(f).length >= MIN_BYTES);
    expect(large.length).toBeGreaterThan(5);
    for (const file of large) {
      const original = readFileSync(file);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), `${file}.br`).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), `${file}.gz`).toBe(true);
    }
  });

  it('are smaller than a server compressing on the fly would make them', () => {
    // Servers compress per request at brotli 4–6 and gzip 6; done once, the build can afford the maximum.
    const js = text().find((f) => f.endsWith('.js') && readFileSync(f).length > 50_000) ?? '';
    const quick = brotliCompressSync(readFileSync(js), { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
    expect(readFileSync(`${js}.br`).length).toBeLessThan(quick.length);
    expect(readFileSync(`${js}.gz`).length).toBeLessThanOrEqual(gzipSync(readFileSync(js)).length);
  });

  it('are not made for tiny files or binary formats', () => {
    const copies = walk(out).filter((f) => /\.(br|gz)$/.test(f));
    for (const copy of copies) {
      const original = copy.replace(/\.(br|gz)$/, '');
      expect(TEXT_EXTENSIONS.has(extname(original)), copy).toBe(true);
      expect(readFileSync(original).length).toBeGreaterThanOrEqual(MIN_BYTES);
    }
  });

  it('are made by the site build: vite.config.ts registers the plugin', async () => {
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(ROOT, 'vite.config.ts'));
    const names = (loaded?.config.plugins ?? [])
      .flat()
      .map((p) => (p && typeof p === 'object' && 'name' in p ? p.name : ''));
    expect(names).toContain('storymap:compress');
  });
});
