/**
 * Camera targets for a step, in the same Web Mercator terms as MapLibre (512 px tiles), so the
 * page and the tests agree on where the camera must settle without asking the map.
 */
import type { BBox, Camera, LngLat } from '../story/model.ts';
import { nearestLng, wrapLng } from './bbox.ts';

export interface Viewport {
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface CameraTarget {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** MapLibre's tile size: the world is TILE × 2^zoom px wide. */
export const TILE = 512;
/** MapLibre's default minimum zoom: a fit can ask for no less. */
export const MIN_ZOOM = -2;

export const mercatorX = (lng: number) => (lng + 180) / 360;
export const mercatorY = (lat: number) => {
  const phi = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
};
/** The latitude at Mercator y (0 at the top of the world, 1 at the bottom): `mercatorY`'s inverse. */
export const inverseY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The camera that shows `bbox` inside the padded viewport, no closer than `maxZoom`. A box across
 * 180° has `east` past 180 (see bbox.ts); Mercator x is linear in longitude, so the same sums hold
 * and only the centre is wrapped back into -180..180.
 */
export function fitBBox(bbox: BBox, viewport: Viewport, padding: Padding, maxZoom: number): CameraTarget {
  const [west, south, east, north] = bbox;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const width = Math.max(1, viewport.width - padding.left - padding.right);
  const height = Math.max(1, viewport.height - padding.top - padding.bottom);
  const scaleX = x1 > x0 ? width / ((x1 - x0) * TILE) : Infinity;
  const scaleY = y1 > y0 ? height / ((y1 - y0) * TILE) : Infinity;
  const zoom = Math.max(MIN_ZOOM, Math.min(maxZoom, Math.log2(Math.min(scaleX, scaleY))));
  const center: LngLat = [wrapLng(((x0 + x1) / 2) * 360 - 180), inverseY((y0 + y1) / 2)];
  return { center, zoom, bearing: 0, pitch: 0 };
}

/**
 * Where MapLibre actually lets the camera settle: the padded frame never shows beyond the top or
 * bottom of the Mercator world (±85.05°), so a low zoom on a tall screen is moved south or north,
 * or zoomed in until the world fills the frame's height (its `defaultConstrain`, with the default
 * latitude range and world copies on). Without this, page, tests and static maps would aim at a
 * camera the map refuses.
 */
export function constrain(target: CameraTarget, viewport: Viewport, padding: Padding): CameraTarget {
  const height = Math.max(1, viewport.height - padding.top - padding.bottom);
  const world = TILE * 2 ** target.zoom;
  if (world < height) {
    return { ...target, center: [target.center[0], 0], zoom: target.zoom + Math.log2(height / world) };
  }
  const y = mercatorY(target.center[1]) * world;
  const half = height / 2;
  const clamped = Math.min(world - half, Math.max(half, y));
  if (clamped === y) return target;
  return { ...target, center: [target.center[0], inverseY(clamped / world)] };
}

/** Pixels kept between a step's marked places and the edge of its frame, for their markers. */
export const SUBJECT_ROOM = 24;

/**
 * The closest zoom at which every point is inside the padded frame around `center`: a camera set
 * by centre and zoom gives way on a small screen rather than hide what the step shows. (Bearing
 * and pitch are left out of the sums: they turn or tilt the frame, a near enough approximation.)
 */
export function zoomToShow(center: LngLat, points: readonly LngLat[], viewport: Viewport, padding: Padding): number {
  // Room for the marker itself, and for nearby markers being moved apart (markers.ts).
  const room = SUBJECT_ROOM;
  const halfWidth = Math.max(1, (viewport.width - padding.left - padding.right) / 2 - room);
  const halfHeight = Math.max(1, (viewport.height - padding.top - padding.bottom) / 2 - room);
  let zoom = Infinity;
  for (const [lng, lat] of points) {
    const dx = Math.abs(mercatorX(nearestLng(lng, center[0])) - mercatorX(center[0])) * TILE;
    const dy = Math.abs(mercatorY(lat) - mercatorY(center[1])) * TILE;
    if (dx > 0) zoom = Math.min(zoom, Math.log2(halfWidth / dx));
    if (dy > 0) zoom = Math.min(zoom, Math.log2(halfHeight / dy));
  }
  return zoom;
}

export function cameraTarget(camera: Camera, viewport: Viewport, padding: Padding): CameraTarget {
  const target =
    camera.kind === 'view'
      ? {
          center: camera.center,
          zoom: Math.max(
            MIN_ZOOM,
            Math.min(camera.zoom, zoomToShow(camera.center, camera.subject ?? [], viewport, padding)),
          ),
          bearing: camera.bearing,
          pitch: camera.pitch,
        }
      : fitBBox(camera.bbox, viewport, padding, camera.maxZoom);
  return constrain(target, viewport, padding);
}
