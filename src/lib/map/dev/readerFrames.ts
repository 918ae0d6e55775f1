/**
 * `npm run dev`'s camera helper: where a reader's free area lies, drawn over the author's map.
 * A reader's page (a phone, a desktop) is measured in a frame of that size (probe.ts) with the
 * kit's own `measureCovers`; the frame is worked out by the same `stepFrame` the live map uses,
 * and the reader's camera by the same `cameraTarget`. Pure: numbers in, rectangles out.
 */
import type { Camera, LngLat, Step, Story } from '../../story/model.ts';
import { cameraTarget, type CameraTarget, type Padding, type Viewport } from '../../geo/camera.ts';
import type { Rect } from '../../geo/freeArea.ts';
import { stepFrame, type MapCovers } from '../../geo/stepFrame.ts';

/** The readers the helper shows: an upright phone and a laptop or desktop screen. */
export const READERS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

export type ReaderName = (typeof READERS)[number]['name'];

/** What a step shows, which a centre/zoom camera keeps in view (as story/compile.ts's `subject`). */
export function stepSubject(story: Story, step: Step): LngLat[] {
  return [
    ...step.events.flatMap((id) => {
      const place = story.events.find((e) => e.id === id)?.place;
      return place ? [place.coordinates] : [];
    }),
    ...step.routes.flatMap((id) => {
      const route = story.routes.find((r) => r.id === id);
      return route ? [route.from.coordinates, route.to.coordinates] : [];
    }),
  ];
}

/** The author's camera as the step would have it once pasted as `center`/`zoom`. */
export function viewCamera(camera: CameraTarget, subject: LngLat[]): Camera {
  return { kind: 'view', ...camera, ...(subject.length ? { subject } : {}) };
}

export interface ReaderFrame {
  /** The reader's map (the stage: the whole screen on a phone, beside the text on a desktop). */
  map: Viewport;
  padding: Padding;
  /** The largest part of the reader's map nothing covers (geo/freeArea.ts). */
  free: Rect;
  /** Where the reader's camera settles (it zooms out on a small screen to keep the step's places). */
  target: CameraTarget;
}

export function readerFrame(camera: Camera, map: Viewport, covers: MapCovers): ReaderFrame {
  const { padding, free } = stepFrame(camera, map, covers);
  return { map, padding, free, target: cameraTarget(camera, map, padding) };
}

/**
 * The reader's free area drawn on the author's map, in its pixels: MapLibre puts the camera's
 * centre in the middle of the padded frame, so the free area is laid out around that point, at the
 * author's zoom (a reader zoomed further out sees more: the rectangle grows). `center` is where
 * the reader's centre is drawn on the author's map. Bearing and pitch are the same for both, so
 * the rectangle stays upright on screen; under pitch it is only a guide.
 */
export function outlineOnMap(frame: ReaderFrame, authorZoom: number, center: readonly [number, number]): Rect {
  const { map, padding, free, target } = frame;
  const cx = padding.left + (map.width - padding.left - padding.right) / 2;
  const cy = padding.top + (map.height - padding.top - padding.bottom) / 2;
  const k = 2 ** (authorZoom - target.zoom);
  return {
    left: center[0] + (free.left - cx) * k,
    right: center[0] + (free.right - cx) * k,
    top: center[1] + (free.top - cy) * k,
    bottom: center[1] + (free.bottom - cy) * k,
  };
}
