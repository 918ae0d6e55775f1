/**
 * The layers of a static map, each as SVG text: basemap, highlighted countries, routes, markers and
 * their labels. They mirror the live map's style (map/style.ts) and markers (app.css), so a step's
 * picture without JavaScript looks like the one the reader scrolls to.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { PixelProjection } from './pixels.ts';
import type { Route, Story } from '../story/model.ts';
import { HIGHLIGHT_OPACITY, MAP_LIGHT as COLORS, MARKS, PAGE_LIGHT, SHADOW, svgDash } from '../style/palette.ts';
import { clearOf, endsInCountry, routeLine } from './routeEnds.ts';
import { chevron } from './arrow.ts';
import { activeIn, groupByPlace, leadEvent, markerText, type PlaceGroup } from './groups.ts';
import { placeLabels, type Box, type LabelRequest } from './labelPlacement.ts';
import type { Offset } from './spread.ts';
import { spreadMarkers } from './markerLayout.ts';

/** The page's colours that style the live map's marker buttons (app.css), in the light theme. */
const { paper: PAPER, accent: ACCENT, marker: MARKER, ink: INK } = PAGE_LIGHT;
/** Quoted: a family name with a token that starts with a digit is not a valid bare CSS name. */
export const FONT_FAMILY = "'Source Sans 3', sans-serif";

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in XML content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML[c] ?? c);
}

/** A coordinate to a tenth of a pixel, as every layer of a static map writes them. */
export const num = (n: number) => String(Math.round(n * 10) / 10);

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
    layer(joined(projection, borders), `fill="none" stroke="${COLORS.border}" stroke-width="${MARKS.borderWidth}"`),
    // Group opacity, so the overlapping boxes of the basemap do not stack the tint.
    highlight ? `<g opacity="${HIGHLIGHT_OPACITY}">${layer(highlight, `fill="${COLORS.highlight}"`)}</g>` : '',
    layer(
      highlight,
      `fill="none" stroke="${COLORS.highlight}" stroke-width="${MARKS.outlineWidth}" stroke-dasharray="${svgDash(MARKS.outlineDash, MARKS.outlineWidth)}" data-countries="${escapeXml(iso.join(' '))}"`,
    ),
  ].join('');
}

/**
 * The step's routes, drawn whole as great circles; planned ones dashed. One into a country-only
 * place stops inside its border with an open arrowhead (geo/routeEnds.ts), always solid.
 */
export function routeLayer(projection: PixelProjection, routes: readonly Route[]): string {
  const stroke = `fill="none" stroke="${COLORS.route}" stroke-width="${MARKS.routeWidth}" stroke-linecap="round" stroke-linejoin="round"`;
  return routes
    .map((route) => {
      const whole = routeLine(route);
      const coordinates = endsInCountry(route) ? clearOf(whole, route.to.coordinates, projection.zoom) : whole;
      const dash = route.planned ? ` stroke-dasharray="${svgDash(MARKS.plannedDash, MARKS.routeWidth)}"` : '';
      if (coordinates.length < 2) return '';
      const d = projection.path({ type: 'LineString', coordinates });
      const line = `<path d="${d}" data-route="${escapeXml(route.id)}" ${stroke}${dash}/>`;
      const arrow = endsInCountry(route) ? chevron(coordinates, projection.zoom) : undefined;
      if (!arrow) return line;
      const head = projection.path({ type: 'LineString', coordinates: arrow });
      return `${line}<path d="${head}" data-route-arrow="${escapeXml(route.id)}" ${stroke}/>`;
    })
    .join('');
}

/**
 * One marker per place, as on the live map (geo/groups.ts): a filled circle for a city or point, a
 * hollow dashed ring for a country, with a count badge where several events share the place. The
 * step's places are bigger, in the accent colour, and drawn last so they sit on top.
 */
/**
 * Where each place's marker is drawn: on the place, or pushed aside (as the live map does, with
 * the same rule) where it would cover a neighbour's; a country's stays on its anchor.
 */
function markerPoints(projection: PixelProjection, groups: readonly PlaceGroup[]): Map<PlaceGroup, Offset> {
  const moved = spreadMarkers(
    groups.map((g): Offset => projection.point(g.place.coordinates)),
    groups.map((g) => g.place.precision === 'country'),
  );
  return new Map(groups.map((g, i) => [g, moved[i] ?? [0, 0]]));
}

/**
 * Where each city really is, seen when its marker has been pushed aside: the live map's
 * `city-dots` layer, which lies under the markers, as this one is drawn before them.
 */
export function cityDotLayer(projection: PixelProjection, story: Story): string {
  return groupByPlace(story.events)
    .filter((group) => group.place.precision !== 'country')
    .map((group) => projection.point(group.place.coordinates))
    .map((at) => `<circle cx="${num(at[0])}" cy="${num(at[1])}" r="${MARKS.cityDotRadius}" fill="${COLORS.label}"/>`)
    .join('');
}

/**
 * A marker's dot, painted as app.css paints the live button's: a country's dashed circle, or a
 * city's filled dot inside its paper border. Every border lies inside the dot, as a CSS border
 * does: a country's dashes (3 px lit, 3 px at two thirds of the size unlit), a lit city dot's
 * 2 px with the 2 px paper ring outside it, an unlit city dot's 3 px at two thirds of the size.
 */
