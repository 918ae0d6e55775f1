/**
 * The build's inlining of each page's style sheet (src/build/inline-css.ts): the fonts a sheet
 * names must still be found from the page that now carries it, at any folder depth, and nothing
 * in the sheet may end the page's <style> early.
 */
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { cssForPage, inlineSheets } from '../../src/build/inline-css.ts';

describe('cssForPage', () => {
  it('points a font beside the sheet at the same file from a page two folders up', () => {
    const css = '@font-face{src:url(./source-sans.woff2) format("woff2")}';
    expect(cssForPage(css, 'assets', 'haiti/embed')).toBe(
      '@font-face{src:url(../../assets/source-sans.woff2) format("woff2")}',
    );
  });

  it('keeps quotes, and points from a page at the root into the sheet’s folder', () => {
    expect(cssForPage(`a{background:url("img/x.png")} b{background:url('../y.svg')}`, 'assets/css', '.')).toBe(
      `a{background:url("./assets/css/img/x.png")} b{background:url('./assets/y.svg')}`,
    );
  });

  it('leaves absolute, rooted, data and fragment references as they are', () => {
    const css = [
      'url(https://example.org/f.woff2)',
      'url(/fonts/f.woff2)',
      'url(data:font/woff2;base64,AAAA)',
      'url(#clip)',
    ].join(' ');
    expect(cssForPage(css, 'assets', 'story/embed')).toBe(css);
  });

  it('cannot close the page’s <style> element early', () => {
    const out = cssForPage('a::after{content:"</style><script>alert(1)</script>"}', 'assets', '.');
    expect(out).not.toMatch(/<\/style/i);
    expect(out).toContain('<\\/style>');
  });
});

describe('inlineSheets', () => {
  const asset = (fileName: string, source: string) =>
    ({
      type: 'asset',
      fileName,
      source,
      name: undefined,
      names: [],
      originalFileNames: [],
      needsCodeReference: false,
    }) as unknown as Rollup.OutputAsset;
  const bundle = {
    'assets/main.css': asset('assets/main.css', 'body{font:1em x}@font-face{src:url(./f.woff2)}'),
  } as unknown as Rollup.OutputBundle;

  it('replaces the page’s own sheet with its rules, the fonts found from the page', () => {
    const html = '<head><link rel="stylesheet" crossorigin href="../../assets/main.css"></head>';
    const { html: out, used } = inlineSheets(html, 'haiti/embed/index.html', bundle);
    expect(out).toBe('<head><style>body{font:1em x}@font-face{src:url(../../assets/f.woff2)}</style></head>');
    expect(used).toEqual(['assets/main.css']);
  });

  it('leaves a sheet that is not in the build, or on another host, as a link', () => {
    const html =
      '<link rel="stylesheet" href="./assets/other.css"><link rel="stylesheet" href="https://cdn.example/x.css">';
    const { html: out, used } = inlineSheets(html, 'index.html', bundle);
    expect(out).toBe(html);
    expect(used).toEqual([]);
  });
});
