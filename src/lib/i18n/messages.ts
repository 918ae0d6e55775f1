/**
 * The page's own words, in every language the kit speaks: buttons, labels, precision notes,
 * accessible names, the map key, the table's headers. Story text is not here: it is the story's.
 *
 * English is the reference. Every other language is checked against it by the compiler
 * (`satisfies Messages`): a missing or extra key, or a message that takes other parameters, does
 * not build. Messages that take a count or a date are functions; counts go through
 * `Intl.NumberFormat` and plurals through `Intl.PluralRules`, in the language's own locale.
 *
 * To add a language: copy `en` below, translate every message, add it to `CATALOGUE` and to
 * `LOCALES`, and its month names to `MONTHS` in format.ts. Keep the words short and plain: readers
 * meet them in a map's corner and a screen reader.
 */

/** The languages the page's own words come in. */
export const LANGS = ['en', 'fr', 'ht'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The locale each language formats numbers in, and whose dates format.ts's month names match
 * (English writes "3 April 2025", day first, as the kit always has). The engines have no Haitian
 * Creole (`ht`) data: its numbers use Haiti's French conventions (`fr-HT`).
 */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr', ht: 'fr-HT' };

/** A no-break space: French sets one before `:`, `;`, `?` and `!`, so they never start a line. */
const NB = '\u00a0';

// Each language's formatter and plural rules are made on first use: the page's first number or
// date formatter loads the engine's locale data (12–18 ms here, four times that on a mid-range
// phone). A whole number from 0 to 999 is its plain digits in every locale here (the i18n test
// holds them to Intl), and those are the counts and step numbers a page shows as it loads, so
// they never make one: the formatter waits for a number it would change.
const number = (lang: Lang) => {
  let format: Intl.NumberFormat | undefined;
  return (n: number) =>
    Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : (format ??= new Intl.NumberFormat(LOCALES[lang])).format(n);
};
const plural = (lang: Lang) => {
  let rules: Intl.PluralRules | undefined;
  return <T>(n: number, forms: { one: T; other: T }) =>
    (rules ??= new Intl.PluralRules(LOCALES[lang])).select(n) === 'one' ? forms.one : forms.other;
};

const enN = number('en');
const enP = plural('en');

export const en = {
  // The page around the story.
  skipLink: 'Skip the map: go to the list of all events',
  kicker: 'Story map',
  mapUnavailable: 'The interactive map is unavailable here, so each step below shows a static map instead.',
  // Steps.
  stepOf: (n: number, total: number) => `${enN(n)} of ${enN(total)}`,
  stepName: (n: number) => `Step ${enN(n)}`,
  /** Inside a sentence, after "Map: ". */
  stepNameInline: (n: number) => `step ${enN(n)}`,
  mapOf: (what: string) => `Map: ${what}`,
  /** Before an image's credit, as `sourceLabel` before a source. */
  imageCredit: 'Image:',
  // The map region's label, read when the step changes.
  mapRegion: (n: number, total: number, title: string | undefined) =>
    `Map, step ${enN(n)} of ${enN(total)}${title ? `: ${title}` : ''}.`,
  mapShows: (places: string) => `Shows ${places}.`,
  mapRoutes: (routes: string) => `Route: ${routes}.`,
  // Places.
  countryOnly: ' (country only)',
  placeCountry: ' (country only; the source names no city)',
  placeCity: ' (city)',
  placeNotGiven: 'Place not given in the source',
  noPlace: 'No place given',
  /** A shared marker's accessible name: `lead` is its first event's, `place` the place's name. */
  moreEventsAt: (lead: string, more: number, place: string) =>
    `${lead}, and ${enN(more)} more ${enP(more, { one: 'event', other: 'events' })} at ${place}`,
  // Dates and their precision.
  since: (date: string) => `Since ${date}`,
  by: (date: string) => `By ${date} (target)`,
  precisionDay: 'exact day',
  precisionMonth: 'month only',
  precisionYear: 'year only',
  precisionRange: 'somewhere in this range; the source gives no exact day',
  precisionSince: 'ongoing since then',
  precisionBy: 'a target date, not an event that has happened',
  // Timeline.
  timeline: 'Timeline',
  timelineEvents: 'Timeline events',
  timelineOverview: 'Timeline overview',
  timelineCloseUp: 'Timeline close-up',
  closeUp: 'Close-up',
  closeUpLabel: (date: string) => `Close-up of the days before the report of ${date}`,
  /** Where the source was published, on the axis. */
  report: 'report',
  /** The timeline's month ticks, short. */
  monthsShort: [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ] as readonly string[],
  plannedSentence: '. Planned',
  planned: ' (planned)',
  notInAnyStep: ' (not shown in any step)',
  // Map key.
  mapKey: 'Map key',
  keyInStep: 'In this step',
  keyElsewhere: 'Elsewhere in the story',
  keyCountry: 'Only the country is known',
  keyShared: 'Events at one place',
  keyRoute: 'Route',
  keyPlanned: 'planned',
  keyIntoCountry: 'Route into a country (exact place not given)',
  /** Before the map data credit in the key. */
  mapLabel: 'Map:',
  // Event detail.
  /** `{place}` marks where the place's name goes. */
  eventsAt: (n: number) => `${enN(n)} events at {place}`,
  allEventsHere: (n: number) => `All ${enN(n)} events here`,
  close: 'Close',
  sourceLabel: 'Source:',
  // Table of all events.
  eventsTitle: 'All events in this story',
  tableRegion: 'All events, as a table that scrolls sideways',
  columnEvent: 'Event',
  columnWhen: 'When',
  columnWhere: 'Where',
  columnWhat: 'What happened',
  columnSource: 'Source',
  // Sources.
  sources: 'Sources',
  noAddress: ' (our copy of the report carries no web address)',
  mapData: 'Map data:',
  // Embed button.
  embed: 'Embed this story',
  copy: 'Copy',
  copied: 'Copied',
  embedCode: (label: string) => `${label} embed code`,
  embedFixed: 'Fixed height',
  embedFixedHelp: 'Works in any CMS. The story scrolls inside a frame of the height you choose.',
  embedFull: 'Full height (our script)',
  embedFullHelp: 'The frame grows to the story’s height and your page scrolls; the map stays in view.',
  embedPym: 'pym.js',
  embedPymHelp: 'For pages that already load NPR’s pym.js. Keep trackscroll on so the map follows your page.',
  embedDatawrapper: 'Datawrapper-style resizing',
  embedDatawrapperHelp: 'For pages that already listen for Datawrapper’s height message.',
};

export type Messages = typeof en;

const frN = number('fr');
const frP = plural('fr');

export const fr = {
  skipLink: `Passer la carte${NB}: aller à la liste des événements`,
  kicker: 'Carte narrative',
  mapUnavailable: `La carte interactive n’est pas disponible ici${NB}: chaque étape ci-dessous montre une carte fixe.`,
  stepOf: (n: number, total: number) => `${frN(n)} sur ${frN(total)}`,
  stepName: (n: number) => `Étape ${frN(n)}`,
  stepNameInline: (n: number) => `étape ${frN(n)}`,
  mapOf: (what: string) => `Carte${NB}: ${what}`,
  imageCredit: `Image${NB}:`,
  mapRegion: (n: number, total: number, title: string | undefined) =>
    `Carte, étape ${frN(n)} sur ${frN(total)}${title ? `${NB}: ${title}` : ''}.`,
  mapShows: (places: string) => `On y voit ${places}.`,
  mapRoutes: (routes: string) => `Trajet${NB}: ${routes}.`,
  countryOnly: ' (pays seulement)',
  placeCountry: ` (pays seulement${NB}; la source ne nomme pas de ville)`,
  placeCity: ' (ville)',
  placeNotGiven: 'Lieu non précisé par la source',
  noPlace: 'Lieu non précisé',
  moreEventsAt: (lead: string, more: number, place: string) =>
    `${lead}, et ${frN(more)} ${frP(more, { one: 'autre événement', other: 'autres événements' })} à ${place}`,
  since: (date: string) => `Depuis ${date}`,
  by: (date: string) => `D’ici ${date} (objectif)`,
  precisionDay: 'jour exact',
  precisionMonth: 'mois seulement',
  precisionYear: 'année seulement',
  precisionRange: `quelque part dans cette période${NB}; la source ne donne pas de jour exact`,
  precisionSince: 'en cours depuis',
  precisionBy: 'une date visée, pas un fait déjà arrivé',
  timeline: 'Frise chronologique',
  timelineEvents: 'Événements de la frise',
  timelineOverview: `Frise${NB}: vue d’ensemble`,
  timelineCloseUp: `Frise${NB}: gros plan`,
  closeUp: 'Gros plan',
  closeUpLabel: (date: string) => `Gros plan sur les jours avant l’article du ${date}`,
  report: 'article',
  monthsShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  plannedSentence: '. Prévu',
  planned: ' (prévu)',
  notInAnyStep: ' (dans aucune étape)',
  mapKey: 'Légende',
  keyInStep: 'Dans cette étape',
  keyElsewhere: 'Ailleurs dans le récit',
  keyCountry: 'Seul le pays est connu',
  keyShared: 'Événements au même lieu',
  keyRoute: 'Trajet',
  keyPlanned: 'prévu',
  keyIntoCountry: 'Trajet vers un pays (lieu exact non précisé)',
  mapLabel: `Carte${NB}:`,
  eventsAt: (n: number) => `${frN(n)} événements à {place}`,
  allEventsHere: (n: number) => `Les ${frN(n)} événements ici`,
  close: 'Fermer',
  sourceLabel: `Source${NB}:`,
  eventsTitle: 'Tous les événements du récit',
  tableRegion: 'Tous les événements, dans un tableau qui défile de côté',
  columnEvent: 'Événement',
  columnWhen: 'Quand',
  columnWhere: 'Où',
  columnWhat: 'Ce qui s’est passé',
  columnSource: 'Source',
  sources: 'Sources',
  noAddress: ' (notre copie de l’article n’a pas d’adresse web)',
  mapData: `Données de la carte${NB}:`,
  embed: 'Intégrer ce récit',
  copy: 'Copier',
  copied: 'Copié',
  embedCode: (label: string) => `Code d’intégration${NB}: ${label}`,
  embedFixed: 'Hauteur fixe',
  embedFixedHelp: 'Marche dans tout CMS. Le récit défile dans un cadre de la hauteur choisie.',
  embedFull: 'Pleine hauteur (notre script)',
  embedFullHelp: `Le cadre prend la hauteur du récit et votre page défile${NB}; la carte reste visible.`,
  embedPym: 'pym.js',
  embedPymHelp:
    'Pour les pages qui chargent déjà pym.js (NPR). Laissez trackscroll activé pour que la carte suive la page.',
  embedDatawrapper: 'Hauteur auto, façon Datawrapper',
  embedDatawrapperHelp: 'Pour les pages qui écoutent déjà le message de hauteur de Datawrapper.',
} satisfies Messages;

const htN = number('ht');

/** Haitian Creole. Nouns do not change in the plural ("3 evènman"), so no plural forms here. */
export const ht = {
  skipLink: 'Sote kat la: ale nan lis tout evènman yo',
  kicker: 'Istwa sou kat',
  mapUnavailable: 'Kat entèaktif la pa disponib isit la, kidonk chak etap anba a montre yon kat fiks.',
  stepOf: (n: number, total: number) => `${htN(n)} sou ${htN(total)}`,
  stepName: (n: number) => `Etap ${htN(n)}`,
  stepNameInline: (n: number) => `etap ${htN(n)}`,
  mapOf: (what: string) => `Kat: ${what}`,
  imageCredit: 'Imaj:',
  mapRegion: (n: number, total: number, title: string | undefined) =>
    `Kat, etap ${htN(n)} sou ${htN(total)}${title ? `: ${title}` : ''}.`,
  mapShows: (places: string) => `Li montre ${places}.`,
  mapRoutes: (routes: string) => `Wout: ${routes}.`,
  countryOnly: ' (peyi sèlman)',
  placeCountry: ' (peyi sèlman; sous la pa nonmen okenn vil)',
  placeCity: ' (vil)',
  placeNotGiven: 'Sous la pa bay kote a',
  noPlace: 'Pa gen kote',
  moreEventsAt: (lead: string, more: number, place: string) => `${lead}, ak ${htN(more)} lòt evènman nan ${place}`,
  since: (date: string) => `Depi ${date}`,
  by: (date: string) => `Pou ${date} (objektif)`,
  precisionDay: 'jou egzak',
  precisionMonth: 'mwa sèlman',
  precisionYear: 'ane sèlman',
  precisionRange: 'yon jou nan peryòd sa a; pa gen dat egzak',
  precisionSince: 'sa ap kontinye depi lè sa a',
  precisionBy: 'yon dat ki planifye, pa yon bagay ki gentan rive',
  timeline: 'Liy tan',
  timelineEvents: 'Evènman sou liy tan an',
  timelineOverview: 'Liy tan: tout peryòd la',
  timelineCloseUp: 'Liy tan: pi pre',
  closeUp: 'Pi pre',
  closeUpLabel: (date: string) => `Pi pre: jou yo anvan atik ${date} la`,
  report: 'atik',
  monthsShort: ['jan', 'fev', 'mas', 'avr', 'me', 'jen', 'jiy', 'out', 'sep', 'okt', 'nov', 'des'],
  plannedSentence: '. Planifye',
  planned: ' (planifye)',
  notInAnyStep: ' (pa nan okenn etap)',
  mapKey: 'Lejann',
  keyInStep: 'Nan etap sa a',
  keyElsewhere: 'Lòt kote nan istwa a',
  keyCountry: 'Se peyi a sèlman nou konnen',
  keyShared: 'Plizyè evènman nan yon kote',
  keyRoute: 'Wout',
  keyPlanned: 'planifye',
  keyIntoCountry: 'Wout ki antre nan yon peyi (pa gen kote egzak)',
  mapLabel: 'Kat:',
  eventsAt: (n: number) => `${htN(n)} evènman nan {place}`,
  allEventsHere: (n: number) => `Tout ${htN(n)} evènman yo isit la`,
  close: 'Fèmen',
  sourceLabel: 'Sous:',
  eventsTitle: 'Tout evènman nan istwa sa a',
  tableRegion: 'Tout evènman yo, nan yon tablo ki defile sou kote',
  columnEvent: 'Evènman',
  columnWhen: 'Kilè',
  columnWhere: 'Ki kote',
  columnWhat: 'Sa ki te pase',
  columnSource: 'Sous',
  sources: 'Sous yo',
  noAddress: ' (kopi atik nou an pa gen adrès sou entènèt)',
  mapData: 'Done kat la:',
  embed: 'Mete istwa a sou sit ou',
  copy: 'Kopye',
  copied: 'Li kopye',
  embedCode: (label: string) => `Kòd pou mete l sou sit: ${label}`,
  embedFixed: 'Wotè fiks',
  embedFixedHelp: 'Li mache nan tout CMS. Istwa a defile anndan yon kad ki gen wotè ou chwazi a.',
  embedFull: 'Tout wotè a (script nou an)',
  embedFullHelp: 'Kad la grandi menm wotè ak istwa a, epi paj ou a defile; kat la rete devan je.',
  embedPym: 'pym.js',
  embedPymHelp: 'Pou paj ki deja chaje pym.js (NPR). Kite trackscroll limen pou kat la swiv paj ou a.',
  embedDatawrapper: 'Wotè otomatik, tankou Datawrapper',
  embedDatawrapperHelp: 'Pou paj ki deja tande mesaj wotè Datawrapper a.',
} satisfies Messages;

export const CATALOGUE: Record<Lang, Messages> = { en, fr, ht };

/**
 * The language of the page's own words for a story in `tag` (BCP 47: `fr`, `fr-CA`, `ht-HT`):
 * its primary language if the kit speaks it, else English.
 */
export function uiLang(tag: string | undefined): Lang {
  const primary = (tag ?? 'en').split(/[-_]/)[0]?.toLowerCase() ?? 'en';
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'en';
}

/** The page's own words for a story in `tag`; English for a language the kit does not speak. */
export function messages(tag: string | undefined): Messages {
  return CATALOGUE[uiLang(tag)];
}

/** Languages written right to left, by primary subtag, and scripts written so (subtags). */
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);
const LTR_SCRIPTS = new Set(['latn', 'cyrl']);

