import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { stepView } from '../../src/lib/story/view.ts';
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
    const view = stepView(story, indexOf('evacuation'), 0.25, false);
    expect(view.step.id).toBe('evacuation');
    expect([...view.activeEvents]).toEqual(['evacuation']);
    expect(view.countries).toEqual(['214']);
    expect(view.routes).toEqual([{ id: 'evacuation', fraction: routeFraction(0.25, false) }]);
  });

  it.each([
    { progress: 0, reducedMotion: false },
    { progress: 0.1, reducedMotion: false },
    { progress: 0.75, reducedMotion: false },
    { progress: 0, reducedMotion: true },
  ])('grows the route with the scroll (progress $progress, reduced motion $reducedMotion)', (row) => {
    const [route] = stepView(story, indexOf('evacuation'), row.progress, row.reducedMotion).routes;
    expect(route?.fraction).toBe(routeFraction(row.progress, row.reducedMotion));
  });

  it('outlines Haiti once even when two of its events are shown', () => {
    const view = stepView(story, indexOf('losses'), 0, false);
    expect([...view.activeEvents]).toEqual(['first-fatality', 'officer-missing']);
    expect(view.countries).toEqual(['332']);
  });

  it('outlines no country for an event in a city', () => {
    const view = stepView(story, indexOf('injuries'), 0, false);
    expect(view.countries).toEqual([]);
    expect(view.routes).toEqual([]);
  });

  it.each([
    { name: 'before the first step', index: -3, expected: 'intro' },
    { name: 'past the last step', index: 99, expected: 'outlook' },
    { name: 'the second step', index: 1, expected: 'gangs' },
  ])('clamps an index $name to a real step', ({ index, expected }) => {
    expect(stepView(story, index, 0, false).step.id).toBe(expected);
  });

  it('gives the same picture however the reader arrived at a step', () => {
    const direct = stepView(story, 6, 0.4, false);
    stepView(story, 2, 1, false);
    expect(stepView(story, 6, 0.4, false)).toEqual(direct);
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
