/**
 * Where the basemap's finer tiers must have land: every part of the world a step's camera can show
 * at the zoom that tier is drawn, on any of SCREENS (the reader cannot move the map, so the step
 * cameras are all it ever shows), and for the regional tier the places, which flights pass over.
 * Without this, a camera set by `center` and `zoom` away from the story's places (or a wide
 * screen at a regional zoom) would show empty ocean where countries are.
 */
import type { BBox, Camera, Story } from '../story/model.ts';
import { cameraTarget, inverseY, mercatorX, mercatorY, TILE, type CameraTarget, type Viewport } from './camera.ts';
import { flightFrames } from './flight.ts';
import { extremeFrames } from './freeArea.ts';
import { grow, nearestLng, normalizeBBox, unionBBox } from './bbox.ts';
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

const lngOf = (mx: number) => mx * 360 - 180;

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
  const cy = mercatorY(center[1]);
  return normalizeBBox([
    lngOf(mercatorX(center[0]) - dx),
    Math.max(-85, inverseY(Math.min(1, cy + dy))),
    lngOf(mercatorX(center[0]) + dx),
    Math.min(85, inverseY(Math.max(0, cy - dy))),
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

/**
 * What the flights between the steps' cameras `targets` (one list of frames per step) show at
 * the detailed tier's zooms: a box for each stretch of a flight spent that close, usually its
 * start and its end. A flight out of a close-up moves on while it zooms out, and its first
 * frames showed sea where the step's own box ended: from the Haiti fixture's mission to the
 * delegation at 768×1024, Cuba and Jamaica were missing for a frame or two (6 December).
 * Every pair of steps: the timeline and deep links fly between any two.
 */
function flightBoxes(targets: CameraTarget[][], screen: Viewport): BBox[] {
  const boxes: BBox[] = [];
  const close = (zoom: number) => zoom + FLIGHT_MARGIN >= DETAIL_ZOOM;
  for (const [a, froms] of targets.entries())
    for (const [b, tos] of targets.entries())
      for (const [i, from] of froms.entries()) {
        const to = tos[i];
        // Each pair once: the way back passes the same frames in the reverse order.
        if (b <= a || !to || (!close(from.zoom) && !close(to.zoom))) continue;
        // The frames of one stretch move on a little at a time: their boxes are joined as they
        // come, each taken at its copy nearest the stretch so far (unionBBox tries every order).
        let stretch: BBox | undefined;
        const end = () => {
          if (stretch) boxes.push(normalizeBBox(stretch));
          stretch = undefined;
        };
        for (const frame of flightFrames(from, to, screen)) {
          if (!close(frame.zoom)) end();
          // A little farther out than the frame, for the frames between those sampled.
          else {
            const zoom = Math.max(DETAIL_ZOOM, frame.zoom) - FLIGHT_MARGIN;
            const [w, s, e, n] = visibleBox(frame.center, zoom, screen, Math.max(from.pitch, to.pitch));
            const shift = stretch ? nearestLng((w + e) / 2, (stretch[0] + stretch[2]) / 2) - (w + e) / 2 : 0;
            stretch = stretch
              ? [
                  Math.min(stretch[0], w + shift),
                  Math.min(stretch[1], s),
                  Math.max(stretch[2], e + shift),
                  Math.max(stretch[3], n),
                ]
              : [w, s, e, n];
          }
        }
        end();
      }
  return boxes;
}
/** Zoom to spare around the sampled frames of a flight (`flightBoxes`). */
const FLIGHT_MARGIN = 0.1;

/**
 * The parts of `box` outside `hole`, as up to four boxes: the strips west and east of the hole,
 * and between them those south and north of it. The hole is taken at its copy nearest the box.
 */
export function subtractBox(box: BBox, hole: BBox): BBox[] {
  const shift = nearestLng((hole[0] + hole[2]) / 2, (box[0] + box[2]) / 2) - (hole[0] + hole[2]) / 2;
  const [w, s, e, n] = [hole[0] + shift, hole[1], hole[2] + shift, hole[3]];
  if (w >= box[2] || e <= box[0] || s >= box[3] || n <= box[1]) return [box];
  const [west, east] = [Math.max(box[0], w), Math.min(box[2], e)];
  const parts: BBox[] = [
    [box[0], box[1], west, box[3]],
    [east, box[1], box[2], box[3]],
    [west, box[1], east, s],
    [west, n, east, box[3]],
  ];
  return parts.filter(([pw, ps, pe, pn]) => pe > pw && pn > ps).map(normalizeBBox);
}

/**
 * All that `coverage` reads of a story: its places' boxes and its steps' cameras. A build keeps
 * the basemap made from them (src/build/stories.ts), so an edit to a story's text alone makes it
 * no more; the type makes sure nothing else is read.
 */
export interface CoverageInput {
  places: readonly { bbox: BBox }[];
  steps: readonly { camera: Camera }[];
}

export const coverageInput = (story: Story): CoverageInput => ({
  places: story.places.map((p) => ({ bbox: p.bbox })),
  steps: story.steps.map((s) => ({ camera: s.camera })),
});

/**
 * The boxes of the regional (1:50m) and detailed (1:10m) tiers for this story, and `passes`:
 * where flights between steps come close outside the detailed boxes. A step's camera never shows
 * those at rest, and a flight only for a few frames, so they take the regional tier's land, not
 * the detailed tier's: the 1:10m land of every flight's frames made the Haiti fixture's fine tier
 * 3.5 times the size (197 kB of its features to 699 kB), the Pacific fixture's 5.5 times.
 */
export function coverage(story: CoverageInput): { region: BBox[]; details: BBox[]; passes: BBox[] } {
  const region: BBox[] = [];
  const details: BBox[] = [];
  const passes: BBox[] = [];
  // Flights between steps pass over the places at regional zooms.
  if (story.places.length > 0) region.push(grow(unionBBox(story.places.map((p) => p.bbox)), 25));
  for (const screen of SCREENS) {
    // The page frames a step in whatever its card, timeline and key leave free: from all of the
    // map to the least it allows. Between those the camera only moves closer or shifts a little:
    // the least zoom of the two sees the most, and a tier is needed if the greater reaches it.
    const targets = story.steps.map((step) =>
      extremeFrames(screen).map((padding) => cameraTarget(step.camera, screen, padding)),
    );
    for (const frames of targets) {
      const most = Math.max(...frames.map((t) => t.zoom));
      const least = Math.min(...frames.map((t) => t.zoom));
      for (const target of frames) {
        if (most + 0.5 >= REGION_ZOOM)
          region.push(visibleBox(target.center, Math.max(REGION_ZOOM, least), screen, target.pitch));
        if (most + 0.5 >= DETAIL_ZOOM)
          details.push(visibleBox(target.center, Math.max(DETAIL_ZOOM, least), screen, target.pitch));
      }
    }
    passes.push(...flightBoxes(targets, screen));
  }
  const merged = mergeBoxes(details);
  const outside = mergeBoxes(passes).flatMap((pass) =>
    merged.reduce<BBox[]>((parts, hole) => parts.flatMap((part) => subtractBox(part, hole)), [pass]),
  );
  return { region: mergeBoxes(region), details: merged, passes: outside };
}
