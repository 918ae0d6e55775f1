/**
 * Builds the story's basemap from Natural Earth (the `world-atlas` package) at build time: coarse
 * (1:50m) countries for the region the story spans, and fine (1:10m) ones around each place the
 * story names, where the camera comes close. Clipped and simplified to what the story needs, so the
 * page loads one small static GeoJSON file and asks no tile server for anything.
 */
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { geoArea } from 'd3-geo';
import polylabel from 'polylabel';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox, LngLat } from '../story/model.ts';
import type { CountryInfo } from '../story/compile.ts';
import { planarBounds, unionBBox, WORLD, wrapLng } from './bbox.ts';
import { clipToBox, unwrapShape, type Shape } from './wrap.ts';
import { DETAIL_ZOOM } from './tiers.ts';

export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

// The tiers' zooms and the fine part's address live in tiers.ts (the page needs them alone).
export { REGION_ZOOM, DETAIL_ZOOM, fineUrl } from './tiers.ts';

const round = (n: number) => Math.round(n * 1e3) / 1e3;
/** About a metre: anchors of the smallest countries stay inside them. */
const fine = (n: number) => Math.round(n * 1e5) / 1e5;

function simplified(topology: CountriesTopology, keep: number): CountriesTopology {
  const pre = presimplify(topology);
  return simplify(pre, quantile(pre, keep)) as CountriesTopology;
}

type Country = Feature<Polygon | MultiPolygon, { name: string }>;

/** A tier's countries and borders, simplified. */
export interface Tier {
  shapes: Country[];
  borders: Shape;
}

/** Natural Earth's scales: 1:110m for the world tier, 1:50m the regional one, 1:10m the detailed. */
export type AtlasScale = 'world' | 'coarse' | 'fine';

/**
 * A tier made from `topology`, keeping `keep` of its points. The same for every story, and dear
 * (simplifying the 1:10m atlas is most of it): the build makes each once and keeps it
 * (build/atlas-cache.ts). Only ever read: each story clips its own copies (`clipped`).
 */
export function makeTier(topology: CountriesTopology, keep: number): Tier {
  const simple = simplified(topology, keep);
  return {
    shapes: countries(simple),
    borders: unwrapShape(mesh(simple, simple.objects.countries, (a, b) => a !== b)),
  };
}

/** The countries with a shape, each made continuous across the antimeridian (wrap.ts). */
function countries(topology: CountriesTopology): Country[] {
  const fc = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  return fc.features.filter((f) => f.geometry !== null).map((f) => ({ ...f, geometry: unwrapShape(f.geometry) }));
}

function roundGeometry<G extends Shape>(g: G): G {
  const deep = (c: unknown): unknown => (typeof c === 'number' ? round(c) : (c as unknown[]).map(deep));
  return { ...g, coordinates: deep(g.coordinates) } as G;
}

function clipped(geometry: Shape, box: BBox, props: Record<string, unknown>): Feature | null {
  const c = clipToBox(geometry, box);
  return c && { type: 'Feature', properties: props, geometry: roundGeometry(c) };
}

export interface BasemapInput {
  /** The atlas at `scale`, keeping `keep` of its points (`makeTier`, or a copy kept of it). */
  tier: (scale: AtlasScale, keep: number) => Tier;
  /** Where regional land is drawn: everything the story shows at regional zooms (coverage.ts). */
  region: BBox[];
  /** Where detailed land is drawn: around the places, and what close-ups show. */
  details: BBox[];
  /**
   * Where flights pass at the detailed zooms outside `details`: drawn with the detailed tier, from
   * the regional tier's land (`pass: true`), so that no frame of a flight shows an empty sea.
   */
  passes?: BBox[];
}

/**
 * One FeatureCollection: land polygons (`kind: land`, with `iso` and `name`) and borders
 * (`kind: border`), each with `detail`: 0 world, 1 region, 2 around the places. Longitudes may
 * run past 180 where a box or a shape crosses the antimeridian; MapLibre wraps them.
 */
