/**
 * Names, in each built page, the code the page loads only later (the live map's chunk, most of it
 * MapLibre), as links inside an inert `<template>`. Nothing in a template is fetched: the page
 * itself decides when the files are worth fetching ahead of use (map/prefetch.ts), and only the
 * build knows their hashed names.
 */
import { posix } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { PAGE_IDS } from '../lib/page-ids.ts';
import { ABSOLUTE, text } from './inline-css.ts';

type OutputBundle = Rollup.OutputBundle;

const ENTRY = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;

/** A chunk and every chunk it imports statically, by file name. */
function closure(file: string, bundle: OutputBundle, into = new Set<string>()): Set<string> {
  const chunk = bundle[file];
  if (chunk?.type !== 'chunk' || into.has(file)) return into;
  into.add(file);
  for (const imported of chunk.imports) closure(imported, bundle, into);
  return into;
}

/**
 * The chunks that `entries` import only dynamically (with the chunks those import), leaving out
 * any an entry already loads. Sorted, so that a build writes the same page twice.
 */
export function lazyChunks(entries: string[], bundle: OutputBundle): string[] {
  const eager = new Set<string>();
  for (const entry of entries) closure(entry, bundle, eager);
  const lazy = new Set<string>();
  for (const file of eager) {
    const chunk = bundle[file];
    if (chunk?.type !== 'chunk') continue;
    for (const dynamic of chunk.dynamicImports)
      for (const needed of closure(dynamic, bundle)) if (!eager.has(needed)) lazy.add(needed);
  }
  return [...lazy].sort();
}

/** The page (`page`, a file of the bundle) with its lazy chunks listed before `</head>`. */
export function withLazyCode(html: string, page: string, bundle: OutputBundle): string {
  const dir = posix.dirname(page);
  const entries = [...html.matchAll(ENTRY)]
    .map((m) => m[1] ?? '')
    .filter((src) => !ABSOLUTE.test(src))
    .map((src) => posix.normalize(posix.join(dir, src)));
  const lazy = lazyChunks(entries, bundle);
  if (lazy.length === 0) return html;
  const links = lazy.map((file) => `<link rel="prefetch" href="${posix.relative(dir, file)}" />`).join('');
  return html.replace('</head>', () => `<template id="${PAGE_IDS.lazyCode}">${links}</template>\n</head>`);
}

/** The build plugin: lists each page's lazy code once Vite has written the page's scripts. */
export function lazyCode(): Plugin {
  return {
    name: 'storymap:lazy-code',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
          output.source = withLazyCode(text(output), output.fileName, bundle);
        }
      },
    },
  };
}
