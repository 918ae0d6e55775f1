/**
 * Checks what the schema alone cannot: ids are unique, and every id a story mentions exists.
 * Each problem carries the path of the offending value so the build error can name its line.
 */
import type { StoryFile } from './schema.ts';
import { endOf, parseCalendarDate, startOf } from './dates.ts';
import { closest } from './explain.ts';

export interface Problem {
  path: (string | number)[];
  message: string;
}

type Path = Problem['path'];

/** `; did you mean "patrol"?` when an unknown id looks like a typo of a known one, else nothing. */
function didYouMean(ref: string, known: ReadonlySet<string>): string {
  const ids = [...known];
  const starting = ids.filter((id) => id.startsWith(ref));
  const guess = closest(ref, ids) ?? (starting.length === 1 ? starting[0] : undefined);
  return guess ? `; did you mean "${guess}"?` : '';
}

function duplicates(items: { id: string }[], list: string, kind: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: [list, i, 'id'], message: `${kind} id "${item.id}" is used twice` });
    seen.add(item.id);
  });
  return problems;
}

function checkRangeOrder(when: StoryFile['events'][number]['when'], path: Path): Problem[] {
  if (!('from' in when)) return [];
  const from = parseCalendarDate(when.from);
  const to = parseCalendarDate(when.to);
  if (typeof from === 'string' || typeof to === 'string') return [];
  // `to` is inclusive at its own precision: { from: 2025-03-15, to: 2025-03 } runs to 31 March.
  if (+endOf(to) > +startOf(from)) return [];
  return [{ path: [...path, 'to'], message: `range ends (${to.text}) before it starts (${from.text})` }];
}

type PlaceFile = NonNullable<StoryFile['places']>[number];

/** Whether two places are one spot on the map: the same country, or the same point (180° is -180°). */
function samePlace(a: PlaceFile, b: PlaceFile): boolean {
  if (a.precision === 'country' || b.precision === 'country')
    return a.precision === 'country' && b.precision === 'country' && a.iso === b.iso;
  const [[lngA, latA], [lngB, latB]] = [a.coordinates, b.coordinates];
  const dLng = Math.abs(lngA - lngB) % 360;
  // At a pole every longitude is the same point; elsewhere 1e-6° is about 10 cm.
  return Math.abs(latA - latB) < 1e-6 && (Math.min(dLng, 360 - dLng) < 1e-6 || Math.abs(latA) >= 90);
}

export function checkReferences(story: StoryFile, knownCountries: ReadonlySet<string>): Problem[] {
  const places = story.places ?? [];
  const routes = story.routes ?? [];
  const problems = [
    ...duplicates(story.sources, 'sources', 'source'),
    ...duplicates(places, 'places', 'place'),
    ...duplicates(story.events, 'events', 'event'),
    ...duplicates(routes, 'routes', 'route'),
    ...duplicates(story.steps, 'steps', 'step'),
  ];
  const add = (path: Path, message: string) => problems.push({ path, message });
  const ids = (items: { id: string }[]) => new Set(items.map((item) => item.id));
  const sourceIds = ids(story.sources);
  const placeIds = ids(places);
  const eventIds = ids(story.events);
  const routeIds = ids(routes);

  if (!sourceIds.has(story.basedOn))
    add(['basedOn'], `basedOn names unknown source "${story.basedOn}"${didYouMean(story.basedOn, sourceIds)}`);
  places.forEach((place, i) => {
    if (place.precision === 'country' && !knownCountries.has(place.iso))
      add(['places', i, 'iso'], `the basemap has no country with iso "${place.iso}"`);
  });
  story.events.forEach((event, i) => {
    if (event.where !== undefined && !placeIds.has(event.where))
      add(
        ['events', i, 'where'],
        `event "${event.id}" is at unknown place "${event.where}"${didYouMean(event.where, placeIds)}`,
      );
    if (!sourceIds.has(event.source))
      add(
        ['events', i, 'source'],
        `event "${event.id}" cites unknown source "${event.source}"${didYouMean(event.source, sourceIds)}`,
      );
    problems.push(...checkRangeOrder(event.when, ['events', i, 'when']));
  });
  routes.forEach((route, i) => {
    for (const end of ['from', 'to'] as const)
      if (!placeIds.has(route[end]))
        add(
          ['routes', i, end],
          `route "${route.id}" ${end} unknown place "${route[end]}"${didYouMean(route[end], placeIds)}`,
        );
    const [from, to] = [route.from, route.to].map((id) => places.find((p) => p.id === id));
    if (from && to && samePlace(from, to))
      add(
        ['routes', i, 'to'],
        route.from === route.to
          ? `route "${route.id}" goes from "${route.from}" to itself; a route needs two different places`
          : `route "${route.id}" starts and ends at the same point ("${route.from}" and "${route.to}"); a route needs two different places`,
      );
  });
  story.steps.forEach((step, i) => {
    (step.events ?? []).forEach((ref, j) => {
      if (!eventIds.has(ref))
        add(['steps', i, 'events', j], `step "${step.id}" shows unknown event "${ref}"${didYouMean(ref, eventIds)}`);
    });
    (step.routes ?? []).forEach((ref, j) => {
      if (!routeIds.has(ref))
        add(['steps', i, 'routes', j], `step "${step.id}" shows unknown route "${ref}"${didYouMean(ref, routeIds)}`);
    });
    if (!('fit' in step.camera)) return;
    step.camera.fit.forEach((ref, j) => {
      const event = story.events.find((e) => e.id === ref);
      if (event ? event.where !== undefined : placeIds.has(ref)) return;
      add(
        ['steps', i, 'camera', 'fit', j],
        event
          ? `step "${step.id}" fits event "${ref}", which has no place`
          : `step "${step.id}" fits unknown event or place "${ref}"${didYouMean(ref, new Set([...eventIds, ...placeIds]))}`,
      );
    });
  });
  return problems;
}
