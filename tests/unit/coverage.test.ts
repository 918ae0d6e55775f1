/**
 * Every country draws at every zoom a step shows: the regional and detailed tiers of the basemap
 * cover all that any step's camera can show at their zooms, on every screen the kit frames for.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { coverage, SCREENS, subtractBox, visibleBox } from '../../src/lib/geo/coverage.ts';
import { cameraTarget } from '../../src/lib/geo/camera.ts';
import { extremeFrames, framePadding } from '../../src/lib/geo/freeArea.ts';
import { DETAIL_ZOOM, REGION_ZOOM } from '../../src/lib/geo/basemap.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';
import { flightFrames } from '../../src/lib/geo/flight.ts';
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

/**
 * Whether every point of `box`, on a grid of 9 × 9, lies in one of `boxes`: the detailed tier's
 * boxes and the strips around them where only flights pass, which a view can straddle.
 */
const reached = (box: BBox, boxes: BBox[]) => {
  const steps = Array.from({ length: 9 }, (_, i) => i / 8);
  return steps.every((x) =>
    steps.every((y) =>
      boxes.some((b) => containsPoint(b, [box[0] + (box[2] - box[0]) * x, box[1] + (box[3] - box[1]) * y])),
    ),
  );
};

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

  // Steps far apart are a cut (flight.ts): none of the Haiti fixture's flights out of Port-au-Prince
  // to the wide views are checked here, only those MapLibre draws frame by frame.
  it('has land in the detailed tier wherever a flight between two steps shows it, on every screen', () => {
    let seenFrames = 0;
    for (const screen of SCREENS)
      for (const padding of [...extremeFrames(screen), ...phoneFrames(screen)]) {
        const targets = story.steps.map((step) => cameraTarget(step.camera, screen, padding));
        for (const [a, from] of targets.entries())
          for (const [b, to] of targets.entries()) {
            // A flight is never closer than its closer end.
            if (a === b || Math.max(from.zoom, to.zoom) < DETAIL_ZOOM) continue;
            for (const frame of flightFrames(from, to, screen)) {
              if (frame.zoom < DETAIL_ZOOM) continue;
              seenFrames++;
              const seen = visibleBox(frame.center, frame.zoom, screen, Math.max(from.pitch, to.pitch));
              const at = `${story.steps[a]?.id} → ${story.steps[b]?.id} at ${screen.width}x${screen.height}`;
              expect(reached(seen, [...tiers.details, ...tiers.passes]), `${at}, zoom ${frame.zoom.toFixed(2)}`).toBe(
                true,
              );
            }
          }
      }
    expect(seenFrames, 'frames of flights at the detailed zooms').toBeGreaterThan(100);
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

describe('subtractBox', () => {
  const area = (boxes: BBox[]) => boxes.reduce((sum, [w, s, e, n]) => sum + (e - w) * (n - s), 0);

  it('leaves the strips around a hole inside the box, and nothing of the hole', () => {
    const parts = subtractBox([0, 0, 10, 10], [4, 4, 6, 6]);
    expect(area(parts)).toBeCloseTo(100 - 4, 9);
    expect(parts.some((b) => containsPoint(b, [5, 5]))).toBe(false);
    for (const point of [
      [1, 1],
      [5, 1],
      [5, 9],
      [9, 5],
    ] as const)
      expect(
        parts.some((b) => containsPoint(b, [...point])),
        `${point}`,
      ).toBe(true);
  });

  it('keeps a box the hole misses, and drops one the hole covers', () => {
    expect(subtractBox([0, 0, 10, 10], [20, 0, 30, 10])).toEqual([[0, 0, 10, 10]]);
    expect(subtractBox([4, 4, 6, 6], [0, 0, 10, 10])).toEqual([]);
  });

  it('finds the hole across 180°', () => {
    // A box over Fiji and Tonga, written past 180, and a hole written at -178…-176.
    const parts = subtractBox([175, -25, 185, -15], [-178, -22, -176, -18]);
    expect(area(parts)).toBeCloseTo(100 - 8, 9);
    expect(parts.some((b) => containsPoint(b, [-177, -20]))).toBe(false);
    expect(parts.some((b) => containsPoint(b, [178, -20]))).toBe(true);
  });
});
