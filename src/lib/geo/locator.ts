/**
 * The locator inset's maths: a small globe turned to face the map's frame, with the frame drawn
 * on it as a box, or as a ring where the box would be too small to see. Pure (d3-geo only), so
 * Locator.svelte only draws what this returns.
 */
import { geoDistance, geoGraticule10, geoOrthographic, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../story/model.ts';
import { wrapLng } from './bbox.ts';

// When the inset shows lives in tiers.ts: the page's first script needs it, and not this file's d3-geo.
export { LOCATOR_ZOOM, showLocator } from './tiers.ts';
/** A box smaller than this many pixels on the globe is drawn as a ring around its centre. */
const SMALLEST_BOX = 6;

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

/**
 * A polygon of land and a cap around it (centre, radius in radians) that holds it: the build
 * measures them (locatorLand.ts), so the page can tell the far side's land without measuring.
 */
export interface LandPatch {
  center: [number, number];
  radius: number;
  rings: Position[][];
}

const graticule = geoGraticule10();

/**
 * The land that can show on a globe facing `center`: a polygon whose cap lies wholly on the far
 * side is left out before it is projected, which is about half the world's points. A cap wider
 * than a hemisphere (a polygon around a pole, say) can't be judged that way and is always kept.
 */
function nearSide(land: readonly LandPatch[], center: Position): MultiPolygon {
  const margin = Math.PI / 180;
  const near = land.filter(
    (p) =>
      p.radius >= Math.PI / 2 || geoDistance(center as [number, number], p.center) - p.radius < Math.PI / 2 + margin,
  );
  return { type: 'MultiPolygon', coordinates: near.map((p) => p.rings) };
}

export interface LocatorDrawing {
  /** The globe's outline (the sea), its graticule, and the land. */
  sphere: string;
  graticule: string;
  land: string;
  /** The frame as a box path, or as a ring at a point when it is too small to see. */
  frame: { box: string } | { ring: [number, number] };
}

/** The globe's drawing without the frame, for the last few ways it faced, per land. */
const globes = new WeakMap<object, Map<string, Omit<LocatorDrawing, 'frame'>>>();
const GLOBES_KEPT = 12;

/** Graticule lines drawn between pauses (a land polygon is drawn on its own). */
const LINES_PER_PIECE = 4;

/**
 * Draws the globe `size` pixels across, facing the frame `bounds` (tilted no more than 60°, so a
 * polar frame still shows its continent from the side and the box keeps a readable shape).
 * The globe turns in whole degrees (under a pixel at the inset's size): steps that look at the
 * same place, as a story's close-ups do, then share one drawing of its land, the inset's costly
 * part, and only the frame is drawn again.
 */
export function drawLocator(bounds: BBox, land: readonly LandPatch[], size: number): LocatorDrawing {
  const pieces = drawLocatorInPieces(bounds, land, size);
  for (;;) {
    const next = pieces.next();
    if (next.done) return next.value;
  }
}

/**
 * `drawLocator`, pausing after each land polygon and every few graticule lines, so the page can
 * spread a new facing's globe over short tasks (runInSlices): drawn at once, it held the main
 * thread for 80–200 ms at 4× CPU while the reader scrolled. Joined, the pieces are the whole
 * path: d3 draws each polygon and line of a multi-geometry on its own.
 */
export function* drawLocatorInPieces(
  bounds: BBox,
  land: readonly LandPatch[],
  size: number,
): Generator<void, LocatorDrawing, void> {
  const [lng, lat] = boxCenter(bounds);
  const facing: [number, number] = [Math.round(lng), Math.round(Math.max(-60, Math.min(60, lat)))];
  const r = size / 2 - 1;
  const projection = geoOrthographic()
    .rotate([-facing[0], -facing[1]])
    .scale(r)
    .translate([size / 2, size / 2])
    .clipAngle(90)
    .precision(0.5);
  // A tenth of a pixel is finer than the inset can show, and keeps its markup short.
  const path = geoPath(projection).digits(1);
  const known = globes.get(land) ?? new Map<string, Omit<LocatorDrawing, 'frame'>>();
  globes.set(land, known);
  const key = `${size} ${facing.join(' ')}`;
  let globe = known.get(key);
  if (!globe) {
    const lines: string[] = [];
    for (let i = 0; i < graticule.coordinates.length; i += LINES_PER_PIECE) {
      lines.push(
        path({ type: 'MultiLineString', coordinates: graticule.coordinates.slice(i, i + LINES_PER_PIECE) }) ?? '',
      );
      yield;
    }
    const polygons: string[] = [];
    for (const rings of nearSide(land, facing).coordinates) {
      polygons.push(path({ type: 'Polygon', coordinates: rings }) ?? '');
      yield;
    }
    globe = { sphere: path({ type: 'Sphere' }) ?? '', graticule: lines.join(''), land: polygons.join('') };
  }
  known.delete(key);
  known.set(key, globe);
  if (known.size > GLOBES_KEPT) known.delete(known.keys().next().value ?? key);
  const box = boxPolygon(bounds);
  const [[x0, y0], [x1, y1]] = path.bounds(box);
  const small = !(x1 - x0 >= SMALLEST_BOX || y1 - y0 >= SMALLEST_BOX) || !Number.isFinite(x0);
  const center = projection([lng, lat]) ?? [size / 2, size / 2];
  return {
    ...globe,
    frame: small
      ? { ring: [Math.round(center[0] * 10) / 10, Math.round(center[1] * 10) / 10] }
      : { box: path(box) ?? '' },
  };
}
