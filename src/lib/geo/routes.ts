/**
 * Routes as great-circle lines (turf), and the part of a line to draw at a given progress, so a
 * route grows as the reader scrolls through its step.
 */
import { greatCircle } from '@turf/great-circle';
import { distance } from '@turf/distance';
import { length } from '@turf/length';
import { lineSliceAlong } from '@turf/line-slice-along';
import { lineString } from '@turf/helpers';
import type { LngLat } from '../story/model.ts';

/** The great circle from `from` to `to` as one list of points (split at the antimeridian if needed). */
export function greatCircleLine(from: LngLat, to: LngLat, points = 128): LngLat[] {
  const feature = greatCircle(from, to, { npoints: points });
  const geometry = feature.geometry;
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  return lines.flat().map(([lng, lat]) => [lng as number, lat as number]);
}

/** The first `fraction` (0..1) of a line, measured along the ground. */
export function partialLine(line: readonly LngLat[], fraction: number): LngLat[] {
  const f = Math.min(1, Math.max(0, fraction));
  const first = line[0];
  if (line.length < 2 || f === 1 || first === undefined) return [...line];
  if (f === 0) return [first, first];
  const feature = lineString(line as LngLat[]);
  const sliced = lineSliceAlong(feature, 0, length(feature) * f);
  return sliced.geometry.coordinates.map(([lng, lat]) => [lng as number, lat as number]);
}

/** Length of a line along the ground, in kilometres. */
export function lineLength(line: readonly LngLat[]): number {
  return line.slice(1).reduce((sum, p, i) => sum + distance(line[i] as LngLat, p), 0);
}
