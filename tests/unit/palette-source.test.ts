/**
 * One visual source: every colour the story draws comes from lib/style/palette.ts. No colour
 * literal may appear anywhere else in src/, and the generated stylesheet (build/palette-css.ts)
 * must carry every palette entry for both themes, so the page's CSS cannot drift from the map.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paletteCss } from '../../src/build/palette-css.ts';
import {
  LOCATOR_DARK,
  LOCATOR_LIGHT,
  MAP_DARK,
  MARKS,
  MAP_LIGHT,
  PAGE_DARK,
  PAGE_LIGHT,
  PAGE_PRINT,
  cssProperties,
} from '../../src/lib/style/palette.ts';

const SRC = resolve(import.meta.dirname, '../../src');
const PALETTE = 'lib/style/palette.ts';
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(css|svelte|ts|js)$/.test(file))
  .map((file) => ({ file: relative(SRC, join(SRC, file)), text: readFileSync(join(SRC, file), 'utf8') }));

const COLOUR = /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(?:rgba?|hsla?)\([^)]*\)/gi;
/**
 * Allowed outside the palette: black at some opacity is a shadow or a scrim that darkens whatever
 * lies under it, in either theme, not a colour of the story's own.
 */
const ALLOWED = [/^rgb\(0 0 0 \/ [\d.]+%?\)$/];

describe('the palette', () => {
  it('is the only place in src/ with colour literals', () => {
    const found = sources
      .filter(({ file }) => file !== PALETTE)
      .flatMap(({ file, text }) =>
        text.split('\n').flatMap((line, i) =>
          [...line.matchAll(COLOUR)]
            .map((m) => m[0])
            .filter((colour) => !ALLOWED.some((ok) => ok.test(colour)))
            .map((colour) => `${file}:${i + 1}: ${colour}`),
        ),
      );
    expect(found, 'move these into src/lib/style/palette.ts').toEqual([]);
  });

  const css = paletteCss();
  const [light = '', rest = ''] = css.split('@media (prefers-color-scheme: dark)');
  const [dark = '', print = ''] = rest.split('@media print');

  it.each([
    { theme: 'light', block: light, properties: cssProperties(PAGE_LIGHT, MAP_LIGHT, LOCATOR_LIGHT) },
    { theme: 'dark', block: dark, properties: cssProperties(PAGE_DARK, MAP_DARK, LOCATOR_DARK) },
    { theme: 'print', block: print, properties: cssProperties(PAGE_PRINT) },
  ])('is in the generated CSS, every $theme entry', ({ block, properties }) => {
    expect(properties.length).toBeGreaterThan(0);
    for (const [name, value] of properties) expect(block).toContain(`${name}: ${value};`);
  });

  it('names every colour role the same in both themes', () => {
    const names = (p: [string, string][]) => p.map(([name]) => name).sort();
    expect(names(cssProperties(PAGE_DARK, MAP_DARK, LOCATOR_DARK))).toEqual(
      names(cssProperties(PAGE_LIGHT, MAP_LIGHT, LOCATOR_LIGHT)),
    );
  });

  it('defines every palette custom property that the styles read', () => {
    // A name misspelt in a stylesheet would silently fall back to nothing: catch it here.
    const generated = new Set([...css.matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
    const palette = /^--(?:paper|ink|rule|accent|link|focus|marker|map-|locator-)/;
    const read = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/var\((--[\w-]+)/g)].map((m) => ({ file, name: m[1] ?? '' })),
    );
    const missing = read.filter(({ name }) => palette.test(name) && !generated.has(name));
    expect(missing).toEqual([]);
  });
});

describe('the marks’ sizes come from the palette too', () => {
  it('gives the CSS the markers’ targets and dots, and app.css draws them from it', () => {
    const css = paletteCss();
    expect(css).toContain(`--marker-target: ${MARKS.markerTarget}px`);
    expect(css).toContain(`--marker-target-active: ${MARKS.activeMarkerTarget}px`);
    expect(css).toContain(`--marker-dot: ${MARKS.markerDiameter}px`);
    expect(css).toContain(`--marker-dot-active: ${MARKS.activeMarkerDiameter}px`);
    expect(css).toContain(`--marker-dot-scale: ${(MARKS.markerDiameter / MARKS.activeMarkerDiameter).toFixed(4)}`);
    const app = readFileSync(new URL('../../src/app.css', import.meta.url), 'utf8');
    const marker = app.slice(app.indexOf('.marker {'), app.indexOf('.marker__count'));
    // No pixel sizes written out for the marker and its dot: they follow the palette. (A border's
    // width is a line, not a size.)
    expect(marker).not.toMatch(/(?<![\w-])(?:width|height|inset):\s*\d+px/);
    expect(marker).toContain('scale: var(--marker-dot-scale)');
  });
});
