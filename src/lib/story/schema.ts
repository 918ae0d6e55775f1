/**
 * The schema of a story file, as authors write it (YAML or JSON). Messages are written for the
 * graphics reporter who will read them in a build error, so they say what is wrong in their terms;
 * zod's own wording is reworded in `explain.ts`. Cross-references (a step naming an unknown
 * event) are checked in `references.ts`. Every field is described: the descriptions become the
 * JSON Schema editors complete stories with (`npm run json-schema` writes data/story.schema.json).
 */
import { z } from 'zod';
import { parseCalendarDate } from './dates.ts';
import { LIMITS, markupProblems, plainTextProblems, RAW_HTML_MESSAGE } from './markup.ts';
import { imagePathProblem } from './imagePath.ts';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const id = z
  .string()
  .max(80, { error: (i) => `an id is at most 80 characters; this one has ${String(i.input).length}` })
  .regex(ID_PATTERN, 'ids are lowercase letters, digits and dashes, e.g. "first-fatality"');
/** An id naming something else in the story. */
const ref = (what: string) => id.describe(`The id of ${what}.`);

const text = z.string().trim().min(1, 'must not be empty');

/**
 * Where in the text a problem is, so the error names its line inside multi-line prose: the raw
 * HTML or the link address it is about.
 */
function needleOf(value: string, message: string): string | undefined {
  if (message === RAW_HTML_MESSAGE) return /<[a-z!?/][^\s<>]*/i.exec(value)?.[0];
  return /^link "([^"\s]+)/.exec(message)?.[1];
}

/** Each problem `check` finds becomes an issue on the field itself, so its line is the field's. */
const checked = (check: (value: string) => string[], limit: number) =>
  text
    .superRefine((value, ctx) => {
      for (const message of check(value))
        ctx.addIssue({ code: 'custom', message, params: { needle: needleOf(value, message) } });
    })
    .meta({ maxLength: limit });
/** Shown as text: a title, a name, a credit. */
const plain = (description: string, limit: number = LIMITS.title) =>
  checked((v) => plainTextProblems(v, limit), limit).describe(
    `${description} Plain text, at most ${limit} characters.`,
  );
/** Read as prose, with the Markdown of `markup.ts`. */
const prose = (description: string, limit: number) =>
  checked((v) => markupProblems(v, limit), limit).describe(
    `${description} At most ${limit} characters; *emphasis*, **strong** and [links](https://…) are allowed, raw HTML is not.`,
  );

/** A list with a ceiling, so a runaway file fails with a message instead of a frozen page. */
const atMost = <T extends z.ZodType>(item: T, max: number, noun: string) =>
  z.array(item).max(max, {
    error: (i) => `a story has at most ${max} ${noun}; this one has ${(i.input as unknown[]).length}`,
  });

