import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { routeGrowth, stepView } from '../../src/lib/story/view.ts';
import { stepOfEvent } from '../../src/lib/story/model.ts';
import { routeFraction } from '../../src/lib/scroll/active.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { story } = buildStory(`${root}tests/fixtures/site/mss-haiti.yaml`, root);
const indexOf = (id: string) => {
  const index = story.steps.findIndex((s) => s.id === id);
  if (index < 0) throw new Error(`the story has no step "${id}"`);
  return index;
};

describe('stepView on the MSS Haiti story', () => {
  it('shows the evacuation: its event, the Dominican Republic and the route', () => {
    const view = stepView(story, indexOf('evacuation'));
    expect(view.step.id).toBe('evacuation');
    expect([...view.activeEvents]).toEqual(['evacuation']);
    expect(view.countries).toEqual(['214']);
    expect(view.routes).toEqual(['evacuation']);
  });

  it.each([
    { progress: 0, reducedMotion: false },
    { progress: 0.1, reducedMotion: false },
    { progress: 0.75, reducedMotion: false },
    { progress: 0, reducedMotion: true },
  ])('grows the route with the scroll (progress $progress, reduced motion $reducedMotion)', (row) => {
    const { step } = stepView(story, indexOf('evacuation'));
    expect(routeGrowth(step, row.progress, 0.5, row.reducedMotion)).toBe(
      routeFraction(row.progress, 0.5, row.reducedMotion),
    );
  });

  it('keeps a step without a route constant through the scroll, so nothing redraws', () => {
    const { step } = stepView(story, indexOf('injuries'));
    const growths = new Set([0, 0.2, 0.5, 0.9].map((p) => routeGrowth(step, p, 0.5, false)));
    expect([...growths]).toEqual([1]);
  });

  it('does not grow the route before the reader scrolls into the step', () => {
    const { step } = stepView(story, indexOf('evacuation'));
    expect(routeGrowth(step, 0, 0.5, false)).toBe(0);
    expect(routeGrowth(step, 0.25, 0.5, false)).toBeGreaterThan(0);
    expect(routeGrowth(step, 0.25, 0.5, false)).toBeLessThan(1);
  });

  it('outlines Haiti once even when two of its events are shown', () => {
    const view = stepView(story, indexOf('losses'));
    expect([...view.activeEvents]).toEqual(['first-fatality', 'officer-missing']);
    expect(view.countries).toEqual(['332']);
  });

  it('outlines no country for an event in a city', () => {
    const view = stepView(story, indexOf('injuries'));
    expect(view.countries).toEqual([]);
    expect(view.routes).toEqual([]);
  });

  it.each([
    { name: 'before the first step', index: -3, expected: 'intro' },
    { name: 'past the last step', index: 99, expected: 'outlook' },
    { name: 'the second step', index: 1, expected: 'gangs' },
  ])('clamps an index $name to a real step', ({ index, expected }) => {
    expect(stepView(story, index).step.id).toBe(expected);
  });

  it('gives the same picture however the reader arrived at a step', () => {
    const direct = stepView(story, 6);
    stepView(story, 2);
    expect(stepView(story, 6)).toEqual(direct);
  });
});

describe('stepOfEvent', () => {
  it.each([
    { event: 'election-target', expected: 'mission' },
    { event: 'evacuation', expected: 'evacuation' },
    { event: 'mission-today', expected: 'intro' },
  ])('takes a click on $event to step $expected', ({ event, expected }) => {
    expect(stepOfEvent(story, event)?.id).toBe(expected);
  });

  it('finds no step for an unknown event', () => {
    expect(stepOfEvent(story, 'nope')).toBeUndefined();
  });
});
