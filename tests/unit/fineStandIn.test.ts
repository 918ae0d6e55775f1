/**
 * Which of the basemap's layers draw land in which tiles (style.ts). MapLibre draws the tiles of
 * the camera's zoom, and while it cuts them, loaded tiles of other zooms stand in for them: finer
 * ones when the camera zooms out, coarser ones when it zooms in. A tile with no land there shows
 * the sea for a frame or more. The checks follow MapLibre's rules: its worker lays a layer out in
 * a tile only if the tile's zoom is at least the layer's `minzoom` rounded down and below its
 * `maxzoom` (worker_tile.ts, `isHidden(zoom, true)`); the painter draws it only while the camera's
 * zoom is in that range (`isHidden(zoom)`) and its layer opacity is not 0 (draw_fill.ts).
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { mapStyle } from '../../src/lib/map/style.ts';
import { BELOW_FINE, COARSE_LAYERS, FINE_SOURCE } from '../../src/lib/map/contextLayers.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from '../../src/lib/geo/tiers.ts';

const BASEMAP = 'https://example.test/basemap.json';
const FINE = 'https://example.test/basemap.fine.json';
/** The tiers whose land each source holds, in its tiles of every zoom. */
const HOLDS: Record<string, number[]> = { basemap: [0, 1], [FINE_SOURCE]: [2] };

const laidOut = (layer: LayerSpecification, tile: number) =>
  !(layer.minzoom && tile < Math.floor(layer.minzoom)) && !(layer.maxzoom && tile >= layer.maxzoom);

function drawn(layer: LayerSpecification, camera: number): boolean {
  if ((layer.minzoom && camera < layer.minzoom) || (layer.maxzoom && camera >= layer.maxzoom)) return false;
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const property = `${layer.type}-layer-opacity`;
  const opacity = paint[property];
  if (opacity === undefined) return true;
  const expression = createExpression(opacity, `layers.${layer.id}.paint.${property}`);
  if (expression.result !== 'success') throw new Error(`${layer.id}: layer opacity is not an expression`);
  return expression.value.evaluate({ zoom: camera }) !== 0;
}

/** The tiers whose land a source's tiles of zoom `tile` draw, with the camera at `camera`. */
function tiersDrawn(layers: LayerSpecification[], source: string, tile: number, camera: number, holds = HOLDS) {
  const tiers = new Set<number>();
  for (const layer of layers) {
    if (layer.type !== 'fill' || !layer.id.startsWith('land-') || layer.source !== source || !layer.filter) continue;
    if (!laidOut(layer, tile) || !drawn(layer, camera)) continue;
    const filter = featureFilter(layer.filter, 'filter');
    for (const detail of holds[source] ?? []) {
      const feature = { type: 3 as const, properties: { detail, kind: 'land', iso: '332' } };
      if (filter.filter({ zoom: tile }, feature)) tiers.add(detail);
    }
  }
  return [...tiers].sort();
}

/** The tier the camera's zoom asks for. */
const asked = (camera: number) => (camera < REGION_ZOOM ? 0 : camera < DETAIL_ZOOM ? 1 : 2);

/**
 * Every tile MapLibre may draw at each camera zoom: its own and those standing in, up to three
 * zooms finer (TileManager.maxOverzooming) and ten coarser (maxUnderzooming).
 */
function* tilesAndCameras() {
  for (let camera = 0; camera <= 16; camera += 0.25)
    for (let tile = Math.max(0, Math.floor(camera) - 10); tile <= Math.floor(camera) + 3; tile++)
      yield { camera, tile };
}

describe('the basemap’s tiers, tile by tile', () => {
  it('draw land in every coarse tile below the fine tier’s zoom, and in every fine tile from it on', () => {
    const layers = mapStyle(BASEMAP, { fineUrl: FINE }).layers;
    for (const { camera, tile } of tilesAndCameras()) {
      const at = `tiles of zoom ${tile}, camera at ${camera}`;
      const coarse = tiersDrawn(layers, 'basemap', tile, camera);
      const fine = tiersDrawn(layers, FINE_SOURCE, tile, camera);
      // Zooming out of a close-up, the coarse tiles of zoom 6 stand in for those of zoom 5.
      if (camera < DETAIL_ZOOM) expect([coarse, fine], at).toEqual([[tile < REGION_ZOOM ? 0 : 1], []]);
      else {
        expect(coarse, at).toEqual([]);
        // The fine tier's tiles have its land from the zoom its layers start at, rounded down.
        if (tile >= Math.floor(DETAIL_ZOOM)) expect(fine, at).toEqual([2]);
      }
      // Whatever stands in, the camera's own tiles draw the tier its zoom asks for.
      if (tile === Math.floor(camera)) expect([...coarse, ...fine], at).toEqual([asked(camera)]);
    }
  });

  it('draw the medium tier at every zoom until the fine one has come, and stop it by layer opacity', () => {
    const layers = mapStyle(BASEMAP).layers;
    for (const { camera, tile } of tilesAndCameras())
      expect(tiersDrawn(layers, 'basemap', tile, camera), `tiles of zoom ${tile}, camera at ${camera}`).toEqual([
        tile < REGION_ZOOM ? 0 : 1,
      ]);
    // loadFineTier (contextLayers.ts) stops the layers it names by setting their layer opacity,
    // which lays nothing out again: they must be the coarse tiers' own, and only those.
    const coarse = layers.filter(
      (l) => 'source' in l && l.source === 'basemap' && /^(land|borders|highlight|outline)-/.test(l.id),
    );
    expect(coarse.map((l) => l.id).sort()).toEqual([...COARSE_LAYERS].sort());
    const close = mapStyle(BASEMAP, { fineUrl: FINE }).layers;
    for (const layer of coarse) {
      const opened = close.find((l) => l.id === layer.id);
      expect(opened?.paint, layer.id).toEqual({ ...layer.paint, [`${layer.type}-layer-opacity`]: BELOW_FINE });
    }
    expect(mapStyle(BASEMAP, { fineUrl: FINE }).sources[FINE_SOURCE]).toMatchObject({ type: 'geojson', data: FINE });
    // Without it the fine source starts empty, to be filled once a step comes close.
    expect(mapStyle(BASEMAP).sources[FINE_SOURCE]).toMatchObject({
      data: { type: 'FeatureCollection', features: [] },
    });
  });
});
