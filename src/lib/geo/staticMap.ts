/**
 * A step's map as a standalone SVG, rendered at build time in node: the picture for readers without
 * JavaScript, for feeds and for the social preview. It shows the state the live map settles on for
 * that step (camera, basemap tier, highlighted countries, whole routes, markers, names), drawn with
 * in the same flat Web Mercator as MapLibre (pixels.ts), centred where the live camera settles, so
 * a step across 180° is framed the same way. Bearing and pitch are ignored.
 */
import type { FeatureCollection } from 'geojson';
import type { Route, Story } from '../story/model.ts';
import { stepView } from '../story/view.ts';
import type { Viewport } from './camera.ts';
import { staticCamera, stillMargin, STILL_VIEW, STILL_VIEW_UNROUTED } from './stillPlacement.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from './tiers.ts';
import { pixelProjection, type PixelProjection } from './pixels.ts';
import { COLORS } from '../map/style.ts';
import { basemapLayers, cityDotLayer, escapeXml, labelLayer, markerLayer, routeLayer } from './staticLayers.ts';
import { townLayer } from './staticTowns.ts';

/** The basemap tier the live map draws at this zoom (see map/style.ts). */
export function tierAt(zoom: number): number {
  if (zoom < REGION_ZOOM) return 0;
  return zoom < DETAIL_ZOOM ? 1 : 2;
}

/**
 * The projection MapLibre uses for a step at this size: Mercator at the camera's zoom, its centre
 * in the middle of the padded frame (the part of the map the step text does not cover). `margin`
 * px are drawn beyond each side of the frame (see stillPlacement.ts): the frame starts there.
 */
export function stepProjection(
  story: Story,
  stepIndex: number,
  size: Viewport,
  covered = 0,
  margin: [number, number] = [0, 0],
): PixelProjection {
  const { center, zoom, anchor } = staticCamera(stepView(story, stepIndex).step.camera, size, covered);
  const [mx, my] = margin;
  const canvas = { width: size.width + 2 * mx, height: size.height + 2 * my };
  return pixelProjection(center, zoom, [anchor[0] + mx, anchor[1] + my], canvas);
}

/**
 * The views of a drawing with margins: all of it, and all of it but the routes. The routes' group
 * follows the views, so `:target` (the view the address names) can hide it; a browser that ignores
 * that shows the routes whole, as the frame alone does. The towns' names show in a view only: the
 * stand-in, which the live map's key credits them in, names them as the live map will; the
 * drawing on its own (print, no script) does not.
 */
function views(width: number, height: number): string[] {
  return [
    `<style>#${STILL_VIEW_UNROUTED}:target ~ .routes{display:none}.towns{display:none}:target ~ .towns{display:inline}</style>`,
    `<view id="${STILL_VIEW}" viewBox="0 0 ${width} ${height}"/>`,
    `<view id="${STILL_VIEW_UNROUTED}" viewBox="0 0 ${width} ${height}"/>`,
  ];
}

export function renderStaticMap(
  story: Story,
  basemap: FeatureCollection,
  stepIndex: number,
  size: { width: number; height: number },
  /** Pixels at the bottom that something will cover, kept clear of the places. */
  covered = 0,
  /**
   * Share of the size also drawn beyond each side. The SVG still shows just the frame; its views
   * show the margins too, for the live map's stand-in (stillPlacement.ts).
   */
  overscan = 0,
): string {
  const view = stepView(story, stepIndex);
  const { step } = view;
  const [mx, my] = stillMargin(size, overscan);
  const projection = stepProjection(story, stepIndex, size, covered, [mx, my]);
  const routes = step.routes
    .map((id) => story.routes.find((r) => r.id === id))
    .filter((r): r is Route => r !== undefined);
  const places = story.events.filter((e) => view.activeEvents.has(e.id)).flatMap((e) => (e.place ? [e.place] : []));
  const names = [...new Set(places.map((p) => p.name))];
  const title = `Map for "${step.title ?? story.title}": ${names.length ? names.join(', ') : 'no place named'}`;
  const { width, height } = size;
  const [canvasWidth, canvasHeight] = [width + 2 * mx, height + 2 * my];
  const id = escapeXml(`map-${story.slug}-${step.id}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${mx} ${my} ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}">`,
    `<title id="${id}">${escapeXml(title)}</title>`,
    ...(overscan ? views(canvasWidth, canvasHeight) : []),
    `<rect width="${canvasWidth}" height="${canvasHeight}" fill="${COLORS.water}"/>`,
    basemapLayers(projection, basemap, tierAt(projection.zoom), view.countries),
    // Over the land, under the routes and the markers, as on the live map.
    overscan ? townLayer(projection, basemap, story, [0, 0, canvasWidth, canvasHeight]) : '',
    overscan ? `<g class="routes">${routeLayer(projection, routes)}</g>` : routeLayer(projection, routes),
    cityDotLayer(projection, story),
    markerLayer(projection, story, view.activeEvents),
    // Named inside the frame only, where the SVG shown on its own would not cut a name.
    labelLayer(projection, story, view.activeEvents, [mx, my, mx + width, my + height]),
    '</svg>',
  ].join('');
}

/** One SVG per step, in story order. */
export function renderAllSteps(
  story: Story,
  basemap: FeatureCollection,
  size: { width: number; height: number },
  overscan = 0,
): string[] {
  return story.steps.map((_, i) => renderStaticMap(story, basemap, i, size, 0, overscan));
}
