/**
 * Where the live map's markers and the active ones' names go, in pixels: markers of nearby places
 * pushed apart (spread.ts), then each name beside its marker (labelPlacement.ts), in the part of
 * the map nothing covers or else below the timeline. Pure, so it is tested in node; map/markers.ts
 * feeds it MapLibre's projection on every frame of a flight.
 */
import { MARKS } from '../style/palette.ts';
import { separate, type Offset } from './spread.ts';
import { placeLabels, type Box, type LabelRequest, type Side } from './labelPlacement.ts';

/** Centre-to-centre distance that keeps two markers' 24 px targets (active: 28 px) apart. */
export const MIN_DISTANCE = 30;
/** Half the marker's size (palette.ts, as app.css draws it); the count badge stays within GAP of it. */
export const MARKER_RADIUS = { active: MARKS.activeMarkerTarget / 2, inactive: MARKS.markerTarget / 2 };
/** Between a marker and its name: `.marker__label` in app.css keeps the same. */
export const LABEL_GAP = 6;

/**
 * Where markers are drawn: on their places, or pushed aside where one would cover a neighbour's;
 * a country's stays on its anchor (`country`), a city's moves, its real spot kept by a dot. The
 * static maps (staticLayers.ts) space theirs with this too, so both maps space them alike.
 */
export function spreadMarkers(anchors: readonly Offset[], country: readonly boolean[]): Offset[] {
  return separate(anchors, MIN_DISTANCE, undefined, country);
}

/**
 * Whether a marker's button, drawn at `at`, lies wholly on a map of `size` px. Only then may it be
 * focused or clicked (map/markers.ts): focus on one at or past the edge scrolled the map's clipped
 * box to show it whole, MapLibre scrolled the box back a frame later, and the focus ring was left
 * off screen or a click half made (pressed on the marker, released on the map).
 */
export function wholeOnMap([x, y]: Offset, [width, height]: readonly [number, number]): boolean {
  // The button is the active target's size, whether or not it is drawn active (app.css).
  const r = MARKER_RADIUS.active;
  return x - r >= 0 && x + r <= width && y - r >= 0 && y + r <= height;
}

export interface MarkerToLay {
  /** Where its place is on the map, px. */
  anchor: Offset;
  active: boolean;
  /** A country's marker stays on its anchor; a city's may move (its real spot keeps a dot). */
  country: boolean;
  /** Its name's size, px (read for the active ones only). */
  size: readonly [number, number];
}

export interface MarkerLayout {
  /** Where each marker is drawn, px. */
  at: Offset[];
  /** The side of its marker each active name goes on; none where it fits nowhere. */
  sides: (Side | undefined)[];
}

/**
 * Lays the markers out, and their names in `frames` (best first: the part of the map nothing
 * covers, then the map below the timeline for a name that fits nowhere else).
 */
export function layoutMarkers(markers: readonly MarkerToLay[], frames: readonly Box[]): MarkerLayout {
  const at = spreadMarkers(
    markers.map((m) => m.anchor),
    markers.map((m) => m.country),
  );
  const radius = (m: MarkerToLay) => (m.active ? MARKER_RADIUS.active : MARKER_RADIUS.inactive);
  const obstacles = markers.map((m, i): Box => {
    const [x, y] = at[i] ?? [0, 0];
    return [x - radius(m), y - radius(m), x + radius(m), y + radius(m)];
  });
  const requests = markers.flatMap((m, i): LabelRequest[] =>
    m.active ? [{ id: String(i), at: at[i] ?? [0, 0], radius: radius(m), width: m.size[0], height: m.size[1] }] : [],
  );
  const sides: (Side | undefined)[] = markers.map(() => undefined);
  const taken = [...obstacles];
  for (const frame of frames) {
    const left = requests.filter((r) => sides[Number(r.id)] === undefined);
    for (const p of placeLabels(left, taken, frame, LABEL_GAP)) {
      sides[Number(p.id)] = p.side;
      taken.push(p.box);
    }
  }
  return { at, sides };
}