/** A written date: YYYY, YYYY-MM or YYYY-MM-DD (a bare YAML year arrives as a number). */
const calendarDate = z
  .union([z.string(), z.number().int()])
  .superRefine((value, ctx) => {
    const parsed = parseCalendarDate(value);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  })
  .meta({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
const date = (description: string) =>
  calendarDate.describe(`${description} YYYY, YYYY-MM or YYYY-MM-DD: the precision the source gives.`);

/** A number within bounds, with a message that names the field and the bounds. */
const between = (name: string, min: number, max: number) => {
  const error = (i: { input: unknown }) => `${name} ${String(i.input)} is outside ${min}..${max}`;
  return z.number().gte(min, { error }).lte(max, { error });
};
const longitude = between('longitude', -180, 180).describe('Longitude, -180 to 180 (east is positive).');
const latitude = between('latitude', -85, 85).describe('Latitude, -85 to 85 (north is positive).');
const coordinates = z
  .tuple([longitude, latitude], { error: 'write coordinates as [longitude, latitude]' })
  .describe('[longitude, latitude], in that order, e.g. [-72.3388, 18.5392].');

const note = plain('Where the dates come from, or what they leave open.', LIMITS.summary).optional();
export const whenSchema = z
  .union(
    [
      z.strictObject({ date: date('The day, month or year it happened.'), note }),
      z.strictObject({ from: date('The start of the range.'), to: date('The end of the range (inclusive).'), note }),
      z.strictObject({ since: date('Ongoing since this date, until the source’s date.'), note }),
      z.strictObject({ by: date('A target: by this date.'), note }),
    ],
    { error: 'write when as {date}, {from, to}, {since} or {by}, optionally with a note' },
  )
  .describe('When it happened, as precisely as the source says: {date}, {from, to}, {since} or {by}.');

const placeId = id.describe('A unique id for the place, e.g. "port-au-prince".');
const placeName = plain('The place’s name as the reader sees it.');
const country = plain('The country the place is in, if worth saying.').optional();
export const placeSchema = z
  .discriminatedUnion(
    'precision',
    [
      z.strictObject({
        id: placeId,
        name: placeName,
        precision: z.literal('point').describe('point: an exact spot (a building, a crossing).'),
        coordinates,
        country,
      }),
      z.strictObject({
        id: placeId,
        name: placeName,
        precision: z.literal('city').describe('city: a town or city, drawn as a pin.'),
        coordinates,
        country,
      }),
      z.strictObject({
        id: placeId,
        name: placeName,
        precision: z
          .literal('country')
          .describe('country: the source names only the country; the map outlines it, never a pin.'),
        /** ISO 3166-1 numeric code, as the bundled Natural Earth basemap names countries. */
        iso: z
          .string()
          .regex(/^\d{3}$/, 'iso is a three-digit ISO 3166-1 numeric code, e.g. "332"')
          .describe("The ISO 3166-1 numeric code, in quotes, e.g. '332' for Haiti."),
      }),
    ],
    { error: 'precision is one of point, city or country' },
  )
  .describe('A place the story names: point, city or country.');

const httpUrl = z
  .string()
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'url must be an http(s) address')
  .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

export const sourceSchema = z
  .strictObject({
    id: id.describe('A unique id for the source, e.g. "reuters-2025-04-03".'),
    name: plain('Who published it, e.g. Reuters.'),
    title: plain('The headline of the article.').optional(),
    date: date('When it was published.'),
    url: httpUrl.describe('The article’s address (http or https).').optional(),
  })
  .describe('A published source the story’s facts come from.');

export const quoteSchema = z
  .strictObject({
    text: prose('The words quoted, as published.', LIMITS.quote),
    who: plain('Who said it, e.g. "Jack Ombaka, MSS spokesperson".'),
  })
  .describe('A quotation, as the source gives it.');

/**
 * Plain text that must be given, with `empty` as the message for a value that is empty or only
 * spaces: the field's own reason to exist, where "must not be empty" would not say why.
 */
const required = (empty: string, description: string, limit: number = LIMITS.title) => {
  const field = plain(description, limit);
  return z
    .string()
    .superRefine((value, ctx) => {
      if (value.trim() === '') ctx.addIssue({ code: 'custom', message: empty, abort: true });
    })
    .pipe(field)
    .describe(field.description ?? description)
    .meta({ minLength: 1, maxLength: limit });
};

/** A picture beside the story file; the build checks the file and makes its sizes (src/build/images.ts). */
export const imageSchema = z
  .strictObject({
    src: text
      .superRefine((value, ctx) => {
        const problem = imagePathProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      // For editors: no scheme, no leading slash, no backslash, no `..` (imagePath.ts has the reasons).
      .meta({ pattern: '^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)(?!(?:.*/)?\\.\\.(?:/|$))[^\\\\]+$' })
      .describe(
        'The image file, relative to the story file, e.g. harbour.jpg or images/harbour.jpg: a JPEG, PNG, WebP, AVIF or GIF in the stories folder, never an address.',
      ),
    alt: required(
      'an image needs alt text: say what it shows, for readers who cannot see it',
      'What the image shows, for readers who cannot see it.',
      LIMITS.summary,
    ),
    credit: required(
      'an image needs a credit: who made it, e.g. "A. Photographer / Agency"',
      'Who made the image, e.g. "A. Photographer / Agency".',
    ),
    caption: plain('A line under the image.', LIMITS.summary).optional(),
  })
  .describe('An image shown with the step or event: a file beside the story, with alt text and a credit.');

export const eventSchema = z
  .strictObject({
    id: id.describe('A unique id for the event; steps name it in `events` and `fit`.'),
    title: plain('What happened, in a line.'),
    /** A short name for the event's marker on the map; the place's name is used without one. */
    label: plain('A short label for its marker on the map (else the place’s name).').optional(),
    when: whenSchema,
    /** A place id; omit it when the source gives no place at all. */
    where: ref('the place it happened; leave it out if the source gives no place').optional(),
    what: prose('What happened, as the source tells it.', LIMITS.text),
    quotes: z.array(quoteSchema).optional().describe('Quotations about the event.'),
    source: ref('the source that reports it'),
    image: imageSchema.optional(),
  })
  .describe('Something that happened, at a place and a time, from a source.');

export const routeSchema = z
  .strictObject({
    id: id.describe('A unique id for the route; steps name it in `routes`.'),
    from: ref('the place it starts from'),
    to: ref('the place it goes to (a different place)'),
    kind: z
      .enum(['deployment', 'evacuation', 'travel'])
      .describe('What moved: deployment, evacuation or travel (sets its colour).'),
    label: plain('What the route is, for the map key and screen readers.'),
    /** Planned, not yet made: drawn dashed. */
    planned: z.boolean().optional().describe('true if it is planned, not yet made: drawn dashed.'),
  })
  .describe('A movement between two places, drawn as a great circle.');

const zoom = between('zoom', 0, 22).describe('Zoom level, 0 (the world) to 22 (a building).');
export const cameraSchema = z
  .union(
    [
      z.strictObject({
        center: coordinates.describe('The centre of the view, [longitude, latitude].'),
        zoom,
        bearing: between('bearing', -180, 360).optional().describe('Rotation in degrees; 0 is north up.'),
        pitch: between('pitch', 0, 60).optional().describe('Tilt in degrees, 0 to 60.'),
      }),
      /** Event ids (their places) or place ids, all kept in view. */
      z.strictObject({
        fit: z
          .array(id)
          .min(1, 'fit needs at least one event or place')
          .describe('Event or place ids to keep in view, e.g. [port-au-prince, haiti].'),
        maxZoom: zoom.optional().describe('Zoom in no closer than this.'),
      }),
    ],
    { error: 'camera is {center, zoom, bearing?, pitch?} or {fit: [event or place ids], maxZoom?}' },
  )
  .describe('What the map shows: {fit: [ids]} or {center: [lng, lat], zoom}.');

export const stepSchema = z
  .strictObject({
    id: id.describe('A unique id for the step; also its deep link (…/#id).'),
    title: plain('A heading for the step’s card.').optional(),
    text: prose('The step’s text; a blank line starts a new paragraph.', LIMITS.text),
    events: z.array(id).optional().describe('Ids of the events this step shows.'),
    routes: z.array(id).optional().describe('Ids of the routes this step draws.'),
    camera: cameraSchema,
    image: imageSchema.optional(),
  })
  .describe('One card of the story, and what the map shows while it is read.');

/** A BCP 47 language tag, as `<html lang>` takes it: `en`, `fr`, `ht`, `pt-BR`, `ar`, `zh-Hant`. */
const LANG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const langSchema = z
  .string()
  .regex(LANG_PATTERN, 'a language is a BCP 47 tag such as "en", "fr", "ht" or "pt-BR"')
  .describe(
    'The story’s language, a BCP 47 tag: en (the default), fr, ht (Haitian Creole), or any other, e.g. ar. The page’s own words (buttons, labels, the map key) are in English, French or Haitian Creole; another language gets them in English.',
  );

export const storySchema = z
  .strictObject({
    lang: langSchema.optional(),
    dir: z
      .enum(['ltr', 'rtl'])
      .optional()
      .describe(
        'Which way the story’s text runs: ltr or rtl. Leave it out to follow the language (ar, he, fa and ur are rtl).',
      ),
    title: plain('The page’s title.'),
    summary: prose('A sentence or two under the title.', LIMITS.summary),
    credit: plain('Who made the story, e.g. "Graphics: A. Reporter".', LIMITS.summary),
    /** The id of the source this story retells; its date is the story's "today". */
    basedOn: ref('the source this story retells; its date is the story’s "today"'),
    mapCredit: plain('Credit for the map data, e.g. "Natural Earth (public domain)".', LIMITS.summary),
    sources: atMost(sourceSchema, 200, 'sources').min(1).describe('The sources, at least one.'),
    places: atMost(placeSchema, 500, 'places').optional().describe('The places the story names.'),
    events: atMost(eventSchema, 1000, 'events').min(1).describe('What happened, at least one event.'),
    routes: atMost(routeSchema, 200, 'routes').optional().describe('Movements between places.'),
    steps: atMost(stepSchema, 200, 'steps').min(1).describe('The cards the reader scrolls through, at least one.'),
  })
  .describe('A scroll-driven story map: data/stories/<slug>.yaml becomes the page <slug>/.');

export type StoryFile = z.infer<typeof storySchema>;
export type PlaceFile = z.infer<typeof placeSchema>;
export type CameraFile = z.infer<typeof cameraSchema>;
export type ImageFile = z.infer<typeof imageSchema>;
