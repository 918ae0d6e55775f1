/**
 * Every country draws at every zoom a step shows: the regional and detailed tiers of the basemap
 * cover all that any step's camera can show at their zooms, on every screen the kit frames for.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { coverage, SCREENS, visibleBox } from '../../src/lib/geo/coverage.ts';
import { cameraTarget } from '../../src/lib/geo/camera.ts';
import { extremeFrames, framePadding } from '../../src/lib/geo/freeArea.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from '../../src/lib/geo/basemap.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';
import type { BBox } from '../../src/lib/story/model.ts';

const stories = ['mss-haiti', 'pacific-relief'].map((slug) => buildStory(resolve(`tests/fixtures/site/${slug}.yaml`)));

/** Whether one of `boxes` holds all four corners of `box` (either side of 180°). */
const covered = (box: BBox, boxes: BBox[]) =>
  boxes.some((b) =>
    [
      [box[0], box[1]],
      [box[2], box[3]],
      [box[0], box[3]],
      [box[2], box[1]],
    ].every((p) => containsPoint(b, p as [number, number])),
  );

/** Frames as a phone gives them: a timeline over the top, the card over the lower part or the upper. */
const phoneFrames = (screen: { width: number; height: number }) => {
  const band = (top: number, bottom: number) => ({
    left: 0,
    right: screen.width,
    top: top * screen.height,
    bottom: bottom * screen.height,
  });
  return [framePadding(screen, [band(0, 0.2), band(0.55, 1)]), framePadding(screen, [band(0, 0.45)])];
};

describe.each(stories.map((b) => ({ slug: b.story.slug, built: b })))('the basemap of $slug', ({ built }) => {
  const { story } = built;
  const tiers = coverage(story);

  it('has land in the finer tiers wherever a step shows them, on every screen', () => {
    for (const step of story.steps)
      for (const screen of SCREENS)
        for (const padding of [...extremeFrames(screen), ...phoneFrames(screen)]) {
          const target = cameraTarget(step.camera, screen, padding);
          const at = `${step.id} at ${screen.width}x${screen.height} framed ${JSON.stringify(padding)}`;
          if (target.zoom >= REGION_ZOOM) {
            const seen = visibleBox(target.center, target.zoom, screen, target.pitch);
            expect(covered(seen, tiers.region), `${at}, regional`).toBe(true);
          }
          if (target.zoom >= DETAIL_ZOOM) {
            const seen = visibleBox(target.center, target.zoom, screen, target.pitch);
            expect(covered(seen, tiers.details), `${at}, detail`).toBe(true);
          }
        }
  });
});

describe('New Zealand, whose islands reach past 180°', () => {
  const pacific = stories[1];
  const basemap = JSON.parse(pacific?.basemap ?? '{}') as FeatureCollection;
  it.each([0, 1, 2])('is drawn in tier %i of the Pacific story', (detail) => {
    const nz = basemap.features.filter((f) => f.properties?.iso === '554' && f.properties?.detail === detail);
    expect(nz.length).toBeGreaterThan(0);
  });
});
