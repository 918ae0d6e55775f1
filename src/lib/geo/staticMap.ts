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
import { cameraTarget, type Viewport } from './camera.ts';
import { framePadding } from './freeArea.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from './tiers.ts';
import { pixelProjection, type PixelProjection } from './pixels.ts';
import { COLORS } from '../map/style.ts';
import { basemapLayers, escapeXml, labelLayer, markerLayer, routeLayer } from './staticLayers.ts';

/** The basemap tier the live map draws at this zoom (see map/style.ts). */
export function tierAt(zoom: number): number {
  if (zoom < REGION_ZOOM) return 0;
  return zoom < DETAIL_ZOOM ? 1 : 2;
}

/**
 * The projection MapLibre uses for a step at this size: Mercator at the camera's zoom, its centre
 * in the middle of the padded frame (the part of the map the step text does not cover).
 */
export function stepProjection(story: Story, stepIndex: number, size: Viewport, covered = 0): PixelProjection {
  const step = stepView(story, stepIndex).step;
  // Nothing lies over a static map.
  const frame = framePadding(size);
  // `covered` px at the bottom are under something (the preview's title band): frame above it.
  const padding = { ...frame, bottom: frame.bottom + covered };
  const target = cameraTarget(step.camera, size, padding);
  const x = padding.left + (size.width - padding.left - padding.right) / 2;
  const y = padding.top + (size.height - padding.top - padding.bottom) / 2;
  return pixelProjection(target.center, target.zoom, [x, y], size);
}

export function renderStaticMap(
  story: Story,
  basemap: FeatureCollection,
  stepIndex: number,
  size: { width: number; height: number },
  /** Pixels at the bottom that something will cover, kept clear of the places. */
  covered = 0,
): string {
  const view = stepView(story, stepIndex);
  const { step } = view;
  const projection = stepProjection(story, stepIndex, size, covered);
  const routes = step.routes
    .map((id) => story.routes.find((r) => r.id === id))
    .filter((r): r is Route => r !== undefined);
  const places = story.events.filter((e) => view.activeEvents.has(e.id)).flatMap((e) => (e.place ? [e.place] : []));
  const names = [...new Set(places.map((p) => p.name))];
  const title = `Map for "${step.title ?? story.title}": ${names.length ? names.join(', ') : 'no place named'}`;
  const { width, height } = size;
  const id = escapeXml(`map-${story.slug}-${step.id}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}">`,
    `<title id="${id}">${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${COLORS.water}"/>`,
    basemapLayers(projection, basemap, tierAt(projection.zoom), view.countries),
    routeLayer(projection, routes),
    markerLayer(projection, story, view.activeEvents),
    labelLayer(projection, story, view.activeEvents, size),
    '</svg>',
  ].join('');
}

/** One SVG per step, in story order. */
export function renderAllSteps(
  story: Story,
  basemap: FeatureCollection,
  size: { width: number; height: number },
): string[] {
  return story.steps.map((_, i) => renderStaticMap(story, basemap, i, size));
}
