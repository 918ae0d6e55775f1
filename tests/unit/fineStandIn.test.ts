/**
 * Until the fine basemap tier has loaded, the world and medium tiers draw at every zoom (style.ts),
 * and `loadFineTier` (contextLayers.ts) stops the layers it names at the fine tier's zoom
 * afterwards. The names are written in two files: if they drift apart, a coarser coast would stay
 * under the fine one at every close-up.
 */
import { describe, expect, it } from 'vitest';
import { mapStyle } from '../../src/lib/map/style.ts';
import { COARSE_LAYERS, FINE_SOURCE } from '../../src/lib/map/contextLayers.ts';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { DETAIL_ZOOM, REGION_ZOOM } from '../../src/lib/geo/tiers.ts';

describe('the coarse tiers standing in for the fine one', () => {
  const layers = mapStyle('https://example.test/basemap.json').layers;

  it('names every layer of the world and medium tiers, and only those', () => {
    const coarse = layers.filter((l) => 'source' in l && l.source === 'basemap' && /-[01]$/.test(l.id));
    expect(coarse.map((l) => l.id).sort()).toEqual([...COARSE_LAYERS].sort());
  });

  it('draws them past where the fine tier starts', () => {
    for (const id of COARSE_LAYERS) {
      const layer = layers.find((l) => l.id === id);
      expect(layer?.minzoom ?? 0, id).toBe(0);
      expect(layer?.maxzoom ?? 24, id).toBeGreaterThan(DETAIL_ZOOM);
    }
  });

  it('keeps them to their own zooms from the start on a map that opens close, with the fine tier in its style', () => {
    const fine = 'https://example.test/basemap.fine.json';
    const style = mapStyle('https://example.test/basemap.json', { fineUrl: fine });
    for (const id of COARSE_LAYERS) {
      const layer = style.layers.find((l) => l.id === id);
      expect([layer?.minzoom ?? 0, layer?.maxzoom], id).toEqual([0, DETAIL_ZOOM]);
    }
    expect(style.sources[FINE_SOURCE]).toMatchObject({ type: 'geojson', data: fine });
    // Without it the fine source starts empty, to be filled once a step comes close.
    const later = mapStyle('https://example.test/basemap.json').sources[FINE_SOURCE];
    expect(later).toMatchObject({ data: { type: 'FeatureCollection', features: [] } });
  });
});

describe('the world and medium tiers, which share a source', () => {
  const layers = mapStyle('https://example.test/basemap.json').layers;
  const accepts = (id: string, zoom: number, detail: number) => {
    const layer = layers.find((l) => l.id === id);
    if (!layer || !('filter' in layer)) throw new Error(`no filter on ${id}`);
    const feature = { type: 3 as const, properties: { detail, kind: 'land', iso: '332' } };
    return featureFilter(layer.filter, 'filter').filter({ zoom }, feature);
  };

  // MapLibre shows the tiles of the zoom before until the new ones are cut: each must draw the
  // tier it carries at the camera's new zoom, or the land vanishes meanwhile.
  it('carry one tier per tile, by the tile’s zoom, and draw it at every zoom of the camera', () => {
    for (let zoom = 0; zoom <= 12; zoom++) {
      const world = zoom < REGION_ZOOM;
      expect([accepts('land-0', zoom, 0), accepts('land-1', zoom, 1)], `tile zoom ${zoom}`).toEqual([world, !world]);
      // No tile carries the other tier's features in either layer.
      expect([accepts('land-0', zoom, 1), accepts('land-1', zoom, 0)], `tile zoom ${zoom}`).toEqual([false, false]);
    }
    for (const id of ['land-0', 'land-1']) {
      const layer = layers.find((l) => l.id === id);
      expect([layer?.minzoom ?? 0, layer?.maxzoom ?? 24], id).toEqual([0, 24]);
    }
  });
});
