/**
 * The frame a step's camera is given on a map of this size: the part of the map nothing covers
 * (`free`) and MapLibre's padding around the places (`padding`). One function, so the live map
 * (map/controller.ts) and the dev camera helper (map/dev/) cannot frame a step differently.
 * Pure: the covers come measured (ui/measureCovers.ts), in map pixels.
 */
import type { Camera } from '../story/model.ts';
import { cameraTarget, type Padding, type Viewport } from './camera.ts';
import { framePadding, freeArea, type Rect } from './freeArea.ts';
import { showLocator } from './tiers.ts';

export interface StepFrame {
  padding: Padding;
  free: Rect;
}

/** What lies over the map: always, and only on close-ups (the locator inset). */
export interface MapCovers {
  always: readonly Rect[];
  close: readonly Rect[];
}

export function stepFrame(camera: Camera, viewport: Viewport, covers: MapCovers): StepFrame {
  let over = covers.always;
  // The locator inset shows on close-ups: keep those places clear of its corner too.
  if (covers.close.length && showLocator(cameraTarget(camera, viewport, framePadding(viewport, over)).zoom))
    over = [...over, ...covers.close];
  return { padding: framePadding(viewport, over), free: freeArea(viewport, over) };
}
