/**
 * Turns a validated story file into the page's model (`model.ts`). Runs at build time, where the
 * basemap is at hand to give country-level places their anchor and outline box.
 */
import { parseCalendarDate, type CalendarDate } from './dates.ts';
import type { When } from './when.ts';
import type { StoryFile, PlaceFile, CameraFile, ImageFile } from './schema.ts';
import type { BBox, Camera, LngLat, Picture, Place, Source, Story } from './model.ts';
import { unionBBox } from '../geo/bbox.ts';
import { renderMarkup } from './markup.ts';
import { languageNotice, textDirection } from '../i18n/messages.ts';

const paragraphs = (text: string) => renderMarkup(text, { paragraphs: true });
const inline = (text: string) => renderMarkup(text, { paragraphs: false });

export interface CountryInfo {
  name: string;
  anchor: LngLat;
  bbox: BBox;
}

/** Dates were validated by the schema; this only narrows the type. */
function date(value: string | number): CalendarDate {
  const parsed = parseCalendarDate(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function when(raw: StoryFile['events'][number]['when']): When {
  const note = raw.note === undefined ? {} : { note: raw.note };
  if ('date' in raw) return { kind: 'date', date: date(raw.date), ...note };
  if ('from' in raw) return { kind: 'range', from: date(raw.from), to: date(raw.to), ...note };
  if ('since' in raw) return { kind: 'since', since: date(raw.since), ...note };
  return { kind: 'by', by: date(raw.by), ...note };
}

function place(raw: PlaceFile, countries: ReadonlyMap<string, CountryInfo>): Place {
  if (raw.precision !== 'country') {
    const [lng, lat] = raw.coordinates;
    return {
      id: raw.id,
      name: raw.name,
      precision: raw.precision,
      coordinates: [lng, lat],
      bbox: [lng, lat, lng, lat],
    };
  }
  const country = countries.get(raw.iso);
  if (!country) throw new Error(`the basemap has no country with iso "${raw.iso}"`);
  return {
    id: raw.id,
    name: raw.name,
    precision: 'country',
    coordinates: country.anchor,
    bbox: country.bbox,
    iso: raw.iso,
  };
}

/** An image's published sizes, planned by the build from the file (src/build/images.ts). */
export type PlanPicture = (image: ImageFile) => Picture;
const noPictures: PlanPicture = (image) => {
  throw new Error(`image "${image.src}" needs the build to plan its sizes`);
};

export function compileStory(
  raw: StoryFile,
  slug: string,
  countries: ReadonlyMap<string, CountryInfo>,
  picture: PlanPicture = noPictures,
): Story {
  const image = (item: { image?: ImageFile | undefined }) => (item.image ? { image: picture(item.image) } : {});
  const sources = new Map<string, Source>(raw.sources.map((s) => [s.id, { ...s, date: date(s.date) }]));
  const places = new Map((raw.places ?? []).map((p) => [p.id, place(p, countries)]));
  const get = <T>(map: ReadonlyMap<string, T>, key: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`unknown id "${key}"`);
    return value;
  };
  const events = raw.events.map((e) => ({
    id: e.id,
    title: e.title,
    ...(e.label === undefined ? {} : { label: e.label }),
    when: when(e.when),
    ...(e.where === undefined ? {} : { place: get(places, e.where) }),
    what: e.what,
    whatHtml: paragraphs(e.what),
    quotes: (e.quotes ?? []).map((q) => ({ text: q.text, html: inline(q.text), who: q.who })),
    source: get(sources, e.source),
    ...image(e),
  }));
  const eventById = new Map(events.map((e) => [e.id, e]));
  /**
   * What a step shows, which its camera must keep in view: the places of its markers and the ends
   * of its routes (the points they are drawn at; a country's is its anchor on land).
   */
  const subject = (s: (typeof raw.steps)[number]): LngLat[] => [
    ...(s.events ?? []).flatMap((id): LngLat[] => {
      const place = eventById.get(id)?.place;
      return place ? [place.coordinates] : [];
    }),
    ...(s.routes ?? []).flatMap((id): LngLat[] => {
      const r = (raw.routes ?? []).find((route) => route.id === id);
      return r ? [get(places, r.from).coordinates, get(places, r.to).coordinates] : [];
    }),
  ];
  const camera = (c: CameraFile, shown: LngLat[]): Camera => {
    if ('center' in c) {
      const view = { center: c.center, zoom: c.zoom, bearing: c.bearing ?? 0, pitch: c.pitch ?? 0 };
      return { kind: 'view', ...view, ...(shown.length ? { subject: shown } : {}) };
    }
    const boxes = c.fit.map((ref) => (eventById.get(ref)?.place ?? get(places, ref)).bbox);
    const points = shown.map(([lng, lat]): BBox => [lng, lat, lng, lat]);
    return { kind: 'fit', ids: c.fit, bbox: unionBBox([...boxes, ...points]), maxZoom: c.maxZoom ?? 9 };
  };
  const lang = raw.lang ?? 'en';
  // Not an error: the story reads in its language, only the kit's own words fall back to English.
  const notice = languageNotice(lang);
  if (notice) console.warn(`${slug}: ${notice}`);
  return {
    slug,
    lang,
    dir: raw.dir ?? textDirection(lang),
    title: raw.title,
    summary: raw.summary,
    summaryHtml: inline(raw.summary),
    credit: raw.credit,
    mapCredit: raw.mapCredit,
    basedOn: get(sources, raw.basedOn),
    sources: [...sources.values()],
    places: [...places.values()],
    events,
    routes: (raw.routes ?? []).map((r) => ({
      id: r.id,
      from: get(places, r.from),
      to: get(places, r.to),
      kind: r.kind,
      label: r.label,
      planned: r.planned ?? false,
    })),
    steps: raw.steps.map((s) => ({
      id: s.id,
      ...(s.title === undefined ? {} : { title: s.title }),
      text: s.text,
      html: paragraphs(s.text),
      events: s.events ?? [],
      routes: s.routes ?? [],
      camera: camera(s.camera, subject(s)),
      ...image(s),
    })),
  };
}
