/**
 * Images in a real `vite build` of tests/fixtures/images (a YAML and an ArchieML story, each with
 * a step's and an event's image, both the committed 1100×733 harbour.jpg): the page's <picture>
 * markup, the files it names in AVIF, WebP and JPEG at widths no larger than the original, the
 * cache that spares a rebuild the encoding, and the refusals the build shares with `npm run check`.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from './build-site.ts';

// Inside the project (tests/.tmp-…), never the system's temporary folder; removed afterwards.
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const FIXTURE = 'tests/fixtures/images';
const CACHE = resolve(ROOT, 'node_modules/.cache/storymap-images');
const built = buildSite(FIXTURE, { home: null }, join(temp, 'site'));

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
/** Each `url 480w` of a srcset, as [url, width]. */
const candidates = (srcset: string | undefined) =>
  (srcset ?? '').split(', ').map((c) => {
    const [url = '', w = ''] = c.split(' ');
    return [url, Number(w.replace(/w$/, ''))] as const;
  });

/** The <figure> of the image whose alt text is `alt`, in the page at `page`. */
function figure(html: string, alt: string): string {
  const found = [...html.matchAll(/<figure class="story-image[^"]*">.*?<\/figure>/gs)].find((m) =>
    m[0].includes(`alt="${alt}"`),
  );
  expect(found, `a figure with alt "${alt}"`).toBeDefined();
  return found?.[0] ?? '';
}

/** Checks a figure's markup and that every file it names exists at its stated width, in its format. */
async function checkFigure(out: string, pageDir: string, markup: string, credit: string) {
  const img = /<img[^>]*>/s.exec(markup)?.[0] ?? '';
  expect(attr(img, 'width')).toBe('1100');
  expect(attr(img, 'height')).toBe('733');
  expect(attr(img, 'loading')).toBe('lazy');
  expect(attr(img, 'decoding')).toBe('async');
  expect(attr(img, 'sizes')).toBeTruthy();
  expect(markup).toMatch(new RegExp(`<figcaption>.*Image: <bdi>${credit}</bdi>.*</figcaption>`, 's'));
  const sources = [...markup.matchAll(/<source[^>]*>/g)].map((m) => m[0]);
  expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp']);
  const sets = {
    avif: attr(sources[0] ?? '', 'srcset'),
    webp: attr(sources[1] ?? '', 'srcset'),
    jpeg: attr(img, 'srcset'),
  };
  for (const [format, srcset] of Object.entries(sets)) {
    const list = candidates(srcset);
    // 480 and 960, then the original's own 1100: never scaled up to 1440.
    expect(list.map(([, w]) => w)).toEqual([480, 960, 1100]);
    for (const [url, width] of list) {
      expect(url).toMatch(new RegExp(`assets/images/harbour-${width}-[0-9a-f]{10}\\.(avif|webp|jpg)$`));
      const file = resolve(out, pageDir, url);
      expect(existsSync(file), url).toBe(true);
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe(format === 'avif' ? 'heif' : format);
      expect([meta.width, meta.height]).toEqual([width, Math.round((width * 733) / 1100)]);
    }
  }
  expect(candidates(sets.jpeg).map(([url]) => url)).toContain(attr(img, 'src'));
}

