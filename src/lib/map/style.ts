/**
 * The map style: bundled basemap, bundled label font, and empty sources for places and routes
 * that the controller fills. No tile server, no glyph server, no token.
 */
import type { StyleSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { DETAIL_ZOOM, REGION_ZOOM } from '../geo/tiers.ts';
import { contextLayers, contextSources, tierSource, BELOW_FINE, CONTEXT_FONT } from './contextLayers.ts';
import { chevronMask } from '../geo/arrow.ts';
import { MAP_LIGHT as COLORS, HIGHLIGHT_OPACITY, MARKS } from '../style/palette.ts';

/** The map's colours, light and dark, kept in the one palette (lib/style/palette.ts) with the page's. */
export { MAP_LIGHT as COLORS, MAP_DARK as DARK_COLORS, HIGHLIGHT_OPACITY } from '../style/palette.ts';

/** Any layer type's paint property name (distributed over the union of layer types). */
type PaintOf<L> = L extends { paint?: infer P } ? keyof NonNullable<P> : never;
type PaintProperty = PaintOf<LayerSpecification>;

/** Paint properties that carry the theme's colours, by layer id prefix. */
export function themePaint(colors: typeof COLORS): [prefix: string, property: PaintProperty, value: string][] {
  return [
    ['water', 'background-color', colors.water],
    ['land-', 'fill-color', colors.land],
    ['borders-', 'line-color', colors.border],
    ['highlight-', 'fill-color', colors.highlight],
    ['outline-', 'line-color', colors.highlight],
    ['routes', 'line-color', colors.route],
    ['city-dots', 'circle-color', colors.label],
    ['context-towns', 'text-color', colors.context],
    ['context-towns', 'text-halo-color', colors.land],
  ];
}

/** The routes' line width in px; the arrowhead's strokes match it. */
const ROUTE_WIDTH = MARKS.routeWidth;
/** Image id of a route's open arrowhead, into a country-only place (geo/routeEnds.ts). */
export const ROUTE_ARROW = 'route-arrow';
/** Drawn at twice the size it is shown, so it stays sharp on a high-density screen. */
const ARROW_RATIO = 2;

/** The arrowhead picture in a colour, for `map.addImage` (MapLibre premultiplies it itself). */
export function arrowImage(color: string) {
  // The shape is the same in every theme: worked out once, on the map's start.
  arrowMask ??= chevronMask(ROUTE_WIDTH, ARROW_RATIO);
  const { width, height, alpha } = arrowMask;
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < alpha.length; i++) {
    data[i * 4] = r;
    data[i * 4 + 1] = g;
    data[i * 4 + 2] = b;
    data[i * 4 + 3] = Math.round((alpha[i] ?? 0) * 255);
  }
  return { image: { width, height, data }, options: { pixelRatio: ARROW_RATIO } };
}
let arrowMask: ReturnType<typeof chevronMask> | undefined;

/**
 * Which tiles carry a tier. The world and medium tiers share one source, and each of its tiles
 * carries one of them, by the tile's own zoom (a filter's `zoom` is the tile's, a whole number).
 * The layers' zoom ranges, which are the camera's, cannot do this: MapLibre shows the tiles of the
 * zoom before until the new ones are cut, and those carried only the tier the camera had just
 * left, hidden at the new zoom. The land vanished for one to five frames whenever a flight crossed
 * REGION_ZOOM (screencast of the Haiti fixture, 1440×900, 6 December).
 */
const tier = (detail: number): ExpressionSpecification => {
  const own: ExpressionSpecification = ['==', ['get', 'detail'], detail];
  if (detail === 0) return ['all', own, ['<', ['zoom'], REGION_ZOOM]];
  if (detail === 1) return ['all', own, ['>=', ['zoom'], REGION_ZOOM]];
  return own;
};
/**
 * [tier, minzoom]: from which zoom of the camera each tier's layers are drawn. The world and
 * medium tiers are laid out in their source's tiles of every zoom (`tier` picks which tile has
 * which), and they stand in for the fine tier, fetched apart once a step comes close, until it has
 * come: a first flight in to a close-up shows land all the way, not an empty sea while the fine
 * tier is on its way. contextLayers.ts `loadFineTier` then hides them from the fine tier's zoom on
 * (`BELOW_FINE`); a map that opens on a close-up has the fine tier from the start (`StyleData`).
 */
const TIERS: [number, number][] = [
  [0, 0],
  [1, 0],
  [2, DETAIL_ZOOM],
];
const land = (filter: ExpressionSpecification): ExpressionSpecification => [
  'all',
  filter,
  ['==', ['get', 'kind'], 'land'],
];
const border = (filter: ExpressionSpecification): ExpressionSpecification => [
  'all',
  filter,
  ['==', ['get', 'kind'], 'border'],
];

/** Filter for the land of the given countries (ISO numeric codes) in one tier of the basemap. */
export function highlight(detail: number, iso: readonly string[]): ExpressionSpecification {
  return ['all', land(tier(detail)), ['in', ['get', 'iso'], ['literal', [...iso]]]];
}

