/**
 * Events the timeline draws dashed because the map does: an event at the end of a planned route
 * that a step shows with it (the delegation that is to travel to Washington). Targets and events
 * after the source's date are dashed by their dates (`isFuture`).
 */
import type { Story } from '../story/model.ts';

export function plannedEvents(story: Pick<Story, 'events' | 'routes' | 'steps'>): Set<string> {
  const planned = new Set<string>();
  for (const step of story.steps) {
    const routes = story.routes.filter((r) => r.planned && step.routes.includes(r.id));
    for (const e of story.events)
      if (step.events.includes(e.id) && routes.some((r) => r.to.id === e.place?.id)) planned.add(e.id);
  }
  return planned;
}
