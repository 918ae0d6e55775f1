/**
 * Cuts the text fonts of each story's pages down to the characters those pages can show. A phone
 * on a slow network fetches both weights as the page first lays out its text, beside the opening
 * map and the script: 31 kB of its first 100 kB. Lighthouse's mobile LCP was 1.31–1.34 s without
 * them against 1.45–1.49 s with them (6 December, 4 runs each), and a subset is little more than
 * half the bytes (Source Sans 3's latin file: 15.7 kB; the Haiti story's cut: 9.3 kB).
 *
 * A page can show its own text (prerendered), what its script renders from the story's data (an
 * event's detail, the table), and the kit's words in the page's language with the numbers and
 * dates they take. So a subset keeps printable ASCII, the spaces and marks those words and numbers
 * add, the characters of every page of the story and its language's messages and month names. A
 * character missing all the same (none is expected) is drawn by the next font in the stack, the
 * metric-matched fallback of app.css, not left blank.
 *
 * The story's page and its embed page share one file. It also holds the names in the story's
 * basemap (the towns of its close-ups), because the live map draws them with the page's regular
 * file (map/contextFonts.ts) rather than fetch the whole font again. The list of stories keeps the
 * whole fonts. Each subset is named by its content's hash, so a build writes the same site twice.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin, Rollup } from 'vite';
import { fineUrl } from '../lib/geo/tiers.ts';
import { MONTHS } from '../lib/i18n/format.ts';
import { CATALOGUE, uiLang } from '../lib/i18n/messages.ts';
import { PAGE_IDS } from '../lib/page-ids.ts';
import { ABSOLUTE, text } from './inline-css.ts';
import { keptBytes, lockfile, pruneOldest } from './kit-cache.ts';

type OutputAsset = Rollup.OutputAsset;

/**
 * Always kept: printable ASCII (digits, punctuation, every English word), then the no-break spaces
 * of French text and numbers, quotes, dashes, the ellipsis, the bullet and the arrows.
 */
const ALWAYS =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '\u00a0\u202f\u2009‘’“”«»–—…•·×←→↑↓';

/** Printable ASCII (in ALWAYS), tabs and line breaks (controls, never kept). */
const COMMON = /[\t\n\r\x20-\x7e]+/g;

