/**
 * `npm run dev`'s camera helper: the map's camera as a step's `camera:` line, ready to paste into
 * a story. Pure, so the rounding and the antimeridian are tested in node (tests/unit/cameraHelper).
 */
import type { BBox, LngLat, Place } from '../../story/model.ts';
import type { CameraTarget } from '../../geo/camera.ts';
import { wrapLng } from '../../geo/bbox.ts';

/** A fit's `maxZoom` when the story leaves it out (story/compile.ts). */
export const FIT_MAX_ZOOM = 9;

/** Rounded to `digits` decimals, with no "-0". */
const round = (n: number, digits: number) => Number(n.toFixed(digits)) + 0;

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/**
 * The camera as the story's schema takes it (story/schema.ts), to a sensible precision: 4 decimals
 * of a degree (about 10 m) for the centre, 2 for the zoom, whole degrees for bearing and pitch,
 * and these two left out when 0. Values are kept in the schema's ranges (MapLibre's zoom goes
 * below 0, its latitudes past 85°), so what the helper copies always passes `npm run check`.
 */
export function roundCamera(camera: CameraTarget): CameraTarget {
  const bearing = round(wrapLng(camera.bearing), 0);
  return {
    center: [round(wrapLng(camera.center[0]), 4), round(clamp(camera.center[1], -85, 85), 4)],
    zoom: round(clamp(camera.zoom, 0, 22), 2),
    bearing: bearing === -180 ? 180 : bearing,
    pitch: round(clamp(camera.pitch, 0, 60), 0),
  };
}

/** `camera: { center: [lng, lat], zoom: z }`, with bearing and pitch when they are not 0. */
export function centerYaml(camera: CameraTarget): string {
  const c = roundCamera(camera);
  const parts = [`center: [${c.center[0]}, ${c.center[1]}]`, `zoom: ${c.zoom}`];
  if (c.bearing !== 0) parts.push(`bearing: ${c.bearing}`);
  if (c.pitch !== 0) parts.push(`pitch: ${c.pitch}`);
  return `camera: { ${parts.join(', ')} }`;
}

/**
 * Whether `[lng, lat]` is inside bounds `[west, south, east, north]` as MapLibre gives them: across
 * 180° `east` runs past 180 (or `west` below -180), and a box written with `east < west` goes
 * the short way round through 180°.
 */
export function inBounds([lng, lat]: LngLat, [west, south, east, north]: BBox): boolean {
  if (lat < south || lat > north) return false;
  const e = east < west ? east + 360 : east;
  if (e - west >= 360) return true;
  // The copy of the longitude at or just east of `west`.
  const x = lng + 360 * Math.ceil((west - lng) / 360);
  return x <= e;
}

/** The ids of the story's places inside `bounds`, in story order. */
export function placesInBounds(places: readonly Place[], bounds: BBox): string[] {
  return places.filter((p) => inBounds(p.coordinates, bounds)).map((p) => p.id);
}

/** An id as YAML reads it back: quoted if it would read as a number, a boolean or null. */
function yamlId(id: string): string {
  const plain = /^[a-z][a-z0-9-]*$/.test(id) && !/^(true|false|null|yes|no|on|off|y|n)$/.test(id);
  return plain ? id : `'${id}'`;
}

/**
 * `camera: { fit: [ids] }` for the places in view, or undefined when none is. Closer in than a
 * fit's default `maxZoom`, the zoom becomes its `maxZoom`, so a fit of one or two places comes as
 * close as the author went.
 */
export function fitYaml(ids: readonly string[], zoom: number): string | undefined {
  if (!ids.length) return undefined;
  const max = round(clamp(zoom, 0, 22), 2);
  const maxZoom = max > FIT_MAX_ZOOM ? `, maxZoom: ${max}` : '';
  return `camera: { fit: [${ids.map(yamlId).join(', ')}]${maxZoom} }`;
}
