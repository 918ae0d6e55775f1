/**
 * Web Mercator in pixels, drawn flat the way MapLibre draws: the world is 512 × 2^zoom px wide
 * and repeats sideways, so a frame centred at 180° shows land from both ends of the data. Shapes
 * are projected as written (continuous across 180°, see wrap.ts), copied a world to the left or
 * right where that copy reaches the frame, and clipped to it. Flat clipping needs no ring
 * orientation, so no shape can turn inside out and fill the sea (as spherical d3-geo clipping
 * did with Fiji's and Kiribati's rings).
 */
import { bboxClip } from '@turf/bbox-clip';
import type { Feature, Geometry, Position } from 'geojson';
import type { BBox, LngLat } from '../story/model.ts';
import { nearestLng, planarBounds } from './bbox.ts';

const TILE = 512;

export interface PixelFrame {
  width: number;
  height: number;
}

export interface PixelProjection {
  zoom: number;
  /** The point's pixel position in the frame, on the world copy nearest the camera. */
  point(lngLat: LngLat): [number, number];
  /** An SVG path `d` for a geometry (every world copy that reaches the frame), '' if none does. */
  path(geometry: Geometry): string;
}

const mercatorX = (lng: number) => (lng + 180) / 360;
const mercatorY = (lat: number) => {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  return (1 - Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) / Math.PI) / 2;
};

/** Tenths of a pixel in the fewest characters SVG reads back exactly: 12.3, .3, -.3, 4. */
function tenths(t: number): string {
  const a = Math.abs(t);
  const whole = Math.floor(a / 10);
  const digits = (whole ? String(whole) : '') + (a % 10 ? `.${a % 10}` : '') || '0';
  return t < 0 ? `-${digits}` : digits;
}

/** Numbers run together as SVG allows: a minus sign separates them, else a space or comma. */
const pair = (x: string, y: string) => `${x}${y.startsWith('-') ? '' : ','}${y}`;

/**
 * Rings or lines as path commands, each point rounded to a tenth of a pixel and dropped where it
 * rounds onto the one before. After a line's first point (absolute) each is written as its step
 * from the last (`l`), in whole tenths. A coastline's steps are short: the Haiti story's opening
 * map, the page's largest paint, has a third fewer characters than with every point absolute, 7%
 * fewer bytes under brotli (12.4 kB), and the fixture site's maps 12% fewer. The steps are taken
 * between rounded points, so they add up to them: no error grows along a line (Chromium draws the
 * same shapes, a few edge pixels off by 3 levels of 255 from float sums).
 */
function commands(lines: Position[][], close: boolean): string {
  return lines
    .map((line) => {
      const out: string[] = [];
      let [px, py] = [NaN, NaN];
      for (const [x = 0, y = 0] of line) {
        const [tx, ty] = [Math.round(x * 10), Math.round(y * 10)];
        if (tx === px && ty === py) continue;
        if (!out.length) out.push(pair(tenths(tx), tenths(ty)));
        else {
          const step = pair(tenths(tx - px), tenths(ty - py));
          out.push(out.length > 1 && !step.startsWith('-') ? ` ${step}` : step);
        }
        [px, py] = [tx, ty];
      }
      if (out.length < 2) return '';
      return `M${out[0]}l${out.slice(1).join('')}${close ? 'z' : ''}`;
    })
    .join('');
}

/** A shape's lines or rings in world units (0–1 across the Mercator square), with its bounds. */
interface UnitShape {
  lines: Position[][];
  bounds: BBox;
}

/**
 * Shapes in world units, kept per polygon (or line) of the basemap: a build draws each step in six
 * sizes, and the logarithm and tangent of every coastline point, and each shape's bounds, are then
 * worked out once, not per drawing. Only the scale and shift differ from one drawing to the next.
 * Every drawing looks at every shape of its tier to see whether it reaches the frame; the bounds
 * worked out afresh each time were a third of the long fixture story's static maps (7 December).
 */
const units = new WeakMap<object, UnitShape>();

/** `shape` in world units, kept under `key`: the polygon itself, or the line a shape of one is. */
function inUnits(key: object, shape: readonly Position[][]): UnitShape {
  let found = units.get(key);
  if (!found) {
    const lines = shape.map((line) => line.map(([lng = 0, lat = 0]) => [mercatorX(lng), mercatorY(lat)]));
    found = { lines, bounds: planarBounds(lines.flat()) };
    units.set(key, found);
  }
  return found;
}

