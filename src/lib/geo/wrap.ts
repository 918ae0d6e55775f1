/**
 * Shapes across the antimeridian, in the planar terms MapLibre and the static maps draw in.
 * Natural Earth cuts most shapes at 180°, but some rings of Fiji and Russia jump from 180 to -180
 * and back; drawn flat, each jump is a streak across the whole map. Here every ring is made
 * continuous (its longitudes may run past 180), and clipping tries the world copies either side,
 * so a box across 180° gets the land on both sides of it.
 */
import { bboxClip } from '@turf/bbox-clip';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../story/model.ts';
import { nearestLng, planarBounds } from './bbox.ts';

export type Shape = Polygon | MultiPolygon | LineString | MultiLineString;

/** The ring or line with each point within 180° of the one before, starting from `from`. */
function continuous(points: readonly Position[], from: number): Position[] {
  let previous = from;
  return points.map(([lng = 0, lat = 0]) => {
    previous = nearestLng(lng, previous);
    return [previous, lat];
  });
}

/**
 * A ring made continuous. A ring around a pole (Antarctica's) turns once round the globe and
 * cannot be: it stays as written, where its one jump runs along the edge of the map.
 */
function unwrapRing(ring: readonly Position[], from: number): Position[] {
  const out = continuous(ring, from);
  const first = out[0];
  const last = out[out.length - 1];
  return Math.abs((first?.[0] ?? 0) - (last?.[0] ?? 0)) > 1e-9 ? [...ring] : out;
}

/** Moves a part by whole turns so that its west edge lies in -180..180. */
function settle(part: Position[][]): Position[][] {
  const [west] = planarBounds(part.flat());
  const shift =
    west < -180 ? 360 * Math.ceil((-180 - west) / 360) : west > 180 ? -360 * Math.ceil((west - 180) / 360) : 0;
  return shift ? part.map((ring) => ring.map(([x = 0, y = 0]) => [x + shift, y])) : part;
}

function unwrapPolygon(rings: Position[][]): Position[][] {
  const start = rings[0]?.[0]?.[0] ?? 0;
  return settle(rings.map((ring) => unwrapRing(ring, start)));
}

/** The shape with continuous longitudes (see the header), each part's west edge in -180..180. */
export function unwrapShape<G extends Shape>(geometry: G): G {
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: unwrapPolygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map(unwrapPolygon) };
    case 'LineString':
      return {
        ...geometry,
        coordinates: settle([continuous(geometry.coordinates, geometry.coordinates[0]?.[0] ?? 0)])[0],
      };
    default:
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((line) => settle([continuous(line, line[0]?.[0] ?? 0)])[0] ?? []),
      };
  }
}

const shifted = <G extends Shape>(g: G, dx: number): G => {
  const deep = (c: unknown): unknown =>
    typeof (c as number[])[0] === 'number'
      ? [(c as number[])[0]! + dx, (c as number[])[1]]
      : (c as unknown[]).map(deep);
  return { ...g, coordinates: deep(g.coordinates) } as G;
};

/** Polygon parts or lines of a clipped shape, dropping the empty ones. */
function parts(g: Shape): Position[][][] | Position[][] {
  if (g.type === 'Polygon') return g.coordinates.length && g.coordinates[0]?.length ? [g.coordinates] : [];
  if (g.type === 'MultiPolygon') return g.coordinates.filter((p) => p.length && p[0]?.length);
  if (g.type === 'LineString') return g.coordinates.length > 1 ? [g.coordinates] : [];
  return g.coordinates.filter((l) => l.length > 1);
}

/**
 * The part of an (unwrapped) shape inside `box`, taken from whichever world copies reach into it,
 * in the box's own longitudes; null when nothing is left.
 */
export function clipToBox(geometry: Shape, box: BBox): Polygon | MultiPolygon | MultiLineString | null {
  const bounds = planarBounds(
    geometry.type.endsWith('Polygon')
      ? (parts(geometry) as Position[][][]).flat(2)
      : (parts(geometry) as Position[][]).flat(),
  );
  const polygon = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  const found: (Position[][] | Position[])[] = [];
  for (const turn of [-1, 0, 1]) {
    const dx = 360 * turn;
    if (bounds[2] + dx < box[0] || bounds[0] + dx > box[2] || bounds[3] < box[1] || bounds[1] > box[3]) continue;
    const clipped = bboxClip(
      { type: 'Feature', properties: {}, geometry: shifted(geometry, dx) } as Feature<Shape>,
      box,
    );
    found.push(...parts(clipped.geometry as Shape));
  }
  if (found.length === 0) return null;
  return polygon
    ? { type: 'MultiPolygon', coordinates: found as Position[][][] }
    : { type: 'MultiLineString', coordinates: found as Position[][] };
}
