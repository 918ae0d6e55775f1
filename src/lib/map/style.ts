/**
 * The map style: bundled basemap, bundled label font, and empty sources for places and routes
 * that the controller fills. No tile server, no glyph server, no token.
 */
import type { StyleSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { DETAIL_ZOOM, REGION_ZOOM } from '../geo/basemap.ts';

export const COLORS = {
  water: '#dfe8ee',
  land: '#f7f5f0',
  border: '#a9a39a',
  highlight: '#c2410c',
  route: '#9a3412',
  label: '#2b2b2b',
};

/** The same roles for a reader who prefers a dark page. */
export const DARK_COLORS: typeof COLORS = {
  water: '#1b2730',
  land: '#2b2e33',
  border: '#5d636b',
  highlight: '#f0884a',
  route: '#f59e62',
  label: '#ececec',
};

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
  ];
}

const FONT = 'Story Sans';
const tier = (detail: number): ExpressionSpecification => ['==', ['get', 'detail'], detail];
/** [tier, minzoom, maxzoom]: each zoom range draws exactly one tier of the basemap. */
const TIERS: [number, number, number][] = [
  [0, 0, REGION_ZOOM],
  [1, REGION_ZOOM, DETAIL_ZOOM],
  [2, DETAIL_ZOOM, 24],
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

/** Ids of the layers that `highlight` filters, per tier. */
export const HIGHLIGHT_LAYERS = TIERS.flatMap(([detail]) => [
  [`highlight-${detail}`, detail],
  [`outline-${detail}`, detail],
]) as [string, number][];

export function mapStyle(basemapUrl: string, fontUrl: string): StyleSpecification {
  const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
  return {
    version: 8,
    'font-faces': { [FONT]: [{ url: fontUrl }] },
    sources: { basemap: { type: 'geojson', data: basemapUrl }, places: empty, routes: empty },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      ...TIERS.map(([detail, minzoom, maxzoom]) => ({
        id: `land-${detail}`,
        type: 'fill' as const,
        source: 'basemap',
        minzoom,
        maxzoom,
        filter: land(tier(detail)),
        paint: { 'fill-color': COLORS.land },
      })),
      ...TIERS.map(([detail, minzoom, maxzoom]) => ({
        id: `borders-${detail}`,
        type: 'line' as const,
        source: 'basemap',
        minzoom,
        maxzoom,
        filter: border(tier(detail)),
        paint: { 'line-color': COLORS.border, 'line-width': 0.8 },
      })),
      // Country-level places of the step, drawn as the country's own shape (filled by `highlight`).
      ...TIERS.flatMap(([detail, minzoom, maxzoom]) => [
        {
          id: `highlight-${detail}`,
          type: 'fill' as const,
          source: 'basemap',
          minzoom,
          maxzoom,
          filter: highlight(detail, []),
          paint: { 'fill-color': COLORS.highlight, 'fill-opacity': 0.16 },
        },
        {
          id: `outline-${detail}`,
          type: 'line' as const,
          source: 'basemap',
          minzoom,
          maxzoom,
          filter: highlight(detail, []),
          paint: { 'line-color': COLORS.highlight, 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
        },
      ]),
      {
        id: 'routes',
        type: 'line',
        source: 'routes',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': COLORS.route,
          'line-width': 3,
          'line-dasharray': ['case', ['get', 'planned'], ['literal', [1.5, 1.5]], ['literal', [1, 0]]],
        },
      },
      {
        // Where a city really is, when its marker has been pushed aside by a neighbour's. Places are
        // named by the markers' own labels (map/markers.ts), not by a symbol layer here.
        id: 'city-dots',
        type: 'circle',
        source: 'places',
        filter: ['!=', ['get', 'precision'], 'country'],
        paint: { 'circle-radius': 3, 'circle-color': COLORS.label },
      },
    ],
  };
}
