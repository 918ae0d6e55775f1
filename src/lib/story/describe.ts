/**
 * How the page words a place and an event for readers and screen readers. Story text set into
 * these sentences is isolated (`isolate.ts`), so it cannot reorder the words around it.
 */
import type { Place, StoryEvent } from './model.ts';
import { formatWhen } from './when.ts';
import { isolate } from './isolate.ts';

/** What the page says after a place's name: " (city)", or that the source names no city. */
export function placeNote(place: Place): string {
  if (place.precision === 'country') return ' (country only; the source names no city)';
  if (place.precision === 'city') return ' (city)';
  return '';
}

/** "Port-au-Prince (city)", or "Dominican Republic (country only; the source names no city)". */
export function describePlace(place: Place | undefined): string {
  if (!place) return 'Place not given in the source';
  return isolate(place.name) + placeNote(place);
}

/** The accessible name of a marker or timeline item: title first, so it is found by its title. */
export function eventLabel(event: StoryEvent): string {
  return `${isolate(event.title)}. ${formatWhen(event.when)}. ${event.place ? isolate(event.place.name) : 'No place given'}`;
}

/**
 * What the map shows for a step, in words, for the map region's label: screen-reader users hear
 * this when the step changes instead of seeing the map move.
 */
export function describeStep(
  story: { steps: { id: string; title?: string }[]; events: StoryEvent[]; routes: { id: string; label: string }[] },
  step: { id: string; title?: string; events: string[]; routes: string[] },
): string {
  const number = story.steps.findIndex((s) => s.id === step.id) + 1;
  const places = story.events
    .filter((e) => step.events.includes(e.id) && e.place)
    .map((e) => isolate(e.place?.name ?? '') + (e.place?.precision === 'country' ? ' (country only)' : ''));
  const routes = story.routes.filter((r) => step.routes.includes(r.id)).map((r) => isolate(r.label));
  const shows = [...new Set(places)];
  const parts = [`Map, step ${number} of ${story.steps.length}${step.title ? `: ${isolate(step.title)}` : ''}.`];
  if (shows.length > 0) parts.push(`Shows ${shows.join(', ')}.`);
  if (routes.length > 0) parts.push(`Route: ${routes.join('; ')}.`);
  return parts.join(' ');
}
