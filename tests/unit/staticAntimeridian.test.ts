/**
 * Static step maps (no JavaScript, print, unrolled embeds, WebGL failures) and the preview of the
 * Pacific fixture story: framed like the live camera across 180°, with no streaks, no land
 * flooding the sea, and markers on the near side of the map.
 */
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { renderAllSteps, stepProjection } from '../../src/lib/geo/staticMap.ts';
import { STATIC_MAP_SIZE } from '../../src/lib/geo/staticSize.ts';
import { COLORS } from '../../src/lib/map/style.ts';
import { thinRows } from '../browser/streaks.ts';

const built = buildStory(resolve('tests/fixtures/site/pacific-relief.yaml'));
const { story } = built;
const basemap = JSON.parse(built.basemap) as FeatureCollection;
const svgs = renderAllSteps(story, basemap, STATIC_MAP_SIZE);
const { width, height } = STATIC_MAP_SIZE;

const pixels = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
const water = [0, 2, 4].map((i) => parseInt(COLORS.water.slice(1 + i, 3 + i), 16));
/** Share of the picture painted in the land colour or the water colour. */
function shares(rgba: Uint8Array) {
  const land = [0, 2, 4].map((i) => parseInt(COLORS.land.slice(1 + i, 3 + i), 16));
  let [l, w] = [0, 0];
  for (let i = 0; i < rgba.length; i += 4) {
    const near = (c: number[]) =>
      Math.abs((rgba[i] ?? 0) - (c[0] ?? 0)) +
        Math.abs((rgba[i + 1] ?? 0) - (c[1] ?? 0)) +
        Math.abs((rgba[i + 2] ?? 0) - (c[2] ?? 0)) <
      6;
    if (near(land)) l++;
    else if (near(water)) w++;
  }
  const n = rgba.length / 4;
  return { land: l / n, water: w / n };
}

describe('static maps of a story across the antimeridian', () => {
  it.each(story.steps.map((s, i) => ({ id: s.id, i })))('draws step $id without streaks', ({ i }) => {
    expect(thinRows(pixels(svgs[i] ?? ''), width, height)).toEqual([]);
  });

  it.each(['step-01', 'step-02', 'step-05', 'step-09', 'step-10', 'step-12', 'step-15', 'step-16'])(
    'keeps the sea the sea at %s (no shape turned inside out)',
    (id) => {
      const i = story.steps.findIndex((s) => s.id === id);
      const { land, water: sea } = shares(pixels(svgs[i] ?? ''));
      expect(land, 'land').toBeLessThan(0.5);
      expect(sea, 'sea').toBeGreaterThan(0.3);
    },
  );

  it('puts every active marker of a step centred on 180° inside the frame, on the near side', () => {
    for (const id of ['step-09', 'step-10', 'step-12']) {
      const i = story.steps.findIndex((s) => s.id === id);
      const projection = stepProjection(story, i, STATIC_MAP_SIZE);
      for (const eventId of story.steps[i]?.events ?? []) {
        const place = story.events.find((e) => e.id === eventId)?.place;
        if (!place) continue;
        const [x] = projection.point(place.coordinates);
        // Markers hang on the copy of the world nearest the camera: never a world away.
        expect(Math.abs(x - width / 2), `${eventId} in ${id}`).toBeLessThan((512 * 2 ** projection.zoom) / 2);
      }
    }
  });

  it('frames a fit across 180° like the live camera: close, not the whole world', () => {
    const projection = stepProjection(story, 0, STATIC_MAP_SIZE);
    expect(projection.zoom).toBeGreaterThan(5);
    const [x0] = projection.point([178.4419, -18.1416]);
    const [x1] = projection.point([-175.2018, -21.1394]);
    expect(x0).toBeGreaterThan(0);
    expect(x1).toBeLessThan(width);
    expect(x1 - x0).toBeGreaterThan(width / 2);
  });
});
