/**
 * The page's colour custom properties, generated from the palette (lib/style/palette.ts) rather
 * than copied into app.css by hand. main.ts imports the virtual module; the storyPages plugin
 * answers it, so Vite bundles it into the pages' stylesheet, which the prerendered, no-JS page
 * links too. A CSS file, not an inline style element: nothing to weaken the CSP for.
 */
import {
  LOCATOR_DARK,
  LOCATOR_LIGHT,
  MAP_DARK,
  MAP_LIGHT,
  MARKS,
  PAGE_DARK,
  PAGE_LIGHT,
  PAGE_PRINT,
  cssProperties,
} from '../lib/style/palette.ts';

/** What main.ts imports; ends in `.css` so Vite's CSS pipeline takes it. */
export const PALETTE_CSS = 'virtual:storymap-palette.css';
/** The resolved id: `\0` keeps other plugins off a module that is not on disk. */
export const RESOLVED_PALETTE_CSS = `\0${PALETTE_CSS}`;

const block = (selector: string, properties: [string, string][]) =>
  `${selector} {\n${properties.map(([name, value]) => `  ${name}: ${value};\n`).join('')}}\n`;

/** `:root` in the light theme, overridden for a dark screen and then for print (print wins). */
export function paletteCss(): string {
  const sizes: [string, string][] = [
    ['--map-route-width', `${MARKS.routeWidth}px`],
    ['--marker-target', `${MARKS.markerTarget}px`],
    ['--marker-target-active', `${MARKS.activeMarkerTarget}px`],
    ['--marker-dot', `${MARKS.markerDiameter}px`],
    ['--marker-dot-active', `${MARKS.activeMarkerDiameter}px`],
    // The inactive dot is the active one scaled down (app.css): a scale moves nothing in layout.
    ['--marker-dot-scale', String(Math.round((MARKS.markerDiameter / MARKS.activeMarkerDiameter) * 1e4) / 1e4)],
  ];
  return [
    '/* Generated from src/lib/style/palette.ts by src/build/palette-css.ts: edit the palette. */\n',
    block(':root', [...cssProperties(PAGE_LIGHT, MAP_LIGHT, LOCATOR_LIGHT), ...sizes]),
    `@media (prefers-color-scheme: dark) {\n${block(':root', cssProperties(PAGE_DARK, MAP_DARK, LOCATOR_DARK))}}\n`,
    `@media print {\n${block(':root', cssProperties(PAGE_PRINT))}}\n`,
  ].join('');
}
