/**
 * Where a route drawn to a place known only as a country ends. Its place's coordinates are only an
 * anchor for the marker (story/model.ts), so a line ending there would claim a spot the source
 * never gives. Instead the line stops a short way past the border, where it has plainly entered
 * the country, and an arrowhead (arrow.ts) points on into it. The build measures where
 * (`routeReach`, kept as `Route.reach`); the live and static maps both draw `routeLine`.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { endsInCountry, type LngLat, type Route } from '../story/model.ts';
import { greatCircleLine, lineLength, partialLine } from './routes.ts';
import { mercator } from './arrow.ts';
import { polygons } from './polygons.ts';

/** How far into the country the line runs: this share of the way from the border to the anchor. */
export const INSET = 0.25;
/** Without the country's shape, the share of the line drawn, stopping short of the anchor. */
export const FALLBACK = 0.75;

type Ring = Position[];

function inRing([x, y]: LngLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies in any of the shapes, on any world copy (lines may run past 180°). */
export function inShapes([lng, lat]: LngLat, shapes: readonly Geometry[]): boolean {
  return [lng, lng - 360, lng + 360].some((x) =>
    shapes.some((g) =>
      polygons(g).some(
        ([outer, ...holes]) => outer && inRing([x, lat], outer) && !holes.some((h) => inRing([x, lat], h)),
      ),
    ),
  );
}

/** The land of one country (ISO numeric code), from the finest tier of the basemap that has it. */
export function countryShapes(basemap: FeatureCollection, iso: string): Geometry[] {
  // Not the regional land that fills the fine tier where only flights pass (basemap.ts `passes`).
  const land = basemap.features.filter(
    (f) => f.properties?.kind === 'land' && String(f.properties.iso) === iso && !f.properties.pass,
  );
  const finest = Math.max(...land.map((f) => Number(f.properties?.detail ?? 0)));
  return land
    .filter((f) => Number(f.properties?.detail ?? 0) === finest)
    .flatMap((f) => (f.geometry ? [f.geometry] : []));
}

/**
 * The share of the line to draw so that it stops where it has entered the country: its last entry
 * into the shapes, then INSET of the rest of the way. A line that never leaves the country, or a
 * country with no shape, stops at FALLBACK of its length instead: either way never at the anchor.
 */
export function reachInto(line: readonly LngLat[], shapes: readonly Geometry[]): number {
  let outside = -1;
  for (let i = line.length - 1; i >= 0; i--)
    if (!inShapes(line[i] as LngLat, shapes)) {
      outside = i;
      break;
    }
  const total = lineLength(line);
  if (shapes.length === 0 || outside < 0 || outside === line.length - 1 || total === 0) return FALLBACK;
  const border = lineLength(line.slice(0, outside + 2));
  return (border + INSET * (total - border)) / total;
}

/**
 * How close (px) a route into a country may come to the country's anchor, where its marker is
 * drawn: the active marker's radius (14), a gap, and room for the arrowhead to be seen.
 */
export const CLEARANCE = 26;

/**
 * The line cut where it first comes within `px` pixels (at `zoom`) of `anchor`. A small country
 * seen from afar is no wider than its marker: the route then stops short of it rather than seem
 * to end on it. Nothing is left of a line that starts that close.
 */
export function clearOf(line: readonly LngLat[], anchor: LngLat, zoom: number, px = CLEARANCE): LngLat[] {
  const world = 512 * 2 ** zoom;
  const [ax, ay] = mercator(anchor);
  // The anchor's copy nearest the line (lines may run past 180°): compare in turns of the world.
  const far = (p: LngLat) => {
    const [x, y] = mercator(p);
    const dx = x - ax - Math.round(x - ax);
    return Math.hypot(dx * world, (y - ay) * world) >= px;
  };
  const first = line.findIndex((p) => !far(p));
  return first < 0 ? [...line] : line.slice(0, first);
}

export { endsInCountry };

/** The line a route is drawn as, on either map: a great circle, cut short into a country. */
export function routeLine(route: Route): LngLat[] {
  const line = greatCircleLine(route.from.coordinates, route.to.coordinates);
  return endsInCountry(route) ? partialLine(line, route.reach ?? FALLBACK) : line;
}

/** For a route into a country: the share of its line drawn (`Route.reach`), against the story's basemap. */
export function routeReach(route: Route, basemap: FeatureCollection): number {
  const shapes = route.to.iso ? countryShapes(basemap, route.to.iso) : [];
  return reachInto(greatCircleLine(route.from.coordinates, route.to.coordinates), shapes);
}
