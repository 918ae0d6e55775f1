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
import type { LngLat } from '../story/model.ts';
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

/** A line or ring in world units (0–1 across the Mercator square), with its bounds. */
interface UnitLine {
  points: Position[];
  bounds: [number, number, number, number];
}

/**
 * Lines and rings in world units, kept per array of the basemap: a build draws each step in four
 * sizes, and the logarithm and tangent of every coastline point are then worked out once, not per
 * drawing. Only the scale and shift differ from one drawing to the next.
 */
const units = new WeakMap<readonly Position[], UnitLine>();

function inUnits(line: readonly Position[]): UnitLine {
  let found = units.get(line);
  if (!found) {
    const points = line.map(([lng = 0, lat = 0]) => [mercatorX(lng), mercatorY(lat)]);
    found = { points, bounds: planarBounds(points) };
    units.set(line, found);
  }
  return found;
}

/** The bounds of several lines' bounds. */
const unitBounds = (lines: readonly UnitLine[]) =>
  planarBounds(
    lines.flatMap(({ bounds: [x0, y0, x1, y1] }) => [
      [x0, y0],
      [x1, y1],
    ]),
  );

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

  const parts = (g: Geometry): { polygons: Position[][][]; lines: Position[][] } => {
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
  };

  /** Each world copy of the projected shape that reaches the frame, clipped to it. */
  const copies = (lines: readonly Position[][], polygon: boolean): Position[][] => {
    const unit = lines.map(inUnits);
    const [x0, y0, x1, y1] = unitBounds(unit).map((u, i) =>
      i % 2 ? anchor[1] + (u - cy) * world : anchor[0] + (u - cx) * world,
    ) as [number, number, number, number];
    if (y1 < clip[1] || y0 > clip[3]) return [];
    const out: Position[][] = [];
    for (let k = Math.floor((clip[0] - x1) / world); k <= Math.ceil((clip[2] - x0) / world); k++) {
      const dx = k * world;
      if (x1 + dx < clip[0] || x0 + dx > clip[2]) continue;
      // The same sums, in the same order, as projecting each point afresh: the output is unchanged.
      const moved = unit.map(({ points }) =>
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
      const { polygons, lines } = parts(geometry);
      return (
        commands(
          polygons.flatMap((p) => copies(p, true)),
          true,
        ) +
        commands(
          lines.flatMap((l) => copies([l], false)),
          false,
        )
      );
    },
  };
}