/**
 * The feature state that marks a country's land as the step's (controller.ts `highlight`). The
 * highlight layers hold every country the story ever highlights, and a step only switches their
 * state: changing a layer's filter at each step made MapLibre's worker cut and lay out every tile
 * of the basemap again; a state is a colour change on the main thread. Holding only the story's
 * countries, not all land, keeps what each frame draws as small as a filter per step did.
 */
export const HIGHLIGHTED = 'highlighted';
/** `shown` where the step highlights the country, else 0 (its land is in the layer all the same). */
const whereHighlighted = (shown: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', HIGHLIGHTED], false],
  shown,
  0,
];

/** The basemap's sources, whose land is keyed by country (`iso`) for the highlight's state. */
export const BASEMAP_SOURCES = [...new Set(TIERS.map(([detail]) => tierSource(detail)))];

export interface StyleData {
  /** The regular weight for context labels (contextFonts.ts), the only text the map draws. */
  contextFonts?: { url: string; 'unicode-range'?: string[] }[];
  /** Every country any step highlights (ISO numeric codes), each off until a step's state turns it on. */
  countries?: readonly string[];
  /** The story's places, which never change: in the style, so the map's first tiles have them. */
  places?: FeatureCollection<Point>;
  /**
   * The fine tier's address, when the map opens on a close-up: it loads with the rest, and the
   * coarse tiers stop at its zoom from the start, as `loadFineTier` has them do once it has come
   * on a map that comes close only later.
   */
  fineUrl?: string;
}

export function mapStyle(basemapUrl: string, data: StyleData = {}): StyleSpecification {
  const { contextFonts = [], countries = [], places, fineUrl } = data;
  const none = { type: 'FeatureCollection' as const, features: [] };
  // The coarse tiers stop at the fine one's zoom once it is in: from the start when it is in
  // the style, else once `loadFineTier` has it.
  const coarseOpacity = (detail: number, property: 'fill-layer-opacity' | 'line-layer-opacity') =>
    detail < 2 && fineUrl !== undefined ? { [property]: BELOW_FINE } : {};
  return {
    version: 8,
    'font-faces': { [CONTEXT_FONT]: contextFonts },
    sources: {
      basemap: { type: 'geojson', data: basemapUrl, promoteId: 'iso' },
      places: { type: 'geojson', data: places ?? none },
      routes: { type: 'geojson', data: none },
      ...contextSources(fineUrl),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      ...TIERS.map(([detail, minzoom]) => ({
        id: `land-${detail}`,
        type: 'fill' as const,
        source: tierSource(detail),
        minzoom,
        filter: land(tier(detail)),
        paint: { 'fill-color': COLORS.land, ...coarseOpacity(detail, 'fill-layer-opacity') },
      })),
      ...TIERS.map(([detail, minzoom]) => ({
        id: `borders-${detail}`,
        type: 'line' as const,
        source: tierSource(detail),
        minzoom,
        filter: border(tier(detail)),
        paint: {
          'line-color': COLORS.border,
          'line-width': MARKS.borderWidth,
          ...coarseOpacity(detail, 'line-layer-opacity'),
        },
      })),
      // Country-level places of the step, drawn as the country's own shape (filled by `highlight`).
      ...TIERS.flatMap(([detail, minzoom]) => [
        {
          id: `highlight-${detail}`,
          type: 'fill' as const,
          source: tierSource(detail),
          minzoom,
          filter: highlight(detail, countries),
          paint: {
            'fill-color': COLORS.highlight,
            'fill-opacity': whereHighlighted(HIGHLIGHT_OPACITY),
            ...coarseOpacity(detail, 'fill-layer-opacity'),
          },
        },
        {
          id: `outline-${detail}`,
          type: 'line' as const,
          source: tierSource(detail),
          minzoom,
          filter: highlight(detail, countries),
          paint: {
            'line-opacity': whereHighlighted(1),
            'line-color': COLORS.highlight,
            'line-width': MARKS.outlineWidth,
            'line-dasharray': MARKS.outlineDash,
            ...coarseOpacity(detail, 'line-layer-opacity'),
          },
        },
      ]),
      // Neighbouring towns, under the routes and markers (contextLayers.ts).
      ...contextLayers(COLORS.context, COLORS.land),
      {
        id: 'routes',
        type: 'line',
        source: 'routes',
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': COLORS.route,
          'line-width': ROUTE_WIDTH,
          'line-dasharray': ['case', ['get', 'planned'], ['literal', MARKS.plannedDash], ['literal', [1, 0]]],
        },
      },
      {
        // A picture, not a line: it keeps its size in px at every zoom, as the static maps draw it.
        // Turned with the map, so it points along the route under any bearing or pitch.
        id: 'route-arrows',
        type: 'symbol',
        source: 'routes',
        filter: ['==', ['geometry-type'], 'Point'],
        layout: {
          'icon-image': ROUTE_ARROW,
          'icon-rotate': ['get', 'angle'],
          'icon-rotation-alignment': 'map',
          'icon-pitch-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      {
        // Where a city really is, when its marker has been pushed aside by a neighbour's. Places are
        // named by the markers' own labels (map/markers.ts), not by a symbol layer here.
        id: 'city-dots',
        type: 'circle',
        source: 'places',
        filter: ['!=', ['get', 'precision'], 'country'],
        paint: { 'circle-radius': MARKS.cityDotRadius, 'circle-color': COLORS.label },
      },
    ],
  };
}
