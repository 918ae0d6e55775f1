/**
 * The build's list of the code a page loads only later (src/build/lazy-code.ts): the chunks its
 * entry imports dynamically, and theirs, but nothing the page already loads; addressed from the
 * page's own folder; inert until the page uses it.
 */
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { lazyChunks, withLazyCode } from '../../src/build/lazy-code.ts';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';

/** A bundle of chunks, each with its static and dynamic imports. */
function bundle(chunks: Record<string, { imports?: string[]; dynamic?: string[] }>): Rollup.OutputBundle {
  const out: Record<string, unknown> = {};
  for (const [fileName, { imports = [], dynamic = [] }] of Object.entries(chunks))
    out[fileName] = { type: 'chunk', fileName, imports, dynamicImports: dynamic, code: '' };
  return out as unknown as Rollup.OutputBundle;
}

const site = bundle({
  'assets/main.js': { imports: ['assets/shared.js'], dynamic: ['assets/map.js'] },
  'assets/shared.js': {},
  'assets/map.js': { imports: ['assets/shared.js', 'assets/maplibre.js'], dynamic: ['assets/helper.js'] },
  'assets/maplibre.js': {},
  'assets/helper.js': {},
});

describe('lazyChunks', () => {
  it('lists what the entry loads later, with what that imports, but not what the entry loads itself', () => {
    // The helper is a lazy chunk's own lazy chunk: not the page's to fetch ahead.
    expect(lazyChunks(['assets/main.js'], site)).toEqual(['assets/map.js', 'assets/maplibre.js']);
  });

  it('lists nothing for a page whose code loads nothing later', () => {
    expect(lazyChunks(['assets/shared.js'], site)).toEqual([]);
  });
});

describe('withLazyCode', () => {
  const page = '<html><head><script type="module" crossorigin src="../../assets/main.js"></script></head></html>';

  it('lists the lazy chunks in a template, addressed from the page’s folder', () => {
    const html = withLazyCode(page, 'haiti/embed/index.html', site);
    expect(html).toContain(
      `<template id="${PAGE_IDS.lazyCode}"><link rel="prefetch" href="../../assets/map.js" />` +
        '<link rel="prefetch" href="../../assets/maplibre.js" /></template>',
    );
    // Inside the template, where the parser fetches nothing; the page's head closes after it.
    expect(html.indexOf('</template>')).toBeLessThan(html.indexOf('</head>'));
  });

  it('leaves a page without lazy code, or without a script of this site, as it is', () => {
    const list = '<html><head><script type="module" src="./assets/shared.js"></script></head></html>';
    expect(withLazyCode(list, 'index.html', site)).toBe(list);
    const foreign = '<html><head><script type="module" src="https://example.org/main.js"></script></head></html>';
    expect(withLazyCode(foreign, 'index.html', site)).toBe(foreign);
  });
});
