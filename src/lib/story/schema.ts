/**
 * The schema of a story file, as authors write it (YAML or JSON). Messages are written for the
 * graphics reporter who will read them in a build error, so they say what is wrong in their terms.
 * Cross-references (a step naming an unknown event) are checked in `references.ts`.
 */
import { z } from 'zod';
import { parseCalendarDate } from './dates.ts';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes, e.g. "first-fatality"');

const text = z.string().trim().min(1, 'must not be empty');

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

const note = text.optional();
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
    z.strictObject({ id, name: text, precision: z.literal('point'), coordinates, country: text.optional() }),
    z.strictObject({ id, name: text, precision: z.literal('city'), coordinates, country: text.optional() }),
    z.strictObject({
      id,
      name: text,
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
  name: text,
  title: text.optional(),
  date: calendarDate,
  url: httpUrl.optional(),
});

export const quoteSchema = z.strictObject({ text, who: text });

export const eventSchema = z.strictObject({
  id,
  title: text,
  when: whenSchema,
  /** A place id; omit it when the source gives no place at all. */
  where: id.optional(),
  what: text,
  quotes: z.array(quoteSchema).optional(),
  source: id,
});

export const routeSchema = z.strictObject({
  id,
  from: id,
  to: id,
  kind: z.enum(['deployment', 'evacuation', 'travel']),
  label: text,
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
  title: text.optional(),
  text,
  events: z.array(id).optional(),
  routes: z.array(id).optional(),
  camera: cameraSchema,
});

export const storySchema = z.strictObject({
  title: text,
  summary: text,
  credit: text,
  /** The id of the source this story retells; its date is the story's "today". */
  basedOn: id,
  mapCredit: text,
  sources: z.array(sourceSchema).min(1),
  places: z.array(placeSchema).optional(),
  events: z.array(eventSchema).min(1),
  routes: z.array(routeSchema).optional(),
  steps: z.array(stepSchema).min(1),
});

export type StoryFile = z.infer<typeof storySchema>;
export type PlaceFile = z.infer<typeof placeSchema>;
export type CameraFile = z.infer<typeof cameraSchema>;
