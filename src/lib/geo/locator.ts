/**
 * The locator inset's maths: a small globe turned to face the map's frame, with the frame drawn
 * on it as a box, or as a ring where the box would be too small to see. Pure (d3-geo only), so
 * Locator.svelte only draws what this returns.
 */
import { geoOrthographic, geoPath, geoGraticule10, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import type { BBox } from '../story/model.ts';
import { wrapLng } from './bbox.ts';

/** From this zoom on the map is regional or closer, and the reader may not know where it is. */
export const LOCATOR_ZOOM = 4;
/** A box smaller than this many pixels on the globe is drawn as a ring around its centre. */
const SMALLEST_BOX = 6;

export const showLocator = (zoom: number) => zoom >= LOCATOR_ZOOM;

/** The middle of a box; its edges may run past ±180°, as a map across the antimeridian gives them. */
export function boxCenter([w, s, e, n]: BBox): [number, number] {
  return [wrapLng((w + e) / 2), (s + n) / 2];
}

/**
 * The box as a polygon that follows its edges (parallels are not great circles), wound the way
 * d3 wants a small polygon: clockwise.
 */
export function boxPolygon([w, s, e, n]: BBox, steps = 8): Feature<Polygon> {
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) ring.push([w + ((e - w) * i) / steps, n]);
  for (let i = 0; i <= steps; i++) ring.push([e - ((e - w) * i) / steps, s]);
  ring.push([w, n]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export interface LocatorDrawing {
  /** The globe's outline (the sea), its graticule, and the land. */
  sphere: string;
  graticule: string;
  land: string;
  /** The frame as a box path, or as a ring at a point when it is too small to see. */
  frame: { box: string } | { ring: [number, number] };
}

/**
 * Draws the globe `size` pixels across, facing the frame `bounds` (tilted no more than 60°, so a
 * polar frame still shows its continent from the side and the box keeps a readable shape).
 */
export function drawLocator(bounds: BBox, land: GeoPermissibleObjects, size: number): LocatorDrawing {
  const [lng, lat] = boxCenter(bounds);
  const r = size / 2 - 1;
  const projection = geoOrthographic()
    .rotate([-lng, -Math.max(-60, Math.min(60, lat))])
    .scale(r)
    .translate([size / 2, size / 2])
    .clipAngle(90)
    .precision(0.5);
  const path = geoPath(projection);
  const round = (s: string | null) => (s ?? '').replace(/\d+\.\d+/g, (d) => String(Math.round(Number(d) * 10) / 10));
  const box = boxPolygon(bounds);
  const [[x0, y0], [x1, y1]] = path.bounds(box);
  const small = !(x1 - x0 >= SMALLEST_BOX || y1 - y0 >= SMALLEST_BOX) || !Number.isFinite(x0);
  const center = projection([lng, lat]) ?? [size / 2, size / 2];
  return {
    sphere: round(path({ type: 'Sphere' })),
    graticule: round(path(geoGraticule10())),
    land: round(path(land)),
    frame: small
      ? { ring: [Math.round(center[0] * 10) / 10, Math.round(center[1] * 10) / 10] }
      : { box: round(path(box)) },
  };
}