/** A geometry's polygons and lines. */
function parts(g: Geometry): { polygons: Position[][][]; lines: Position[][] } {
  switch (g.type) {
    case 'Polygon':
      return { polygons: [g.coordinates], lines: [] };
    case 'MultiPolygon':
      return { polygons: g.coordinates, lines: [] };
    case 'LineString':
      return { polygons: [], lines: [g.coordinates] };
    case 'MultiLineString':
      return { polygons: [], lines: g.coordinates };
    case 'GeometryCollection': {
      const all = g.geometries.map(parts);
      return { polygons: all.flatMap((p) => p.polygons), lines: all.flatMap((p) => p.lines) };
    }
    default:
      return { polygons: [], lines: [] };
  }
}

/**
 * A geometry's bounds in world units (those of all its shapes), kept per geometry: a drawing
 * passes over a country whose every copy misses its frame (most of them, in a close-up) with one
 * test, where it tested each of its islands.
 */
const geometryUnits = new WeakMap<Geometry, BBox>();

function geometryBounds(geometry: Geometry): BBox {
  let found = geometryUnits.get(geometry);
  if (!found) {
    const { polygons, lines } = parts(geometry);
    const shapes = [...polygons.map((p) => inUnits(p, p)), ...lines.map((l) => inUnits(l, [l]))];
    found = planarBounds(
      shapes.flatMap(({ bounds: [x0, y0, x1, y1] }) => [
        [x0, y0],
        [x1, y1],
      ]),
    );
    geometryUnits.set(geometry, found);
  }
  return found;
}

/**
 * A flat Mercator projection with `center` drawn at `anchor` (px from the frame's top left),
 * clipping to the frame plus a few pixels so strokes at its edge are not cut.
 */
export function pixelProjection(
  center: LngLat,
  zoom: number,
  anchor: [number, number],
  frame: PixelFrame,
): PixelProjection {
  const world = TILE * 2 ** zoom;
  const [cx, cy] = [mercatorX(center[0]), mercatorY(center[1])];
  const project = ([lng = 0, lat = 0]: Position): Position => [
    anchor[0] + (mercatorX(lng) - cx) * world,
    anchor[1] + (mercatorY(lat) - cy) * world,
  ];
  const clip: [number, number, number, number] = [-4, -4, frame.width + 4, frame.height + 4];

  /** The shifts, in px, of the world copies that reach the frame of a shape with these bounds. */
  const shifts = ([ux0, uy0, ux1, uy1]: BBox): number[] => {
    const [x0, y0] = [anchor[0] + (ux0 - cx) * world, anchor[1] + (uy0 - cy) * world];
    const [x1, y1] = [anchor[0] + (ux1 - cx) * world, anchor[1] + (uy1 - cy) * world];
    if (y1 < clip[1] || y0 > clip[3]) return [];
    const out: number[] = [];
    for (let k = Math.floor((clip[0] - x1) / world); k <= Math.ceil((clip[2] - x0) / world); k++) {
      const dx = k * world;
      if (!(x1 + dx < clip[0] || x0 + dx > clip[2])) out.push(dx);
    }
    return out;
  };

  /** Each world copy of the projected shape that reaches the frame, clipped to it. */
  const copies = (key: object, lines: readonly Position[][], polygon: boolean): Position[][] => {
    const unit = inUnits(key, lines);
    const out: Position[][] = [];
    for (const dx of shifts(unit.bounds)) {
      // The same sums, in the same order, as projecting each point afresh: the output is unchanged.
      const moved = unit.lines.map((points) =>
        points.map(([ux = 0, uy = 0]) => [anchor[0] + (ux - cx) * world + dx, anchor[1] + (uy - cy) * world]),
      );
      const geometry = polygon
        ? { type: 'Polygon' as const, coordinates: moved }
        : { type: 'LineString' as const, coordinates: moved[0] ?? [] };
      const c = bboxClip({ type: 'Feature', properties: {}, geometry } as Feature<typeof geometry>, clip).geometry;
      if (c.type === 'Polygon') out.push(...c.coordinates.filter((r) => r.length >= 4));
      else if (c.type === 'LineString') out.push(c.coordinates);
      else if (c.type === 'MultiLineString') out.push(...c.coordinates);
    }
    return out;
  };

  return {
    zoom,
    point: ([lng, lat]) => {
      const [x = 0, y = 0] = project([nearestLng(lng, center[0]), lat]);
      return [x, y];
    },
    path: (geometry) => {
      if (!shifts(geometryBounds(geometry)).length) return '';
      const { polygons, lines } = parts(geometry);
      return (
        commands(
          polygons.flatMap((p) => copies(p, p, true)),
          true,
        ) +
        commands(
          lines.flatMap((l) => copies(l, [l], false)),
          false,
        )
      );
    },
  };
}