function dot(r: number, lit: boolean, country: boolean): string {
  // The stroke is centred on the circle: drawn at r - width / 2, it ends at the dot's edge, where
  // drawn at r it made a country's ring 1.5 px wider all round than the live one (seen at the swap).
  if (country)
    return lit
      ? `r="${r - 1.5}" fill="${PAPER}" fill-opacity="0.85" stroke="${COLORS.activeMarker}" stroke-width="3" stroke-dasharray="4 3"`
      : `r="${r - 1}" fill="${PAPER}" fill-opacity="0.85" stroke="${MARKER}" stroke-width="2" stroke-dasharray="4 3"`;
  // One stroke straddling a circle draws the paper: from r - 2 to r + 2 lit, from r - 2 to r unlit.
  return lit
    ? `r="${r}" fill="${ACCENT}" stroke="${PAPER}" stroke-width="4"`
    : `r="${r - 1}" fill="${MARKER}" stroke="${PAPER}" stroke-width="2"`;
}

/**
 * The ring around a city's dot, as the button's box-shadow draws it: the lit one's 2 px accent
 * ring outside its paper one, the others' 1 px dark hairline. So the marker the live map draws
 * at the swap is the one the static map showed.
 */
function ring(x: number, y: number, r: number, lit: boolean): string {
  const at = `cx="${num(x)}" cy="${num(y)}" fill="none"`;
  return lit
    ? `<circle ${at} r="${r + 3}" stroke="${ACCENT}" stroke-width="2"/>`
    : `<circle ${at} r="${r + 0.5}" stroke="${SHADOW}" stroke-opacity="0.45" stroke-width="1"/>`;
}

export function markerLayer(projection: PixelProjection, story: Story, active: ReadonlySet<string>): string {
  const groups = groupByPlace(story.events);
  const points = markerPoints(projection, groups);
  const on = (g: PlaceGroup) => activeIn(g, active).length > 0;
  return [...groups.filter((g) => !on(g)), ...groups.filter(on)]
    .map((group) => {
      const [x, y] = points.get(group) ?? [0, 0];
      const lit = on(group);
      const country = group.place.precision === 'country';
      // The dot's radius, as app.css sizes the buttons' dots (`.marker::before`).
      const r = (lit ? MARKS.activeMarkerDiameter : MARKS.markerDiameter) / 2;
      const ids = escapeXml(group.events.map((e) => e.id).join(' '));
      const circle = `${country ? '' : ring(x, y, r, lit)}<circle class="marker" data-event="${escapeXml(leadEvent(group, active).id)}" data-events="${ids}" data-place="${escapeXml(group.place.id)}" data-active="${lit}" cx="${num(x)}" cy="${num(y)}" ${dot(r, lit, country)}/>`;
      const n = group.events.length;
      if (n < 2) return circle;
      // The badge at the top right of the marker, as app.css draws .marker__count: 14 px across,
      // 4 px beyond the corner of the marker's target (24 px, 28 px lit), so its centre is 3 px
      // inside that corner. It was 2 px further out on a lit marker, so it jumped at the swap.
      const corner = (lit ? MARKS.activeMarkerTarget : MARKS.markerTarget) / 2 - 3;
      const [bx, by] = [x + corner, y - corner];
      return `${circle}<g data-count="${n}"><circle cx="${num(bx)}" cy="${num(by)}" r="7" fill="${INK}"/><text x="${num(bx)}" y="${num(by)}" dy="0.35em" text-anchor="middle" font-family="${escapeXml(FONT_FAMILY)}" font-size="10" font-weight="600" fill="${PAPER}">${n}</text></g>`;
    })
    .join('');
}

const inside = ([x, y]: [number, number], [x0, y0, x1, y1]: Box) => x >= x0 && y >= y0 && x <= x1 && y <= y1;
/** Label size in px, and a width per character a little wider than Source Sans 3's average. */
const LABEL_SIZE = 13;
const CHAR_WIDTH = 0.56;

/**
 * The active markers' labels, placed as the live map places them (geo/labelPlacement.ts): never
 * over a marker or another label, never cut by the frame.
 */
export function labelLayer(
  projection: PixelProjection,
  story: Story,
  active: ReadonlySet<string>,
  /** Where names may go: the frame, in the drawing's pixels. */
  frame: Box,
): string {
  const groups = groupByPlace(story.events);
  const points = markerPoints(projection, groups);
  const shown = groups.flatMap((group) => {
    const at = points.get(group) ?? [0, 0];
    return inside(at, frame) ? [{ group, at, lit: activeIn(group, active).length > 0 }] : [];
  });
  const radius = (lit: boolean) => (lit ? 14 : 10);
  const obstacles = shown.map(({ at, lit }): Box => {
    const r = radius(lit);
    return [at[0] - r, at[1] - r, at[0] + r, at[1] + r];
  });
  const requests: LabelRequest[] = shown.flatMap(({ group, at, lit }, i) => {
    if (!lit) return [];
    const text = markerText(group, active);
    return [{ id: String(i), at, radius: radius(lit), width: text.length * LABEL_SIZE * CHAR_WIDTH + 8, height: 18 }];
  });
  const names = placeLabels(requests, obstacles, frame, 6).map(({ id, box }) => {
    const item = shown[Number(id)];
    const text = item ? markerText(item.group, active) : '';
    const [x, y] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    return `<text x="${num(x)}" y="${num(y)}" dy="0.35em" text-anchor="middle">${escapeXml(text)}</text>`;
  });
  return [
    `<g font-family="${escapeXml(FONT_FAMILY)}" font-size="${LABEL_SIZE}" font-weight="600" fill="${INK}" stroke="${PAPER}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...names,
    '</g>',
  ].join('');
}
