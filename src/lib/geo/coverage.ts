/**
 * Where the basemap's finer tiers must have land: every part of the world a step's camera can show
 * at the zoom that tier is drawn, on any of SCREENS (the reader cannot move the map, so the step
 * cameras are all it ever shows), and for the regional tier the places, which flights pass over.
 * Without this, a camera set by `center` and `zoom` away from the story's places (or a wide
 * screen at a regional zoom) would show empty ocean where countries are.
 */
import type { BBox, Story } from '../story/model.ts';
import { cameraTarget, type Viewport } from './camera.ts';
import { extremeFrames } from './freeArea.ts';
import { grow, normalizeBBox, unionBBox } from './bbox.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from './tiers.ts';

/** The screens a step is framed for: phones either way up, tablets, desktops, the static maps. */
export const SCREENS: Viewport[] = [
  { width: 300, height: 500 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1600 },
  { width: 600, height: 400 },
  { width: 1200, height: 630 },
];

const TILE = 512;
const x = (lng: number) => (lng + 180) / 360;
const lngOf = (mx: number) => mx * 360 - 180;
const y = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const latOf = (my: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;

/**
 * What a camera at `center` and `zoom` can show of the world on `screen`, with room to spare:
 * the padding that frames a step moves its centre at most 30% of the screen off the middle, so
 * 80% of the screen is counted on each side of it.
 */
export function visibleBox(center: [number, number], zoom: number, screen: Viewport, pitch = 0): BBox {
  const world = TILE * 2 ** zoom;
  // A tilted camera sees farther towards its horizon.
  const reach = 0.8 * (1 + pitch / 30);
  const dx = (screen.width / world) * reach;
  const dy = (screen.height / world) * reach;
  const cy = y(center[1]);
  return normalizeBBox([
    lngOf(x(center[0]) - dx),
    Math.max(-85, latOf(Math.min(1, cy + dy))),
    lngOf(x(center[0]) + dx),
    Math.min(85, latOf(Math.max(0, cy - dy))),
  ]);
}

const overlaps = (a: BBox, b: BBox) => {
  const joined = unionBBox([a, b]);
  return joined[2] - joined[0] <= a[2] - a[0] + (b[2] - b[0]) && a[1] <= b[3] && b[1] <= a[3];
};

/** Boxes that overlap are joined into one, so no land is drawn twice. */
export function mergeBoxes(boxes: readonly BBox[]): BBox[] {
  const out: BBox[] = [];
  for (const box of boxes) {
    let merged = box;
    for (let i = out.length - 1; i >= 0; i--) {
      const other = out[i] as BBox;
      if (!overlaps(merged, other)) continue;
      merged = unionBBox([merged, other]);
      out.splice(i, 1);
    }
    out.push(merged);
  }
  // A join can make a box reach one it skipped: repeat until nothing changes.
  return out.length === boxes.length ? out : mergeBoxes(out);
}

/** The boxes of the regional (1:50m) and detailed (1:10m) tiers for this story. */
export function coverage(story: Story): { region: BBox[]; details: BBox[] } {
  const region: BBox[] = [];
  const details: BBox[] = [];
  // Flights between steps pass over the places at regional zooms.
  if (story.places.length > 0) region.push(grow(unionBBox(story.places.map((p) => p.bbox)), 25));
  for (const step of story.steps)
    for (const screen of SCREENS)
    // The page frames a step in whatever its card, timeline and key leave free: from all of the
    // map to the least it allows. Between those the camera only moves closer or shifts a little:
    // the least zoom of the two sees the most, and a tier is needed if the greater reaches it.
    {
      const targets = extremeFrames(screen).map((padding) => cameraTarget(step.camera, screen, padding));
      const most = Math.max(...targets.map((t) => t.zoom));
      const least = Math.min(...targets.map((t) => t.zoom));
      for (const target of targets) {
        if (most + 0.5 >= REGION_ZOOM)
          region.push(visibleBox(target.center, Math.max(REGION_ZOOM, least), screen, target.pitch));
        if (most + 0.5 >= DETAIL_ZOOM)
          details.push(visibleBox(target.center, Math.max(DETAIL_ZOOM, least), screen, target.pitch));
      }
    }
  return { region: mergeBoxes(region), details: mergeBoxes(details) };
}