const DATA = new RegExp(`<script type="application/json" id="${PAGE_IDS.data}">([^<]*)</script>`);
const LANG = /<html\b[^>]*\blang="([^"]+)"/;
/** The text fonts' faces in a page's inlined style: their `url()`s, for woff2 files. */
const FACE = /@font-face\s*{[^}]*}/g;
const WOFF2 = /url\(\s*(['"]?)([^'")]+\.woff2)\1\s*\)/g;

/** The characters of a page's source, with its character references and JSON escapes read. */
export function pageCharacters(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Every character the kit's own words can add in `lang`: its messages (their templates too) and
 * its month names.
 */
export function messageCharacters(tag: string | undefined): string {
  const lang = uiLang(tag);
  const words = Object.values(CATALOGUE[lang]).map((m) => String(m));
  return words.join('') + MONTHS[lang].join('');
}

/**
 * The characters a subset keeps for the pages `htmls` of one story and the files `data` its map
 * draws names from (its basemap's tiers): sorted, each once, no controls.
 */
export function subsetCharacters(htmls: string[], data: string[] = []): string {
  const all = new Set<string>(ALWAYS);
  // Most of a page is printable ASCII and line breaks, which ALWAYS holds and the subset drops:
  // taken out at once, they leave a few characters to add one by one. The long fixture story's
  // four pages and two tiers (1.8 MB) took 60–100 ms one by one, now 5–7 ms.
  const add = (text: string) => {
    for (const c of text.replace(COMMON, '')) all.add(c);
  };
  for (const html of htmls) {
    add(pageCharacters(html));
    add(messageCharacters(LANG.exec(html)?.[1]));
  }
  for (const file of data) add(pageCharacters(file));
  return [...all]
    .filter((c) => !/\p{Cc}/u.test(c))
    .sort()
    .join('');
}

/** The woff2 files (bundle names) that a page's `@font-face` rules load. */
export function pageFonts(html: string, page: string): string[] {
  const dir = posix.dirname(page);
  const files = new Set<string>();
  for (const face of html.match(FACE) ?? [])
    for (const [, , ref] of face.matchAll(WOFF2))
      if (ref && !ABSOLUTE.test(ref)) files.add(posix.normalize(posix.join(dir, ref)));
  return [...files].sort();
}

/** Where the subsets are kept, and how many at most: a few hundred stories', about 10 kB each. */
const KEPT = 'storymap-fonts';
const MAX_KEPT = 400;

/**
 * The WOFF2 subset of `font` to `chars`. Encoding it is about 0.1 s a file on this project's
 * machine, 0.4–0.6 s of a one-story build, and the same on every build where the story's text is
 * unchanged: so each is kept (kit-cache.ts), named by a hash of the font, the characters and the
 * lockfile (the versions of subset-font, HarfBuzz and the WOFF2 encoder).
 */
export function subsetOf(font: Uint8Array, chars: string): Promise<Uint8Array> {
  return keptBytes(KEPT, keptName(font, chars), () => subsetFont(Buffer.from(font), chars, { targetFormat: 'woff2' }));
}

/** The kept subset's file name, in KIT_CACHE's `storymap-fonts` folder. */
export const keptName = (font: Uint8Array, chars: string) =>
  `${createHash('sha256').update(lockfile()).update(font).update(chars).digest('hex')}.woff2`;

/** The build plugin: gives each story's pages subsets of their text fonts, after inline-css.ts. */
export function subsetFonts(): Plugin {
  return {
    name: 'storymap:subset-fonts',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        // A story's pages (its own, its embed, the front page if it is the home story), by slug,
        // with the names its map draws (the basemap's tiers: the towns of its close-ups).
        const stories = new Map<string, { pages: OutputAsset[]; tiers: Set<string> }>();
        for (const output of Object.values(bundle)) {
          if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
          const json = DATA.exec(text(output))?.[1];
          if (!json) continue;
          const data = JSON.parse(json) as { story: { slug: string }; basemap: string };
          const story = stories.get(data.story.slug) ?? { pages: [], tiers: new Set() };
          story.pages.push(output);
          const basemap = posix.normalize(posix.join(posix.dirname(output.fileName), data.basemap));
          for (const file of [basemap, fineUrl(basemap)]) {
            const tier = bundle[file];
            if (tier?.type === 'asset') story.tiers.add(text(tier));
          }
          stories.set(data.story.slug, story);
        }
        for (const { pages, tiers } of stories.values()) {
          const htmls = pages.map(text);
          const chars = subsetCharacters(htmls, [...tiers]);
          const renamed = new Map<string, string>();
          for (const file of new Set(pages.flatMap((p, i) => pageFonts(htmls[i] ?? '', p.fileName)))) {
            const font = bundle[file];
            if (font?.type !== 'asset' || typeof font.source === 'string') continue;
            const subset = await subsetOf(font.source, chars);
            const hash = createHash('sha256').update(subset).digest('base64url').slice(0, 10);
            const name = `${file.replace(/-[\w-]{8}\.woff2$/, '').replace(/\.woff2$/, '')}.${hash}.woff2`;
            if (!bundle[name]) this.emitFile({ type: 'asset', fileName: name, source: subset });
            renamed.set(file, name);
          }
          pages.forEach((page, i) => {
            const html = htmls[i] ?? '';
            const dir = posix.dirname(page.fileName);
            // Only inside the @font-face rules: nothing else in the page names the fonts.
            page.source = html.replace(FACE, (face) => {
              for (const [from, to] of renamed)
                face = face.split(posix.relative(dir, from)).join(posix.relative(dir, to));
              return face;
            });
          });
        }
        pruneOldest(KEPT, MAX_KEPT);
      },
    },
  };
}
