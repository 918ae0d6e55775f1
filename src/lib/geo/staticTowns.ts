/**
 * The neighbouring towns' names on a static map, as the live map's context layer draws them
 * (map/contextLayers.ts): the towns the build chose (gazetteer.ts) whose zoom has come, grey on a
 * halo of land, regular weight, the bigger town first where two would collide, and none where a
 * story place's name may go. MapLibre's own collision has the last word on the live map; this
 * follows its rules with estimated text widths, so the stand-in names nearly the same towns.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Story } from '../story/model.ts';
import type { PixelProjection } from './pixels.ts';
import { MAP_LIGHT as COLORS } from '../style/palette.ts';
import { TOWN_LABEL, TOWN_MIN_ZOOM } from './gazetteer.ts';
import { groupByPlace } from './groups.ts';
import { overlaps, type Box } from './labelPlacement.ts';
import { escapeXml, FONT_FAMILY, num } from './staticLayers.ts';

/** A width per character of Source Sans 3 at regular weight, a little over its average. */
const CHAR_WIDTH = 0.5;
const { maxWidth: MAX_WIDTH_EMS, padding: TOWN_PADDING, placeName } = TOWN_LABEL;

/**
 * A name in lines, as MapLibre breaks a label wider than its `text-max-width`: at spaces, into as
 * few lines as fit, each about as wide as the others ("San Juan de / la Maguana").
 */
export function townLines(name: string): string[] {
  const words = name.split(' ');
  const lines = Math.ceil(name.length / (MAX_WIDTH_EMS / CHAR_WIDTH));
  if (lines < 2 || words.length < 2) return [name];
  const target = name.length / lines;
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const longer = line ? `${line} ${word}` : word;
    // Break before the word if the line is nearer its share without it than with it.
    if (line && out.length < lines - 1 && Math.abs(longer.length - target) > Math.abs(line.length - target)) {
      out.push(line);
      line = word;
    } else line = longer;
  }
  return [...out, line];
}

/** The towns' text size at this zoom, interpolated as the live layer's (linear, held at the ends). */
export function townSize(zoom: number): number {
  const [[z0, s0], [z1, s1]] = [TOWN_LABEL.size.from, TOWN_LABEL.size.to];
  return s0 + ((s1 - s0) * (Math.min(z1, Math.max(z0, zoom)) - z0)) / (z1 - z0);
}

const padded = ([x0, y0, x1, y1]: Box, pad: number): Box => [x0 - pad, y0 - pad, x1 + pad, y1 + pad];

/**
 * Where each story place's name may go, on either side of it: the live map places it there
 * invisibly (contextLayers.ts `keepClear`), half an em over the place, so no town is named there.
 */
function placeNameZones(projection: PixelProjection, story: Story): Box[] {
  const h = placeName.size * 1.2;
  const em = placeName.size * placeName.offset;
  return groupByPlace(story.events).flatMap(({ place }) => {
    const [x, y] = projection.point(place.coordinates);
    const w = place.name.length * placeName.size * CHAR_WIDTH;
    return [
      padded([x - em, y - h / 2, x - em + w, y + h / 2], placeName.padding),
      padded([x + em - w, y - h / 2, x + em, y + h / 2], placeName.padding),
    ];
  });
}

/** The towns' names that fit in `canvas` (the drawing's pixels), as one group; '' if none does. */
export function townLayer(projection: PixelProjection, basemap: FeatureCollection, story: Story, canvas: Box): string {
  const { zoom } = projection;
  if (zoom < TOWN_MIN_ZOOM) return '';
  const size = townSize(zoom);
  const taken = placeNameZones(projection, story);
  const names: string[] = [];
  const towns = basemap.features
    .filter((f) => f.properties?.kind === 'town' && Number(f.properties.minzoom) <= zoom && f.geometry.type === 'Point')
    .sort((a, b) => Number(b.properties?.population) - Number(a.properties?.population));
  for (const town of towns) {
    const [lng = 0, lat = 0] = (town.geometry as Point).coordinates;
    const [x, y] = projection.point([lng, lat]);
    const lines = townLines(String(town.properties?.name));
    const w = Math.max(...lines.map((l) => l.length)) * size * CHAR_WIDTH;
    const h = lines.length * size * 1.2;
    const box = padded([x - w / 2, y - h / 2, x + w / 2, y + h / 2], TOWN_PADDING);
    const inCanvas = box[0] >= canvas[0] && box[1] >= canvas[1] && box[2] <= canvas[2] && box[3] <= canvas[3];
    if (!inCanvas || taken.some((other) => overlaps(box, other))) continue;
    taken.push(box);
    // Lines 1.2 em apart, the block centred on the town as one line's middle is.
    const spans = lines
      .map((l, k) => `<tspan x="${num(x)}" dy="${k ? 1.2 : 0.35 - 0.6 * (lines.length - 1)}em">${escapeXml(l)}</tspan>`)
      .join('');
    names.push(`<text x="${num(x)}" y="${num(y)}">${spans}</text>`);
  }
  if (!names.length) return '';
  const style = `font-family="${escapeXml(FONT_FAMILY)}" font-size="${num(size)}" fill="${COLORS.context}" stroke="${COLORS.land}" stroke-width="${TOWN_LABEL.halo * 2}" stroke-linejoin="round" paint-order="stroke" text-anchor="middle"`;
  return `<g class="towns" ${style}>${names.join('')}</g>`;
}
