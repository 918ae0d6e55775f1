/**
 * Until the fine basemap tier has loaded, the medium tier draws at every zoom past its own start
 * (style.ts), and `loadFineTier` (contextLayers.ts) narrows the layers it names afterwards. The
 * names are written in two files: if they drift apart, the medium tier's coarser coast would stay
 * under the fine one at every close-up.
 */
import { describe, expect, it } from 'vitest';
import { mapStyle } from '../../src/lib/map/style.ts';
import { FINE_SOURCE, MEDIUM_LAYERS } from '../../src/lib/map/contextLayers.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from '../../src/lib/geo/tiers.ts';

describe('the medium tier standing in for the fine one', () => {
  const layers = mapStyle('https://example.test/basemap.json').layers;

  it('names every layer of the medium tier, and only those', () => {
    const medium = layers.filter((l) => 'source' in l && l.source === 'basemap' && l.id.endsWith('-1'));
    expect(medium.map((l) => l.id).sort()).toEqual([...MEDIUM_LAYERS].sort());
  });

  it('draws them from the regional zoom on, past where the fine tier starts', () => {
    for (const id of MEDIUM_LAYERS) {
      const layer = layers.find((l) => l.id === id);
      expect(layer?.minzoom, id).toBe(REGION_ZOOM);
      expect(layer?.maxzoom ?? 24, id).toBeGreaterThan(DETAIL_ZOOM);
    }
  });

  it('keeps them to their own zooms from the start on a map that opens close, with the fine tier in its style', () => {
    const fine = 'https://example.test/basemap.fine.json';
    const style = mapStyle('https://example.test/basemap.json', { fineUrl: fine });
    for (const id of MEDIUM_LAYERS) {
      const layer = style.layers.find((l) => l.id === id);
      expect([layer?.minzoom, layer?.maxzoom], id).toEqual([REGION_ZOOM, DETAIL_ZOOM]);
    }
    expect(style.sources[FINE_SOURCE]).toMatchObject({ type: 'geojson', data: fine });
    // Without it the fine source starts empty, to be filled once a step comes close.
    const later = mapStyle('https://example.test/basemap.json').sources[FINE_SOURCE];
    expect(later).toMatchObject({ data: { type: 'FeatureCollection', features: [] } });
  });
});
