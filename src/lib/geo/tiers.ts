/**
 * The basemap's tiers as the page needs them: at which zooms it swaps detail (and shows the
 * locator inset), and where its fine part is. Apart from basemap.ts (which builds the tiers with
 * topojson and turf) so that the page's first script, which only needs these, does not carry that
 * build code.
 */

/** Zooms at which the map swaps world (1:110m) for regional (1:50m), then fine (1:10m) countries. */
export const REGION_ZOOM = 3;
export const DETAIL_ZOOM = 5.5;

/** Where the fine part is served: beside the basemap, so its address needs no page data of its own. */
export function fineUrl(basemapUrl: string): string {
  return basemapUrl.replace(/\.json$/, '.fine.json');
}

/** From this zoom on the map is regional or closer, and the reader may not know where it is. */
export const LOCATOR_ZOOM = 4;

/** The locator inset (locator.ts) shows at this zoom. */
export const showLocator = (zoom: number) => zoom >= LOCATOR_ZOOM;
