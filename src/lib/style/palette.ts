/**
 * The one source of the story's colours and mark sizes, light and dark. The live map's style
 * (map/style.ts), the static SVG maps (geo/staticLayers.ts), the social preview (build/preview.ts)
 * and the page's CSS custom properties (build/palette-css.ts, generated at build time) all read
 * these, so a colour changed here changes everywhere and cannot drift between copies.
 */

/** `#rrggbb` at `percent` opacity, as CSS `rgb()` (for soft fills drawn from a solid colour). */
export function translucent(hex: string, percent: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r} ${g} ${b} / ${percent}%)`;
}

/** The map's roles: drawn by MapLibre, and by the static maps in the light theme. */
export const MAP_LIGHT = {
  water: '#dfe8ee',
  land: '#f7f5f0',
  border: '#a9a39a',
  highlight: '#c2410c',
  route: '#9a3412',
  /** The ring of the step's country-only marker (app.css `--active-marker`, set by the controller). */
  activeMarker: '#b3400b',
  label: '#2b2b2b',
  /** Neighbouring towns' names (contextLayers.ts): background, not the story's places. */
  context: '#77726b',
};

/** The same roles for a reader who prefers a dark page. */
export const MAP_DARK: typeof MAP_LIGHT = {
  // Land well lighter than the sea (tests/unit/palette.test.ts): near-equal greys read as one.
  water: '#0d151c',
  land: '#393c42',
  border: '#6b7179',
  highlight: '#f0884a',
  route: '#f59e62',
  // Lighter than the country's orange tint and its outline, so the step's marker is not lost in them.
  activeMarker: '#ffb27a',
  label: '#ececec',
  context: '#9a9ea4',
};

/** Opacity of the step's countries' tint over the land (live and static maps alike). */
export const HIGHLIGHT_OPACITY = 0.16;

const ACCENT = '#b3400b';
const DARK_ACCENT = '#f0884a';

/** The page's roles: text, rules, links and the markers (HTML buttons on the live map). AA contrast. */
export const PAGE_LIGHT = {
  paper: '#ffffff',
  ink: '#1f1f1f',
  inkSoft: '#555555',
  rule: '#d6d3cc',
  accent: ACCENT,
  accentSoft: translucent(ACCENT, 18),
  link: '#8a3008',
  focus: '#1d4ed8',
  /** A marker not in the step: #767676 is the lightest grey at 4.5:1 on white. */
  marker: '#767676',
};

export const PAGE_DARK: typeof PAGE_LIGHT = {
  paper: '#16181b',
  ink: '#ececec',
  inkSoft: '#b4b4b4',
  rule: '#3c4046',
  accent: DARK_ACCENT,
  accentSoft: translucent(DARK_ACCENT, 22),
  link: '#f6a774',
  focus: '#8ab4ff',
  marker: '#9a9a9a',
};

/** Paper is paper: print in black on white whatever the screen's theme. */
export const PAGE_PRINT: Partial<typeof PAGE_LIGHT> = {
  paper: '#ffffff',
  ink: '#000000',
  inkSoft: '#333333',
};

/**
 * The locator inset's own roles (map/Locator.svelte); its sea, frame and rim are the map's water,
 * highlight and border. Its land is darker than the map's: on a globe that small it must read.
 */
export const LOCATOR_LIGHT = { land: '#cfc9bf', graticule: '#c9d5de' };
export const LOCATOR_DARK: typeof LOCATOR_LIGHT = { land: '#4a4e55', graticule: '#2c3a45' };

/** Sizes of the marks in px, shared by the live map and the static maps. */
/**
 * Black, for a shadow at some opacity: the same in either theme. The page writes it as
 * `rgb(0 0 0 / n%)`, which resvg (the previews) does not read, so the static maps use this.
 */
export const SHADOW = '#000000';

export const MARKS = {
  /** The routes' line width; the arrowhead's strokes match it. */
  routeWidth: 3,
  /** A planned route's dashes, in line widths (MapLibre's unit; `svgDash` turns them into px). */
  plannedDash: [1.5, 1.5],
  borderWidth: 0.8,
  /** The dashed outline of the step's countries. */
  outlineWidth: 1.5,
  outlineDash: [2, 1.5],
  /** Where a city really is, under a marker pushed aside. */
  cityDotRadius: 3,
  /** A marker's button (a 24 px target, WCAG 2.2) and the step's larger one (app.css `.marker`). */
  markerTarget: 24,
  activeMarkerTarget: 28,
  /** The dots drawn inside them (app.css `.marker::before`), and on the static maps. */
  markerDiameter: 16,
  activeMarkerDiameter: 24,
};

/** A dash pattern in line widths as SVG's `stroke-dasharray`, in px. */
export function svgDash(dash: readonly number[], width: number): string {
  return dash.map((d) => String(Math.round(d * width * 100) / 100)).join(' ');
}

/** One theme's colours, as CSS custom properties are named: `inkSoft` → `--ink-soft`, map ones `--map-…`. */
export function cssProperties(
  page: Partial<typeof PAGE_LIGHT>,
  map?: typeof MAP_LIGHT,
  locator?: typeof LOCATOR_LIGHT,
) {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return [
    ...Object.entries(page).map(([k, v]) => [`--${kebab(k)}`, v]),
    ...Object.entries(map ?? {}).map(([k, v]) => [`--map-${kebab(k)}`, v]),
    ...Object.entries(locator ?? {}).map(([k, v]) => [`--locator-${kebab(k)}`, v]),
  ] as [name: string, value: string][];
}
