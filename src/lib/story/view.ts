/**
 * The whole state of the page for one step: what the map, markers and timeline show. Everything
 * visible derives from this, never from the previous step, so any way of arriving at a step
 * (slow or fast scroll, reload, deep link, back button) gives the same picture.
 */
import type { Story, Step } from './model.ts';
import { routeFraction } from '../scroll/active.ts';

export interface StepView {
  step: Step;
  /** Events the step is about: their markers and timeline items stand out. */
  activeEvents: ReadonlySet<string>;
  /** Routes drawn, with how much of each is drawn (0..1). */
  routes: { id: string; fraction: number }[];
  /** Country-level places of the active events: drawn as the country's shape, not as a pin. */
  countries: string[];
}

export function stepView(story: Story, index: number, progress: number, reducedMotion: boolean): StepView {
  const step = story.steps[Math.min(Math.max(0, index), story.steps.length - 1)];
  if (!step) throw new Error('a story has at least one step');
  const activeEvents = new Set(step.events);
  const countries = story.events
    .filter((e) => activeEvents.has(e.id) && e.place?.precision === 'country' && e.place.iso)
    .map((e) => e.place?.iso as string);
  return {
    step,
    activeEvents,
    routes: step.routes.map((id) => ({ id, fraction: routeFraction(progress, reducedMotion) })),
    countries: [...new Set(countries)],
  };
}
