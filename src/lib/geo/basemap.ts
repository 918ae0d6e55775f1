/**
 * Builds the story's basemap from Natural Earth (the `world-atlas` package) at build time: coarse
 * (1:50m) countries for the region the story spans, and fine (1:10m) ones around each place the
 * story names, where the camera comes close. Clipped and simplified to what the story needs, so the
 * page loads one small static GeoJSON file and asks no tile server for anything.
 */
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { bboxClip } from '@turf/bbox-clip';
import { geoArea, geoBounds, geoCentroid } from 'd3-geo';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, MultiLineString, LineString } from 'geojson';
import type { BBox, LngLat } from '../story/model.ts';
import type { CountryInfo } from '../story/compile.ts';

export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Zooms at which the map swaps world (1:110m) for regional (1:50m), then fine (1:10m) countries. */
export const REGION_ZOOM = 3;
export const DETAIL_ZOOM = 5.5;
const WORLD: BBox = [-180, -85, 180, 85];

const round = (n: number) => Math.round(n * 1e3) / 1e3;

function simplified(topology: CountriesTopology, keep: number): CountriesTopology {
  const pre = presimplify(topology);
  return simplify(pre, quantile(pre, keep)) as CountriesTopology;
}

function countries(topology: CountriesTopology): Feature<Polygon | MultiPolygon, { name: string }>[] {
  const fc = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  return fc.features.filter((f) => f.geometry !== null);
}

function roundGeometry<G extends Polygon | MultiPolygon | LineString | MultiLineString>(g: G): G {
  const deep = (c: unknown): unknown => (typeof c === 'number' ? round(c) : (c as unknown[]).map(deep));
  return { ...g, coordinates: deep(g.coordinates) } as G;
}

function clipped<G extends Polygon | MultiPolygon | LineString | MultiLineString, P>(
  f: Feature<G, P>,
  box: BBox,
  props: Record<string, unknown>,
): Feature | null {
  const [[w, s], [e, n]] = geoBounds(f as Feature);
  if (e < box[0] || w > box[2] || n < box[1] || s > box[3]) return null;
  const c = bboxClip(f as Feature<G>, box);
  const coords = c.geometry.coordinates as unknown[];
  if (coords.length === 0 || coords.every((part) => (part as unknown[]).length === 0)) return null;
  return { type: 'Feature', properties: props, geometry: roundGeometry(c.geometry as G) };
}

export interface BasemapInput {
  world: CountriesTopology;
  coarse: CountriesTopology;
  fine: CountriesTopology;
  /** Everything the story shows, with room to spare. */
  region: BBox;
  /** Boxes around the places, where the camera may come close. */
  details: BBox[];
}

/**
 * One FeatureCollection: land polygons (`kind: land`, with `iso` and `name`) and borders
 * (`kind: border`), each with `detail`: 0 world, 1 region, 2 around the places.
 */
export function buildBasemap(input: BasemapInput): FeatureCollection {
  const out: Feature[] = [];
  const add = (f: Feature | null) => f && out.push(f);
  const layers: [CountriesTopology, BBox[], number][] = [
    [simplified(input.world, 0.3), [WORLD], 0],
    [simplified(input.coarse, 0.2), [input.region], 1],
    [simplified(input.fine, 0.35), input.details, 2],
  ];
  for (const [topology, boxes, detail] of layers) {
    for (const box of boxes) {
      for (const f of countries(topology))
        add(clipped(f, box, { kind: 'land', iso: String(f.id), name: f.properties.name, detail }));
      const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
      add(clipped({ type: 'Feature', properties: {}, geometry: borders }, box, { kind: 'border', detail }));
    }
  }
  return { type: 'FeatureCollection', features: out };
}

/** Widens a box by `margin` degrees, within the Web Mercator world. */
export function grow(box: BBox, margin: number): BBox {
  return [
    Math.max(-180, box[0] - margin),
    Math.max(-84, box[1] - margin),
    Math.min(180, box[2] + margin),
    Math.min(84, box[3] + margin),
  ];
}

/**
 * Anchor and box of each country, from its largest polygon: an island or overseas territory
 * would otherwise drag the anchor of a country-level marker into the sea.
 */
export function countryInfo(topology: CountriesTopology): Map<string, CountryInfo> {
  const info = new Map<string, CountryInfo>();
  for (const f of countries(topology)) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const largest = polygons
      .map((coordinates): Polygon => ({ type: 'Polygon', coordinates }))
      .reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
    const [[w, s], [e, n]] = geoBounds(largest);
    const [lng, lat] = geoCentroid(largest);
    const anchor: LngLat = [round(lng), round(lat)];
    info.set(String(f.id), { name: f.properties.name, anchor, bbox: [w, s, e, n].map(round) as BBox });
  }
  return info;
}
