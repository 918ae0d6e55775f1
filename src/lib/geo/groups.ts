/**
 * One marker per place: the events at one place share a marker (five of the Haiti story's happen
 * "somewhere in Haiti"), so a vague place is one honest mark, not a ring of guesses around it.
 * Pure, shared by the live map (map/markers.ts) and the static maps (staticLayers.ts).
 */
import type { Place, StoryEvent } from '../story/model.ts';

export interface PlaceGroup {
  place: Place;
  /** The place's events, in story order. */
  events: StoryEvent[];
}

/** The located events grouped by place, in the order of each place's first event. */
export function groupByPlace(events: readonly StoryEvent[]): PlaceGroup[] {
  const groups = new Map<string, PlaceGroup>();
  for (const event of events) {
    if (!event.place) continue;
    const group = groups.get(event.place.id);
    if (group) group.events.push(event);
    else groups.set(event.place.id, { place: event.place, events: [event] });
  }
  return [...groups.values()];
}

/** The group's events that the step shows, in the step's order (a Set keeps insertion order). */
export function activeIn(group: PlaceGroup, active: ReadonlySet<string>): StoryEvent[] {
  return [...active].flatMap((id) => group.events.filter((e) => e.id === id));
}

/** The event a marker is named after: the step's first event there, else the place's first. */
export function leadEvent(group: PlaceGroup, active: ReadonlySet<string>): StoryEvent {
  return activeIn(group, active)[0] ?? (group.events[0] as StoryEvent);
}

/** The marker's label on the map: the lead event's own short label, else the place's name. */
export function markerText(group: PlaceGroup, active: ReadonlySet<string>): string {
  return leadEvent(group, active).label ?? group.place.name;
}
