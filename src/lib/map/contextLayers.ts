/**
 * Context on the live map: the neighbouring towns the build chose (geo/gazetteer.ts), and the
 * fine (1:10m) tier of the basemap, which comes in its own source so it is fetched only once a
 * step comes close (loadFineTier). Towns are drawn as context, not as the story's places: small,
 * grey, regular weight, no dot, under the routes and the markers, and never where a story
 * place's label goes.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  GeoJSONSource,
  MapSourceDataEvent,
  SourceSpecification,
} from 'maplibre-gl';
import { DETAIL_ZOOM } from '../geo/tiers.ts';
import { TOWN_LABEL, TOWN_MIN_ZOOM } from '../geo/gazetteer.ts';

/** The source of the fine tier and the smaller towns; empty until loadFineTier fills it. */
export const FINE_SOURCE = 'basemap-fine';
/** Name of the regular-weight label font (its files: contextFonts.ts). */
export const CONTEXT_FONT = 'Story Sans Regular';

/** Which source holds a basemap tier: the fine one is loaded apart. */
export const tierSource = (detail: number) => (detail === 2 ? FINE_SOURCE : 'basemap');

/** The fine source: empty, or filled from `fineUrl` when the map opens on a close-up. */
export function contextSources(fineUrl?: string): Record<string, SourceSpecification> {
  // Keyed by country like the basemap source (style.ts `HIGHLIGHTED`).
  const data = fineUrl ?? { type: 'FeatureCollection' as const, features: [] };
  return { [FINE_SOURCE]: { type: 'geojson', data, promoteId: 'iso' } };
}

function towns(id: string, source: string, color: string, halo: string): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    minzoom: TOWN_MIN_ZOOM,
    // Filters see whole zooms only, which is why the build gives each town a whole `minzoom`.
    filter: ['all', ['==', ['get', 'kind'], 'town'], ['<=', ['get', 'minzoom'], ['zoom']]],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [CONTEXT_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], ...TOWN_LABEL.size.from, ...TOWN_LABEL.size.to],
      'text-max-width': TOWN_LABEL.maxWidth,
      'text-padding': TOWN_LABEL.padding,
      // Bigger towns win when two collide.
      'symbol-sort-key': ['-', 0, ['get', 'population']],
    },
    paint: { 'text-color': color, 'text-halo-color': halo, 'text-halo-width': TOWN_LABEL.halo },
  };
}

/**
 * Keeps towns off the story's places. Their names are HTML markers (markers.ts) that MapLibre's
 * collision cannot see, so each place's name is placed here too, invisibly, on either side of it
 * (where a marker's label may go): always placed, so no town label is placed over it.
 */
function keepClear(anchor: 'left' | 'right'): LayerSpecification {
  return {
    id: `context-clear-${anchor}`,
    type: 'symbol',
    source: 'places',
    minzoom: TOWN_MIN_ZOOM,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [CONTEXT_FONT],
      'text-size': TOWN_LABEL.placeName.size,
      'text-anchor': anchor,
      'text-offset': [anchor === 'left' ? -TOWN_LABEL.placeName.offset : TOWN_LABEL.placeName.offset, 0],
      'text-padding': TOWN_LABEL.placeName.padding,
      'text-allow-overlap': true,
    },
    paint: { 'text-opacity': 0 },
  };
}

/**
 * The context layers, to go above the land and below the routes. The invisible place names come
 * last: MapLibre places the top layer's symbols first, so theirs are placed before any town's.
 */
export function contextLayers(color: string, halo: string): LayerSpecification[] {
  return [
    towns('context-towns', 'basemap', color, halo),
    towns('context-towns-fine', FINE_SOURCE, color, halo),
    keepClear('left'),
    keepClear('right'),
  ];
}

/**
 * The layers of the world and medium tiers (style.ts), which share a source and stand in for the
 * fine tier until it has loaded.
 */
export const COARSE_LAYERS = [0, 1].flatMap((detail) =>
  ['land', 'borders', 'highlight', 'outline'].map((kind) => `${kind}-${detail}`),
);

/**
 * The coarse tiers' layer opacity once the fine tier is in: drawn below its zoom, not from it.
 * A layer's opacity, not its zoom range: MapLibre lays a layer out only in tiles of the zooms it
 * is drawn at, and while it cuts the tiles of a new zoom it draws those of the zoom before in
 * their place. Stopped at DETAIL_ZOOM by its range, the medium tier had no land in the tiles of
 * zoom 6, and a flight out of a close-up drew those, empty, for the tiles of zoom 5 it was
 * cutting: a frame of sea alone (screencast of the Haiti fixture, 768×1024, gangs → deployment,
 * 7 December). A layer opacity of 0 is drawn at no cost, and changing it lays nothing out again.
 */
export const BELOW_FINE: ExpressionSpecification = ['step', ['zoom'], 1, DETAIL_ZOOM, 0];

/** A camera this close draws the fine tier: fetch it a little before, while the camera flies. */
export const needsFine = (zoom: number) => zoom + 0.5 >= DETAIL_ZOOM;

/**
 * Fills the fine source from `url` the first time it is needed: when asked (a step's target zoom
 * needs it, so it loads during the flight) or when the map itself comes that close. Once; never
 * if the style already had it (`loaded`: the map opened on a close-up, style.ts `fineUrl`).
 */
export function loadFineTier(map: MapLibreMap, url: string, loaded = false): { need: () => void } {
  if (loaded) return { need: () => undefined };
  let done = false;
  const need = () => {
    if (done) return;
    const source = map.getSource<GeoJSONSource>(FINE_SOURCE);
    // Asked before the style has loaded (a deep link to a close-up): as soon as it has.
    if (!source) return void map.once('load', need);
    done = true;
    map.off('zoom', onZoom);
    source
      .setData(url)
      .then(() => {
        // Its tiles are cut from the new data a frame or more later, and carry its land only from
        // its own zoom on (a tile of zoom 4 holds the source's towns, not its land). The coarse
        // tiers, which stood in for it (style.ts), stop at its zoom (`BELOW_FINE`) once the camera
        // is that close and no tile of it the view needs is missing. Stopped as soon as a tile of
        // zoom 4 was in, they left the first flight in to a close-up with no land for up to 16
        // frames past DETAIL_ZOOM (screencast of the Haiti fixture at 1440×900, 6 December).
        const stopCoarse = () => {
          if (map.getZoom() < DETAIL_ZOOM || !map.isSourceLoaded(FINE_SOURCE)) return;
          map.off('sourcedata', onData);
          map.off('idle', stopCoarse);
          for (const id of COARSE_LAYERS) {
            const type = map.getLayer(id)?.type;
            if (type === 'fill' || type === 'line') map.setPaintProperty(id, `${type}-layer-opacity`, BELOW_FINE);
          }
        };
        const onData = (e: MapSourceDataEvent) => {
          if (e.sourceId === FINE_SOURCE && e.tile) stopCoarse();
        };
        map.on('sourcedata', onData);
        // A camera that came close before the tiles it needs were all in, and stays there.
        map.on('idle', stopCoarse);
      })
      // A fine tier that fails to load is reported by the map's own error event (MapView.svelte).
      .catch(() => undefined);
  };
  const onZoom = () => needsFine(map.getZoom()) && need();
  map.on('zoom', onZoom);
  return { need };
}
