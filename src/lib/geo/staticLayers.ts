/**
 * The layers of a static map, each as SVG text: basemap, highlighted countries, routes, markers and
 * place names. They mirror the live map's style (map/style.ts) and markers (app.css), so a step's
 * picture without JavaScript looks like the one the reader scrolls to.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PixelProjection } from './pixels.ts';
import type { Place, Route, Story, StoryEvent } from '../story/model.ts';
import { COLORS } from '../map/style.ts';
import { greatCircleLine } from './routes.ts';
import { spreadByPlace } from './spread.ts';

/** Mirrors `--paper` and `--accent` in app.css, which style the live map's marker buttons. */
const PAPER = '#ffffff';
const ACCENT = '#b3400b';
const MARKER = '#8c8c8c';
const MARKER_RING = '#6b6b6b';
/** Quoted: a family name with a token that starts with a digit is not a valid bare CSS name. */
export const FONT_FAMILY = "'Source Sans 3', sans-serif";

export interface Frame {
  width: number;
  height: number;
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in XML content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML[c] ?? c);
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** All given features as one path's `d`, dropping what the clip leaves empty. */
function joined(projection: PixelProjection, features: readonly Feature[]): string {
  return features.map((f) => (f.geometry ? projection.path(f.geometry) : '')).join('');
}

function layer(d: string, attrs: string): string {
  return d ? `<path d="${d}" ${attrs}/>` : '';
}

/** Land, borders and the step's countries, from the one tier of the basemap drawn at this zoom. */
export function basemapLayers(
  projection: PixelProjection,
  basemap: FeatureCollection,
  detail: number,
  iso: string[],
): string {
  const tier = basemap.features.filter((f) => f.properties?.detail === detail);
  const land = tier.filter((f) => f.properties?.kind === 'land');
  const borders = tier.filter((f) => f.properties?.kind === 'border');
  const countries = land.filter((f) => iso.includes(String(f.properties?.iso)));
  const highlight = joined(projection, countries);
  return [
    layer(joined(projection, land), `fill="${COLORS.land}"`),
    layer(joined(projection, borders), `fill="none" stroke="${COLORS.border}" stroke-width="0.8"`),
    // Group opacity, so the overlapping boxes of the basemap do not stack the tint.
    highlight ? `<g opacity="0.16">${layer(highlight, `fill="${COLORS.highlight}"`)}</g>` : '',
    layer(
      highlight,
      `fill="none" stroke="${COLORS.highlight}" stroke-width="1.5" stroke-dasharray="3 2.25" data-countries="${escapeXml(iso.join(' '))}"`,
    ),
  ].join('');
}

/** The step's routes, drawn whole as great circles; planned ones dashed. */
export function routeLayer(projection: PixelProjection, routes: readonly Route[]): string {
  return routes
    .map((route) => {
      const line: Geometry = {
        type: 'LineString',
        coordinates: greatCircleLine(route.from.coordinates, route.to.coordinates),
      };
      const dash = route.planned ? ' stroke-dasharray="4.5 4.5"' : '';
      const d = projection.path(line);
      return `<path d="${d}" data-route="${escapeXml(route.id)}" fill="none" stroke="${COLORS.route}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"${dash}/>`;
    })
    .join('');
}

/**
 * One marker per located event, spread around shared places as on the live map: a filled circle
 * for a city or point, a hollow dashed ring for a country. The step's events are bigger, in the
 * accent colour, and drawn last so they sit on top.
 */
export function markerLayer(projection: PixelProjection, story: Story, active: ReadonlySet<string>): string {
  const located = story.events.filter((e): e is StoryEvent & { place: Place } => e.place !== undefined);
  const offsets = spreadByPlace(located, (e) => e.place.id);
  const ordered = [...located.filter((e) => !active.has(e.id)), ...located.filter((e) => active.has(e.id))];
  return ordered
    .map((event) => {
      const [x, y] = projection.point(event.place.coordinates);
      const [dx, dy] = offsets.get(event) ?? [0, 0];
      const on = active.has(event.id);
      const country = event.place.precision === 'country';
      // Radii of the 18 px and 26 px buttons, less half their border.
      const r = on ? 12 : 8;
      const paint = country
        ? `fill="${PAPER}" fill-opacity="0.85" stroke="${on ? ACCENT : MARKER_RING}" stroke-width="${on ? 3 : 2}" stroke-dasharray="4 3"`
        : `fill="${on ? ACCENT : MARKER}" stroke="${PAPER}" stroke-width="2"`;
      return `<circle class="marker" data-event="${escapeXml(event.id)}" data-active="${on}" cx="${num(x + dx)}" cy="${num(y + dy)}" r="${r}" ${paint}/>`;
    })
    .join('');
}

/** [left, top, right, bottom] in pixels. */
type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const inside = ([x, y]: [number, number], frame: Frame) => x >= 0 && y >= 0 && x <= frame.width && y <= frame.height;

/** Dots for cities and points, and every place's name beside its ring of markers. */
export function labelLayer(projection: PixelProjection, places: readonly Place[], frame: Frame): string {
  const shown = places.flatMap((place) => {
    const at = projection.point(place.coordinates);
    return inside(at, frame) ? [{ place, at }] : [];
  });
  const dots = shown
    .filter(({ place }) => place.precision !== 'country')
    .map(({ at }) => `<circle cx="${num(at[0])}" cy="${num(at[1])}" r="3" fill="${COLORS.label}"/>`);
  const placed: Box[] = [];
  const names = shown.flatMap(({ place, at }) => {
    const country = place.precision === 'country';
    const size = country ? 13 : 14;
    // The live map's text-offset, in ems, clears the ring of markers (see geo/spread.ts).
    const x = at[0] + (country ? 3.2 : 2.2) * size;
    const name = country ? place.name.toUpperCase() : place.name;
    // Like MapLibre's optional labels: the first of two colliding names wins, the other is left out.
    const box: Box = [x, at[1] - size / 2, x + name.length * size * (country ? 0.7 : 0.55), at[1] + size / 2];
    if (placed.some((other) => overlaps(box, other))) return [];
    placed.push(box);
    const spacing = country ? ' letter-spacing="1"' : '';
    return [
      `<text x="${num(x)}" y="${num(at[1])}" dy="0.35em" font-size="${size}"${spacing}>${escapeXml(name)}</text>`,
    ];
  });
  return [
    ...dots,
    `<g font-family="${escapeXml(FONT_FAMILY)}" font-weight="600" fill="${COLORS.label}" stroke="${COLORS.land}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...names,
    '</g>',
  ].join('');
}
