/**
 * The ids of the kit's own elements. Each step is an element with `id="<step-id>"` (the page's
 * contract), and story ids are lowercase letters, digits and dashes: every id the kit gives its
 * own elements has an underscore, so no story can name a step `events` or `app` and take over the
 * skip link's target, the mount point or the event dialog's name.
 */
export const PAGE_IDS = {
  /** Where the interactive story mounts (the prerendered steps until then). */
  app: 'storymap_app',
  /** The story, inlined as JSON. */
  data: 'storymap_story-data',
  /** The list of all events: also the skip link's target. */
  events: 'storymap_events',
  eventsTitle: 'storymap_events-title',
  sources: 'storymap_sources',
  embedButton: 'storymap_embed-button',
  embedTitle: 'storymap_embed-title',
  eventTitle: 'storymap_event-title',
  /** The build's list of the code a page loads only later (the live map's), inert until used. */
  lazyCode: 'storymap_lazy-code',
} as const;

/** The event table's row for an event. */
export const eventRowId = (eventId: string) => `storymap_event-${eventId}`;

/** A source's entry in the list of sources: where a source without a web address links to. */
export const sourceEntryId = (sourceId: string) => `storymap_source-${sourceId}`;

/** What `npm run dev` tells an open page when a story file is saved (build/plugin.ts, main.ts). */
export const STORY_UPDATED = 'storymap:story-updated';
