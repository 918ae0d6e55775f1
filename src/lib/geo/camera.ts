/**
 * Camera targets for a step, in the same Web Mercator terms as MapLibre (512 px tiles), so the
 * page and the tests agree on where the camera must settle without asking the map.
 */
import type { BBox, Camera, LngLat } from '../story/model.ts';

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

const TILE = 512;

const mercatorX = (lng: number) => (lng + 180) / 360;
const mercatorY = (lat: number) => {
  const phi = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
};
const inverseY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The camera that shows `bbox` inside the padded viewport, no closer than `maxZoom`. */
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
  const zoom = Math.min(maxZoom, Math.log2(Math.min(scaleX, scaleY)));
  const center: LngLat = [((x0 + x1) / 2) * 360 - 180, inverseY((y0 + y1) / 2)];
  return { center, zoom, bearing: 0, pitch: 0 };
}

export function cameraTarget(camera: Camera, viewport: Viewport, padding: Padding): CameraTarget {
  if (camera.kind === 'view')
    return { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
  return fitBBox(camera.bbox, viewport, padding, camera.maxZoom);
}

/**
 * The part of the map the step text does not cover. On a wide screen the text column sits on the
 * left of the page, beside the map; on a phone the step card covers the lower part of the map.
 */
export function framePadding(viewport: Viewport, overlayTop: number): Padding {
  const edge = Math.round(Math.min(viewport.width, viewport.height) * 0.08) + 16;
  if (viewport.width >= 900) return { top: overlayTop + edge, right: edge, bottom: edge, left: edge };
  return { top: overlayTop + edge, right: edge, bottom: Math.round(viewport.height * 0.42), left: edge };
}
