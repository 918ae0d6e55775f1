/**
 * The story as the page uses it: validated, ids resolved, dates parsed, country places given
 * their anchor and outline box from the basemap. It is plain JSON, so the build can inline it into
 * each page and the browser never re-validates.
 *
 * Each `…html` field is the prose beside it rendered from the story's Markdown (`markup.ts`) at
 * build time and sanitized: safe to insert as HTML. The plain fields stay for text-only uses
 * (labels, meta descriptions).
 */
import type { CalendarDate } from './dates.ts';
import type { When } from './when.ts';

export type LngLat = [number, number];
/** [west, south, east, north] */
export type BBox = [number, number, number, number];

export interface Place {
  id: string;
  name: string;
  precision: 'point' | 'city' | 'country';
  /** For a point or city, where it is; for a country, only an anchor to hang its marker on. */
  coordinates: LngLat;
  bbox: BBox;
  /** ISO 3166-1 numeric code of a country-level place, to highlight its outline. */
  iso?: string;
}

export interface Source {
  id: string;
  name: string;
  title?: string;
  date: CalendarDate;
  url?: string;
}

export interface Quote {
  text: string;
  /** `text` as inline HTML (em, strong, a). */
  html: string;
  who: string;
}

/**
 * An image beside the story file, published at several widths in AVIF, WebP and JPEG
 * (src/build/images.ts). `width` and `height` are the largest size's: set on the `<img>`, they
 * reserve its space before it loads, so nothing below it moves.
 */
export interface Picture {
  alt: string;
  credit: string;
  caption?: string;
  width: number;
  height: number;
  /** Smallest first. Addresses from the site's root in the build, from the page in its data. */
  sizes: { width: number; height: number; files: { avif: string; webp: string; jpeg: string } }[];
}

export interface StoryEvent {
  id: string;
  title: string;
  /** Short text labelling its marker on the map (else the place's name labels it). */
  label?: string;
  when: When;
  /** Absent when the source gives no place; such an event has no marker. */
  place?: Place;
  what: string;
  /** `what` as HTML paragraphs. */
  whatHtml: string;
  quotes: Quote[];
  source: Source;
  image?: Picture;
}

export interface Route {
  id: string;
  from: Place;
  to: Place;
  kind: 'deployment' | 'evacuation' | 'travel';
  label: string;
  planned: boolean;
  /**
   * For a route into a country-only place, the share of its great circle drawn: up to a short way
   * inside the border (geo/routeEnds.ts). Measured by the build against the story's finest
   * basemap, so the page needs no country shapes, and its static and live maps end the line alike.
   */
  reach?: number;
}

export type Camera =
  /** `subject`: the step's marked places and route ends; the camera zooms out to keep them in view. */
  | { kind: 'view'; center: LngLat; zoom: number; bearing: number; pitch: number; subject?: LngLat[] }
  /** `bbox` holds the places to fit and the step's marked places and route ends. */
  | { kind: 'fit'; ids: string[]; bbox: BBox; maxZoom: number };

export interface Step {
  id: string;
  title?: string;
  text: string;
  /** `text` as HTML paragraphs. */
  html: string;
  events: string[];
  routes: string[];
  camera: Camera;
  image?: Picture;
}

export interface Story {
  slug: string;
  /** The story's language, a BCP 47 tag (`en` when the file gives none): the page's `lang`. */
  lang: string;
  /** Which way its text runs, from the language unless the file says: the page's `dir`. */
  dir: 'ltr' | 'rtl';
  title: string;
  summary: string;
  /** `summary` as inline HTML. */
  summaryHtml: string;
  credit: string;
  mapCredit: string;
  /** The source this story retells; its date is "today" for the story. */
  basedOn: Source;
  sources: Source[];
  places: Place[];
  events: StoryEvent[];
  routes: Route[];
  steps: Step[];
}

/** The first step that shows an event: where a click on the timeline takes the reader. */
export function stepOfEvent(story: Story, eventId: string): Step | undefined {
  return story.steps.find((step) => step.events.includes(eventId));
}

export function locatedEvents(story: Story): (StoryEvent & { place: Place })[] {
  return story.events.filter((e): e is StoryEvent & { place: Place } => e.place !== undefined);
}

/** Whether the route's line ends at a country-only place, and so ends in an arrowhead. */
export const endsInCountry = (route: Route) => route.to.precision === 'country';
