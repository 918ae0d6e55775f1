/**
 * Where a step's static map goes on the live map's box so that, until the live map replaces it, it
 * shows the step at the camera the live map will settle on: every place at the pixel where the
 * live map will draw it. The static map is drawn at build time for one size (staticSize.ts) with
 * room around it (OVERSCAN); the page knows the box and what covers it only once it runs. Both
 * are flat Web Mercator, so one scale and one shift carry the drawing onto the live camera.
 * Pure: cameras and sizes in, a CSS transform's numbers out.
 */
import type { Camera, LngLat } from '../story/model.ts';
import { nearestLng } from './bbox.ts';
import { cameraTarget, mercatorX, mercatorY, TILE, type Padding, type Viewport } from './camera.ts';
import { framePadding } from './freeArea.ts';
import { stepFrame, type MapCovers } from './stepFrame.ts';

/**
 * Share of the static map's width and height drawn beyond each of its edges: a static map shown
 * on a box of another shape, or closer in, still reaches the box's edges.
 */
export const OVERSCAN = 0.5;

/** The `<view>` of a static map's SVG that shows all it draws, margins included. */
export const STILL_VIEW = 'all';
/**
 * The same, without the step's routes: what the live map shows before the reader's scroll has
 * grown them (story/view.ts `routeGrowth`), so that a route is not drawn whole, then taken back.
 */
export const STILL_VIEW_UNROUTED = 'all-but-routes';

/** The view that matches the live map's routes: whole, or not yet grown whole. */
export function stillView(growth: number): string {
  return growth >= 1 ? STILL_VIEW : STILL_VIEW_UNROUTED;
}

/** The margins drawn beyond each side of a static map of this size, in px. */
export function stillMargin(size: Viewport, overscan = OVERSCAN): [number, number] {
  return [Math.round(size.width * overscan), Math.round(size.height * overscan)];
}

/** The size of a static map's whole drawing, margins included. */
export function stillDrawing(size: Viewport, overscan = OVERSCAN): Viewport {
  const [mx, my] = stillMargin(size, overscan);
  return { width: size.width + 2 * mx, height: size.height + 2 * my };
}

/**
 * Where the static map sits before the page has measured its box (and without JavaScript): its
 * drawing fitted to the box, then enlarged about the centre so that the frame, not the whole
 * drawing, is what fits; the margins fill what the frame leaves of a box of another shape.
 */
export const STILL_AT_REST = `translate(${-OVERSCAN * 100}%, ${-OVERSCAN * 100}%) scale(${1 + 2 * OVERSCAN})`;

/** A camera in pixels: `center` is drawn at `anchor` (px from the top left), at `zoom`. */
export interface PixelCamera {
  center: LngLat;
  zoom: number;
  anchor: [number, number];
}

/** A camera with this padding, as MapLibre draws it: its centre in the middle of the padded frame. */
function padded(camera: Camera, viewport: Viewport, padding: Padding): PixelCamera {
  const { center, zoom } = cameraTarget(camera, viewport, padding);
  const x = padding.left + (viewport.width - padding.left - padding.right) / 2;
  const y = padding.top + (viewport.height - padding.top - padding.bottom) / 2;
  return { center, zoom, anchor: [x, y] };
}

/**
 * The camera a static map of this size is drawn at: nothing lies over it, but `covered` px at its
 * bottom (the preview's title band), which the places are framed above.
 */
export function staticCamera(camera: Camera, size: Viewport, covered = 0): PixelCamera {
  const frame = framePadding(size);
  return padded(camera, size, { ...frame, bottom: frame.bottom + covered });
}

/** The camera of a static map's whole drawing: as `staticCamera`, its anchor moved by the margin. */
export function stillCamera(camera: Camera, size: Viewport, overscan = OVERSCAN): PixelCamera {
  const drawn = staticCamera(camera, size);
  const [mx, my] = stillMargin(size, overscan);
  return { ...drawn, anchor: [drawn.anchor[0] + mx, drawn.anchor[1] + my] };
}

/** The camera the live map settles on for a step, on a box of this size under these covers. */
export function liveCamera(camera: Camera, box: Viewport, covers: MapCovers): PixelCamera {
  return padded(camera, box, stepFrame(camera, box, covers).padding);
}

/** The static map's drawing, in its own pixels, as the box shows it: `box = scale × drawn + shift`. */
export interface Placement {
  scale: number;
  x: number;
  y: number;
}

/**
 * The placement that draws `drawn` (the static map's camera, its anchor in the drawing's pixels)
 * as `shown` (the live camera, its anchor in the box's pixels). Across 180° the drawing's centre
 * is taken on the world copy nearest the live one, as MapLibre draws the copy nearest its camera.
 */
export function placement(drawn: PixelCamera, shown: PixelCamera): Placement {
  const scale = 2 ** (shown.zoom - drawn.zoom);
  const world = TILE * 2 ** shown.zoom;
  const dx = (mercatorX(nearestLng(drawn.center[0], shown.center[0])) - mercatorX(shown.center[0])) * world;
  const dy = (mercatorY(drawn.center[1]) - mercatorY(shown.center[1])) * world;
  return {
    scale,
    x: shown.anchor[0] + dx - scale * drawn.anchor[0],
    y: shown.anchor[1] + dy - scale * drawn.anchor[1],
  };
}

/**
 * The CSS transform (origin at the top left) for an `<img>` that fills `box` with `object-fit:
 * contain` and shows a drawing of `drawing` px: it moves the drawing from where `contain` puts it
 * to `place`. A transform, not a new size and position, so moving it never counts as a layout shift.
 */
export function stillTransform(place: Placement, drawing: Viewport, box: Viewport): string {
  const fit = Math.min(box.width / drawing.width, box.height / drawing.height);
  const [ox, oy] = [(box.width - fit * drawing.width) / 2, (box.height - fit * drawing.height) / 2];
  const k = place.scale / fit;
  const round = (n: number) => Math.round(n * 100) / 100;
  return `translate(${round(place.x - k * ox)}px, ${round(place.y - k * oy)}px) scale(${round(k * 1e4) / 1e4})`;
}
