/**
 * The whole state of the page for one step: what the map, markers and timeline show. Everything
 * visible derives from this, never from the previous step, so any way of arriving at a step
 * (slow or fast scroll, reload, deep link, back button) gives the same picture.
 *
 * It depends on the step alone, not on how far the reader has scrolled through it: scrolling
 * happens every frame, and a state rebuilt every frame would redraw the timeline, the markers and
 * the map's sources as often. Only a route grows with the scroll (`routeGrowth`), and only in a
 * step that has one.
 */
import type { Story, Step } from './model.ts';
import { routeFraction } from '../scroll/active.ts';

export interface StepView {
  step: Step;
  /** Events the step is about: their markers and timeline items stand out. */
  activeEvents: ReadonlySet<string>;
  /** Routes drawn in this step (how much of them: `routeGrowth`). */
  routes: readonly string[];
  /** Country-level places of the active events: drawn as the country's shape, not as a pin. */
  countries: string[];
}

export function stepView(story: Story, index: number): StepView {
  const step = story.steps[Math.min(Math.max(0, index), story.steps.length - 1)];
  if (!step) throw new Error('a story has at least one step');
  const activeEvents = new Set(step.events);
  const countries = story.events
    .filter((e) => activeEvents.has(e.id) && e.place?.precision === 'country' && e.place.iso)
    .map((e) => e.place?.iso as string);
  return { step, activeEvents, routes: step.routes, countries: [...new Set(countries)] };
}

/**
 * How much of the step's routes is drawn (0..1) at this scroll progress, whole by the step's
 * reading position (`reading`, its progress there). A step without a route gets a constant, so
 * scrolling through it changes nothing downstream.
 */
export function routeGrowth(step: Step, progress: number, reading: number, reducedMotion: boolean): number {
  return step.routes.length ? routeFraction(progress, reading, reducedMotion) : 1;
}
