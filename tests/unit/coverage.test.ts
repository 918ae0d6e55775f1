/**
 * Every country draws at every zoom a step shows: the regional and detailed tiers of the basemap
 * cover all that any step's camera can show at their zooms, on every screen the kit frames for.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { coverage, SCREENS, visibleBox } from '../../src/lib/geo/coverage.ts';
import { cameraTarget, framePadding } from '../../src/lib/geo/camera.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from '../../src/lib/geo/basemap.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';
import { isWide } from '../../src/lib/scroll/active.ts';
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

describe.each(stories.map((b) => ({ slug: b.story.slug, built: b })))('the basemap of $slug', ({ built }) => {
  const { story } = built;
  const tiers = coverage(story);

  it('has land in the finer tiers wherever a step shows them, on every screen', () => {
    for (const step of story.steps)
      for (const screen of SCREENS) {
        const target = cameraTarget(step.camera, screen, framePadding(screen, 0, isWide(screen.width, screen.height)));
        if (target.zoom >= REGION_ZOOM) {
          const seen = visibleBox(target.center, target.zoom, screen, target.pitch);
          expect(covered(seen, tiers.region), `${step.id} at ${screen.width}x${screen.height}, regional`).toBe(true);
        }
        if (target.zoom >= DETAIL_ZOOM) {
          const seen = visibleBox(target.center, target.zoom, screen, target.pitch);
          expect(covered(seen, tiers.details), `${step.id} at ${screen.width}x${screen.height}, detail`).toBe(true);
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
