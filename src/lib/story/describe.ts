/**
 * How the page words a place and an event for readers and screen readers, in the language of its
 * own words (`lang`, English by default). Story text set into these sentences is isolated
 * (`isolate.ts`), so it cannot reorder the words around it.
 */
import type { Place, StoryEvent } from './model.ts';
import { formatWhen } from './when.ts';
import { isolate } from './isolate.ts';
import { CATALOGUE, type Lang } from '../i18n/messages.ts';

/** What the page says after a place's name: " (city)", or that the source names no city. */
export function placeNote(place: Place, lang: Lang = 'en'): string {
  if (place.precision === 'country') return CATALOGUE[lang].placeCountry;
  if (place.precision === 'city') return CATALOGUE[lang].placeCity;
  return '';
}

/** "Port-au-Prince (city)", or "Dominican Republic (country only; the source names no city)". */
export function describePlace(place: Place | undefined, lang: Lang = 'en'): string {
  if (!place) return CATALOGUE[lang].placeNotGiven;
  return isolate(place.name) + placeNote(place, lang);
}

/** The accessible name of a marker or timeline item: title first, so it is found by its title. */
export function eventLabel(event: StoryEvent, lang: Lang = 'en'): string {
  const place = event.place ? isolate(event.place.name) : CATALOGUE[lang].noPlace;
  return `${isolate(event.title)}. ${formatWhen(event.when, lang)}. ${place}`;
}

/**
 * A shared marker's accessible name: its lead event's label, and how many more events the place
 * holds ("…, and 2 more events at Haiti").
 */
export function markerLabel(lead: StoryEvent, more: number, place: Place, lang: Lang = 'en'): string {
  const name = eventLabel(lead, lang);
  return more === 0 ? name : CATALOGUE[lang].moreEventsAt(name, more, isolate(place.name));
}

/**
 * What the map shows for a step, in words, for the map region's label: screen-reader users hear
 * this when the step changes instead of seeing the map move.
 */
export function describeStep(
  story: { steps: { id: string; title?: string }[]; events: StoryEvent[]; routes: { id: string; label: string }[] },
  step: { id: string; title?: string; events: string[]; routes: string[] },
  lang: Lang = 'en',
): string {
  const m = CATALOGUE[lang];
  const number = story.steps.findIndex((s) => s.id === step.id) + 1;
  const places = story.events
    .filter((e) => step.events.includes(e.id) && e.place)
    .map((e) => isolate(e.place?.name ?? '') + (e.place?.precision === 'country' ? m.countryOnly : ''));
  const routes = story.routes.filter((r) => step.routes.includes(r.id)).map((r) => isolate(r.label));
  const shows = [...new Set(places)];
  const parts = [m.mapRegion(number, story.steps.length, step.title ? isolate(step.title) : undefined)];
  if (shows.length > 0) parts.push(m.mapShows(shows.join(', ')));
  if (routes.length > 0) parts.push(m.mapRoutes(routes.join('; ')));
  return parts.join(' ');
}