describe('a story with images', () => {
  it('shows the step’s image in its card, with sizes, srcset, width, height, lazy loading, alt and credit', async () => {
    const out = await built;
    const html = readFileSync(join(out, 'harbour', 'index.html'), 'utf8');
    const card = /<article class="card[^"]*".*?<\/article>/s.exec(html)?.[0] ?? '';
    const step = figure(card, 'A quay under a pale sky, with a yellow sun');
    expect(step).toContain('<bdi>The quay, seen from the water.</bdi>');
    await checkFigure(out, 'harbour', step, 'Step Photographer / Wire');
  });

  it('shows the event’s image in the event table, for print and readers without JavaScript', async () => {
    const out = await built;
    const html = readFileSync(join(out, 'harbour', 'index.html'), 'utf8');
    const table = /<section class="events".*?<\/section>/s.exec(html)?.[0] ?? '';
    await checkFigure(
      out,
      'harbour',
      figure(table, 'Boats moored in the harbour at dawn'),
      'Event Photographer / Wire',
    );
  });

  it('gives the event’s image to the page’s script, for the event detail', async () => {
    const out = await built;
    const html = readFileSync(join(out, 'harbour', 'embed', 'index.html'), 'utf8');
    const json = /<script type="application\/json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? 'null';
    const data = JSON.parse(json) as { story: { events: { image?: { sizes: { files: { avif: string } }[] } }[] } };
    const first = data.story.events[0]?.image?.sizes[0]?.files.avif ?? '';
    // From the embed page, two folders below the site's root.
    expect(first).toMatch(/^\.\.\/\.\.\/assets\/images\/harbour-480-/);
    expect(existsSync(resolve(out, 'harbour', 'embed', first))).toBe(true);
  });

  it('builds the ArchieML story’s images the same way', async () => {
    const out = await built;
    const html = readFileSync(join(out, 'harbour-aml', 'index.html'), 'utf8');
    await checkFigure(
      out,
      'harbour-aml',
      figure(html, 'A quay under a pale sky, with a yellow sun'),
      'Step Photographer / Wire',
    );
  });

  it('keeps encoded files between builds, so a rebuild does not encode them again', async () => {
    const out = await built;
    const html = readFileSync(join(out, 'harbour', 'index.html'), 'utf8');
    const url = /srcset="([^" ]+\.avif) 480w/.exec(html)?.[1] ?? '';
    const cached = join(CACHE, url.split('/').pop() ?? '');
    const before = statSync(cached).mtimeMs;
    const again = await buildSite(FIXTURE, { home: null }, join(temp, 'again'));
    expect(statSync(cached).mtimeMs).toBe(before);
    expect(readFileSync(resolve(again, 'harbour', url))).toEqual(readFileSync(cached));
  });
});

describe('an image the build refuses', () => {
  /** A folder holding the fixture story with `src` changed, and `extra` files beside it. */
  function folder(name: string, src: string, extra: Record<string, Uint8Array | string> = {}) {
    const dir = join(temp, name);
    mkdirSync(dir);
    const story = readFileSync(resolve(ROOT, FIXTURE, 'harbour.yaml'), 'utf8').replace(
      'src: ./harbour.jpg',
      `src: ${src}`,
    );
    writeFileSync(join(dir, 'harbour.yaml'), story);
    copyFileSync(resolve(ROOT, FIXTURE, 'harbour.jpg'), join(dir, 'harbour.jpg'));
    for (const [file, bytes] of Object.entries(extra)) writeFileSync(join(dir, file), bytes);
    return dir;
  }
  it('stops the build at a missing file, naming the story’s line', async () => {
    const dir = folder('missing', 'gone.jpg');
    const at =
      readFileSync(join(dir, 'harbour.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('gone.jpg')) + 1;
    await expect(buildSite(dir, { home: null }, join(temp, 'missing-out'))).rejects.toThrow(
      `harbour.yaml:${at}:12 steps[0].image.src: no image file "gone.jpg" beside the story`,
    );
  });

  it('stops the build at an image cut short, which only decoding finds', async () => {
    const whole = readFileSync(resolve(ROOT, FIXTURE, 'harbour.jpg'));
    const dir = folder('cut', 'cut.jpg', { 'cut.jpg': whole.subarray(0, Math.floor(whole.length / 2)) });
    await expect(buildSite(dir, { home: null }, join(temp, 'cut-out'))).rejects.toThrow(
      /harbour\.yaml:\d+:12 steps\[0\]\.image\.src: the image cannot be decoded/,
    );
  });
});
