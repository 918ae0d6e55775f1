/**
 * The locator inset's land, prepared by the build: Natural Earth's 1:110m land, each polygon with
 * the cap (centre and radius) that holds it, so the page can leave out the far side of the globe
 * without measuring the whole world first. Pure; the build writes it once for every story.
 */
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import { geoCentroid, geoDistance } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Polygon, Position } from 'geojson';
import { polygons } from './polygons.ts';
import type { LandPatch } from './locator.ts';

/**
 * Points whose triangle with their neighbours is smaller than this (square degrees) are dropped:
 * a quarter of the points, each under a pixel off at the inset's largest size (112 px on a screen
 * of 3 device pixels per px, where a degree is about 3 pixels).
 */
const SMALLEST_TRIANGLE = 0.1;

/** A hundredth of a degree (about 1 km), far finer than the inset can show. */
const round = (n: number) => Math.round(n * 100) / 100;

/** Each polygon of `land` with its cap. The radius (radians) is rounded up, so the cap still holds it. */
export function landPatches(land: Feature | { type: 'FeatureCollection'; features: Feature[] }): LandPatch[] {
  const features = land.type === 'FeatureCollection' ? land.features : [land];
  return features
    .flatMap((f) => polygons(f.geometry))
    .map((coordinates): LandPatch => {
      const rings = coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [round(x), round(y)] as Position));
      const center = geoCentroid({ type: 'Polygon', coordinates: rings } satisfies Polygon);
      let radius = 0;
      for (const ring of rings)
        for (const p of ring) radius = Math.max(radius, geoDistance(center, p as [number, number]));
      return { center: [round(center[0]), round(center[1])], radius: Math.ceil((radius + 1e-4) * 1e4) / 1e4, rings };
    });
}

/** The world-atlas land topology, simplified for the inset and cut into patches. */
export function locatorLand(topology: Topology<{ land: GeometryCollection }>): LandPatch[] {
  const simple = simplify(presimplify(topology), SMALLEST_TRIANGLE) as typeof topology;
  return landPatches(feature(simple, simple.objects.land));
}
