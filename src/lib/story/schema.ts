/**
 * The schema of a story file, as authors write it (YAML or JSON). Messages are written for the
 * graphics reporter who will read them in a build error, so they say what is wrong in their terms.
 * Cross-references (a step naming an unknown event) are checked in `references.ts`.
 */
import { z } from 'zod';
import { parseCalendarDate } from './dates.ts';
import { LIMITS, markupProblems, plainTextProblems } from './markup.ts';

const id = z
  .string()
  .max(80, { error: (i) => `an id is at most 80 characters; this one has ${String(i.input).length}` })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes, e.g. "first-fatality"');

const text = z.string().trim().min(1, 'must not be empty');

/** Each problem `check` finds becomes an issue on the field itself, so its line is the field's. */
const checked = (check: (value: string) => string[]) =>
  text.superRefine((value, ctx) => {
    for (const message of check(value)) ctx.addIssue({ code: 'custom', message });
  });
/** Shown as text: a title, a name, a credit. */
const plain = (limit: number = LIMITS.title) => checked((v) => plainTextProblems(v, limit));
/** Read as prose, with the Markdown of `markup.ts`. */
const prose = (limit: number) => checked((v) => markupProblems(v, limit));

/** A list with a ceiling, so a runaway file fails with a message instead of a frozen page. */
const atMost = <T extends z.ZodType>(item: T, max: number, noun: string) =>
  z.array(item).max(max, {
    error: (i) => `a story has at most ${max} ${noun}; this one has ${(i.input as unknown[]).length}`,
  });

/** A written date: YYYY, YYYY-MM or YYYY-MM-DD (a bare YAML year arrives as a number). */
const calendarDate = z.union([z.string(), z.number().int()]).superRefine((value, ctx) => {
  const parsed = parseCalendarDate(value);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

const longitude = z
  .number()
  .refine((v) => v >= -180 && v <= 180, { error: (i) => `longitude ${i.input} is outside -180..180` });
const latitude = z
  .number()
  .refine((v) => v >= -85 && v <= 85, { error: (i) => `latitude ${i.input} is outside -85..85` });
const coordinates = z.tuple([longitude, latitude], { error: 'write coordinates as [longitude, latitude]' });

const note = plain(LIMITS.summary).optional();
export const whenSchema = z.union(
  [
    z.strictObject({ date: calendarDate, note }),
    z.strictObject({ from: calendarDate, to: calendarDate, note }),
    z.strictObject({ since: calendarDate, note }),
    z.strictObject({ by: calendarDate, note }),
  ],
  { error: 'write when as {date}, {from, to}, {since} or {by}, optionally with a note' },
);

export const placeSchema = z.discriminatedUnion(
  'precision',
  [
    z.strictObject({ id, name: plain(), precision: z.literal('point'), coordinates, country: plain().optional() }),
    z.strictObject({ id, name: plain(), precision: z.literal('city'), coordinates, country: plain().optional() }),
    z.strictObject({
      id,
      name: plain(),
      precision: z.literal('country'),
      /** ISO 3166-1 numeric code, as the bundled Natural Earth basemap names countries. */
      iso: z.string().regex(/^\d{3}$/, 'iso is a three-digit ISO 3166-1 numeric code, e.g. "332"'),
    }),
  ],
  { error: 'precision is one of point, city or country' },
);

const httpUrl = z.string().refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'url must be an http(s) address');

export const sourceSchema = z.strictObject({
  id,
  name: plain(),
  title: plain().optional(),
  date: calendarDate,
  url: httpUrl.optional(),
});

export const quoteSchema = z.strictObject({ text: prose(LIMITS.quote), who: plain() });

export const eventSchema = z.strictObject({
  id,
  title: plain(),
  /** A short name for the event's marker on the map; the place's name is used without one. */
  label: plain().optional(),
  when: whenSchema,
  /** A place id; omit it when the source gives no place at all. */
  where: id.optional(),
  what: prose(LIMITS.text),
  quotes: z.array(quoteSchema).optional(),
  source: id,
});

export const routeSchema = z.strictObject({
  id,
  from: id,
  to: id,
  kind: z.enum(['deployment', 'evacuation', 'travel']),
  label: plain(),
  /** Planned, not yet made: drawn dashed. */
  planned: z.boolean().optional(),
});

const zoom = z.number().refine((v) => v >= 0 && v <= 22, { error: (i) => `zoom ${i.input} is outside 0..22` });
export const cameraSchema = z.union(
  [
    z.strictObject({
      center: coordinates,
      zoom,
      bearing: z.number().min(-180).max(360).optional(),
      pitch: z.number().min(0).max(60).optional(),
    }),
    /** Event ids (their places) or place ids, all kept in view. */
    z.strictObject({ fit: z.array(id).min(1, 'fit needs at least one event or place'), maxZoom: zoom.optional() }),
  ],
  { error: 'camera is {center, zoom, bearing?, pitch?} or {fit: [event or place ids], maxZoom?}' },
);

export const stepSchema = z.strictObject({
  id,
  title: plain().optional(),
  text: prose(LIMITS.text),
  events: z.array(id).optional(),
  routes: z.array(id).optional(),
  camera: cameraSchema,
});

export const storySchema = z.strictObject({
  title: plain(),
  summary: prose(LIMITS.summary),
  credit: plain(LIMITS.summary),
  /** The id of the source this story retells; its date is the story's "today". */
  basedOn: id,
  mapCredit: plain(LIMITS.summary),
  sources: atMost(sourceSchema, 200, 'sources').min(1),
  places: atMost(placeSchema, 500, 'places').optional(),
  events: atMost(eventSchema, 1000, 'events').min(1),
  routes: atMost(routeSchema, 200, 'routes').optional(),
  steps: atMost(stepSchema, 200, 'steps').min(1),
});

export type StoryFile = z.infer<typeof storySchema>;
export type PlaceFile = z.infer<typeof placeSchema>;
export type CameraFile = z.infer<typeof cameraSchema>;
