/** How the page words a place and an event for readers and screen readers. */
import type { Place, StoryEvent } from './model.ts';
import { formatWhen } from './when.ts';

/** "Port-au-Prince", or "Dominican Republic (the source names no city)". */
export function describePlace(place: Place | undefined): string {
  if (!place) return 'Place not given in the source';
  if (place.precision === 'country') return `${place.name} (country only; the source names no city)`;
  if (place.precision === 'city') return `${place.name} (city)`;
  return place.name;
}

/** The accessible name of a marker or timeline item: title first, so it is found by its title. */
export function eventLabel(event: StoryEvent): string {
  return `${event.title}. ${formatWhen(event.when)}. ${event.place ? event.place.name : 'No place given'}`;
}