export function buildBasemap(input: BasemapInput): FeatureCollection {
  const out: Feature[] = [];
  const add = (f: Feature | null) => f && out.push(f);
  const layers: [AtlasScale, number, BBox[], number, Record<string, boolean>][] = [
    ['world', 0.3, [WORLD], 0, {}],
    ['coarse', 0.2, input.region, 1, {}],
    ['fine', 0.35, input.details, 2, {}],
    ['coarse', 0.2, input.passes ?? [], 2, { pass: true }],
  ];
  for (const [scale, keep, boxes, detail, more] of layers) {
    if (boxes.length === 0) continue;
    const { shapes, borders } = input.tier(scale, keep);
    for (const box of boxes) {
      for (const f of shapes)
        add(clipped(f.geometry, box, { kind: 'land', iso: String(f.id), name: f.properties.name, detail, ...more }));
      add(clipped(borders, box, { kind: 'border', detail, ...more }));
    }
  }
  return { type: 'FeatureCollection', features: out };
}

/**
 * Of the polygons sharing an id, Natural Earth's main one: `036` is both Australia and the Ashmore
 * and Cartier Islands, and the place means Australia.
 */
function byIso(topology: CountriesTopology): Map<string, Country> {
  const out = new Map<string, Country>();
  for (const f of countries(topology)) {
    if (f.id === undefined) continue;
    const other = out.get(String(f.id));
    if (!other || geoArea(f) > geoArea(other)) out.set(String(f.id), f);
  }
  return out;
}

/** Islands smaller than this share of a country do not widen its frame. */
export const FRAME_SHARE = 0.01;

/**
 * Anchor and box of each country. The box frames every polygon of at least FRAME_SHARE of the
 * country's area, the short way round (New Zealand's two main islands, Alaska and the lower 48,
 * Kiribati's island groups either side of 180°), so specks far out at sea do not pull a camera
 * fit over an ocean. The anchor, where a country-level marker hangs, is the pole of
 * inaccessibility of the largest polygon: a point on land, well inside the coast.
 */
export function countryInfo(topology: CountriesTopology): Map<string, CountryInfo> {
  const info = new Map<string, CountryInfo>();
  for (const [iso, f] of byIso(topology)) {
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map(
      (coordinates): Polygon => ({ type: 'Polygon', coordinates }),
    );
    const areas = polygons.map((p) => geoArea(p));
    const total = areas.reduce((a, b) => a + b, 0);
    const largest = polygons[areas.indexOf(Math.max(...areas))] as Polygon;
    const frame = polygons.filter((_, i) => (areas[i] ?? 0) >= total * FRAME_SHARE);
    const bbox = unionBBox(frame.map((p) => planarBounds(p.coordinates[0] as Position[])));
    // To a hundredth of the polygon's size, so even the Vatican's anchor lands inside it.
    const [w, s, e, n] = planarBounds(largest.coordinates[0] as Position[]);
    const [lng = 0, lat = 0] = polylabel(largest.coordinates as [number, number][][], Math.min(e - w, n - s) / 100);
    const anchor: LngLat = [fine(wrapLng(lng)), fine(lat)];
    // Rounded outwards, so the box still holds every point it framed.
    const [bw, bs, be, bn] = bbox;
    const outward: BBox = [
      Math.floor(bw * 1e3) / 1e3,
      Math.floor(bs * 1e3) / 1e3,
      Math.ceil(be * 1e3) / 1e3,
      Math.ceil(bn * 1e3) / 1e3,
    ];
    info.set(iso, { name: f.properties.name, anchor, bbox: outward });
  }
  return info;
}

/**
 * The basemap as the page loads it: `start` (world and regional tiers, and the towns named before
 * DETAIL_ZOOM) at once, `fine` (the 1:10m tier and the smaller towns) only when a step comes close
 * enough to draw it, so a story that never zooms in never downloads its coasts in detail.
 */
export function splitBasemap(basemap: FeatureCollection): { start: FeatureCollection; fine: FeatureCollection } {
  const isFine = (f: Feature) =>
    f.properties?.detail === 2 || (f.properties?.kind === 'town' && Number(f.properties.minzoom) >= DETAIL_ZOOM);
  return {
    start: { type: 'FeatureCollection', features: basemap.features.filter((f) => !isFine(f)) },
    fine: { type: 'FeatureCollection', features: basemap.features.filter(isFine) },
  };
}