/** Which way a language is written: `ar`, `he`, `fa`, `ur`, `az-Arab` right to left. */
export function textDirection(tag: string | undefined): 'ltr' | 'rtl' {
  const parts = (tag ?? '').toLowerCase().split(/[-_]/);
  const script = parts.find((p, i) => i > 0 && p.length === 4);
  if (script && RTL_SCRIPTS.has(script)) return 'rtl';
  if (script && LTR_SCRIPTS.has(script)) return 'ltr';
  return RTL_LANGS.has(parts[0] ?? '') ? 'rtl' : 'ltr';
}

/** What the build says about a story's language the kit has no words for; nothing otherwise. */
export function languageNotice(tag: string | undefined): string | undefined {
  if (tag === undefined || uiLang(tag) !== 'en' || tag.toLowerCase().split(/[-_]/)[0] === 'en') return undefined;
  return `lang: the page's own words (buttons, labels, the map key) have no "${tag}" translation yet; they will be in English (the kit speaks ${LANGS.join(', ')})`;
}

/** Splits a message at a `{name}` mark, so a component can set story text (in a <bdi>) there. */
export function around(message: string, name: string): [string, string] {
  const at = message.indexOf(`{${name}}`);
  if (at < 0) return [message, ''];
  return [message.slice(0, at), message.slice(at + name.length + 2)];
}
