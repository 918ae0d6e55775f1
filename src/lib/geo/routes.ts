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
import { nearestLng } from './bbox.ts';

/**
 * Longitudes made continuous: each point moved by whole turns to lie within 180° of the one
 * before. A line across the antimeridian then runs on past 180 (or below -180) instead of jumping
 * across the whole map, which MapLibre, the static maps and turf all draw and measure correctly.
 */
export function unwrapLine(line: readonly LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const [lng, lat] of line) {
    const previous = out[out.length - 1];
    out.push([previous ? nearestLng(lng, previous[0]) : lng, lat]);
  }
  return out;
}

/**
 * The great circle from `from` to `to` as one continuous list of points, the short way round: it
 * starts at `from` as written and may end at `to` moved by a whole turn (see `unwrapLine`).
 */
export function greatCircleLine(from: LngLat, to: LngLat, points = 128): LngLat[] {
  const feature = greatCircle(from, to, { npoints: points });
  const geometry = feature.geometry;
  // turf splits a line at the antimeridian into two; joined and unwrapped, it is one again.
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const joined = lines.flat().map(([lng, lat]): LngLat => [lng as number, lat as number]);
  const line = unwrapLine(joined);
  // The split repeats the crossing point (as 180 and -180), which unwrapping makes one point twice.
  return line.filter((p, i) => i === 0 || p[0] !== line[i - 1]?.[0] || p[1] !== line[i - 1]?.[1]);
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
