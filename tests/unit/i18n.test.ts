/**
 * The page's own words in every language the kit speaks: the same messages everywhere, none empty,
 * dates in each language at each precision, and stories in French, Haitian Creole and Arabic
 * built to pages in their language and direction.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { pageData, pageHead, withLanguage } from '../../src/build/page.ts';
import { prerender } from '../../src/build/prerender.ts';
import {
  CATALOGUE,
  LANGS,
  around,
  en,
  languageNotice,
  LOCALES,
  messages,
  textDirection,
  uiLang,
  type Lang,
} from '../../src/lib/i18n/messages.ts';
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import { describePrecision, formatDate, formatWhen, type When } from '../../src/lib/story/when.ts';
import { dateFormat } from '../../src/lib/i18n/format.ts';
import { describeStep, eventLabel, markerLabel, placeNote } from '../../src/lib/story/describe.ts';
import { embedSnippets } from '../../src/lib/embed/snippets.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const d = (input: string | number): CalendarDate => parseCalendarDate(input) as CalendarDate;
const build = (name: string) => buildStory(`${root}tests/fixtures/i18n/${name}.yaml`, root);

/** Every message as text: functions are called with sample arguments of their kinds. */
function texts(lang: Lang): [string, string][] {
  return Object.entries(CATALOGUE[lang]).map(([key, value]) => {
    if (typeof value === 'string') return [key, value];
    // A list (the month names) reads as its words, each of which must be there.
    if (Array.isArray(value)) return [key, value.every((w) => String(w).trim()) ? value.join(' ') : ''];
    const args = Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 3 : 7));
    // Messages with a text parameter take it where a number would go; both print.
    return [key, String((value as (...a: unknown[]) => string)(...args))];
  });
}

describe('the catalogue', () => {
  it.each(LANGS.filter((l) => l !== 'en'))('gives %s exactly the keys English has', (lang) => {
    expect(Object.keys(CATALOGUE[lang]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([...LANGS])('has no empty message in %s, and each function takes what English takes', (lang) => {
    for (const [key, text] of texts(lang)) expect(text.trim(), `${lang}.${key}`).not.toBe('');
    for (const [key, value] of Object.entries(CATALOGUE[lang])) {
      const reference = en[key as keyof typeof en];
      expect(typeof value, `${lang}.${key}`).toBe(typeof reference);
      if (Array.isArray(reference))
        expect((value as readonly string[]).length, `${lang}.${key}`).toBe(reference.length);
      if (typeof value === 'function' && typeof reference === 'function')
        expect(value.length, `${lang}.${key}`).toBe(reference.length);
    }
  });

  it('translates every message that is a word (not a name like pym.js) in French and Creole', () => {
    const same = (lang: Lang) =>
      texts(lang)
        .filter(([key, text]) => text === texts('en').find(([k]) => k === key)?.[1])
        .map(([key]) => key);
    expect(same('fr').sort()).toEqual(['columnSource', 'embedPym', 'sources']);
    expect(same('ht')).toEqual(['embedPym']);
  });

  it('keeps the place mark in the messages that split around it', () => {
    for (const lang of LANGS) {
      const [before, after] = around(CATALOGUE[lang].eventsAt(3), 'place');
      expect(`${before}X${after}`, lang).toMatch(/^3 \S.* X$/);
    }
  });

  it('counts and pluralises with Intl in the language', () => {
    expect(en.moreEventsAt('A', 1, 'B')).toBe('A, and 1 more event at B');
    expect(en.moreEventsAt('A', 2, 'B')).toBe('A, and 2 more events at B');
    expect(CATALOGUE.fr.moreEventsAt('A', 1, 'B')).toBe('A, et 1 autre événement à B');
    expect(CATALOGUE.fr.moreEventsAt('A', 2, 'B')).toBe('A, et 2 autres événements à B');
    expect(CATALOGUE.ht.moreEventsAt('A', 2, 'B')).toBe('A, ak 2 lòt evènman nan B');
    // Intl's thousands separators: a comma in English, a narrow no-break space in French.
    expect(en.stepOf(1200, 1500)).toBe('1,200 of 1,500');
    expect(CATALOGUE.fr.stepOf(1200, 1500)).toBe('1\u202f200 sur 1\u202f500');
  });

  it('writes every number as Intl does, though it asks Intl only from 1000 up', () => {
    // Whole numbers below 1000 skip the formatter (its locale data costs 12–18 ms at load).
    for (const lang of LANGS) {
      const intl = new Intl.NumberFormat(LOCALES[lang]);
      for (const n of [...Array.from({ length: 1101 }, (_, i) => i), 2.5, -3, 12345.5]) {
        expect(CATALOGUE[lang].stepOf(n, 7).startsWith(`${intl.format(n)} `), `${lang} ${n}`).toBe(true);
      }
    }
  });
});

describe('choosing the language', () => {
  it.each([
    { tag: 'fr', lang: 'fr' },
    { tag: 'fr-CA', lang: 'fr' },
    { tag: 'ht', lang: 'ht' },
    { tag: 'HT-ht', lang: 'ht' },
    { tag: 'en-US', lang: 'en' },
    { tag: 'ar', lang: 'en' },
    { tag: 'es', lang: 'en' },
    { tag: undefined, lang: 'en' },
  ])('speaks $lang for a story in $tag', ({ tag, lang }) => {
    expect(uiLang(tag)).toBe(lang);
    expect(messages(tag)).toBe(CATALOGUE[lang as Lang]);
  });

  it.each([
    { tag: 'ar', dir: 'rtl' },
    { tag: 'he', dir: 'rtl' },
    { tag: 'fa-IR', dir: 'rtl' },
    { tag: 'ur', dir: 'rtl' },
    { tag: 'az-Arab', dir: 'rtl' },
    { tag: 'ku-Latn', dir: 'ltr' },
    { tag: 'en', dir: 'ltr' },
    { tag: 'fr', dir: 'ltr' },
    { tag: 'ht', dir: 'ltr' },
  ])('writes $tag $dir', ({ tag, dir }) => {
    expect(textDirection(tag)).toBe(dir);
  });

  it('tells the build when the kit has no words for the language, and only then', () => {
    expect(languageNotice('ar')).toMatch(/no "ar" translation yet; they will be in English/);
    for (const tag of ['en', 'en-GB', 'fr', 'ht', undefined]) expect(languageNotice(tag)).toBeUndefined();
  });
});

describe('dates in each language', () => {
  /**
   * Node's (and Chromium's) ICU has no Haitian Creole: `Intl.DateTimeFormat('ht')` falls back to
   * American English ("April 3, 2025"). Creole dates use the kit's own month names, day first.
   */
  it('finds no Creole calendar in ICU, so the kit names the months itself', () => {
    expect(Intl.DateTimeFormat.supportedLocalesOf(['ht'])).toEqual([]);
  });

  /**
   * format.ts writes month names itself (the engine's first date formatter costs 12–18 ms at
   * load). Where the engine has calendar data, its dates must be the engine's, letter for letter:
   * every month, each precision, the first and last days, and a range's first day.
   */
  it.each(LANGS.filter((lang) => Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0))(
    'writes every month of a %s date as the engine’s CLDR data does',
    (lang) => {
      const intl = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...o });
      const day = intl({ day: 'numeric', month: 'long', year: 'numeric' });
      const month = intl({ month: 'long', year: 'numeric' });
      const dayMonth = intl({ day: 'numeric', month: 'long' });
      const pad = (n: number) => String(n).padStart(2, '0');
      for (let m = 1; m <= 12; m++) {
        const start = new Date(Date.UTC(1987, m - 1, 1));
        expect(formatDate(d(`1987-${pad(m)}`), lang)).toBe(month.format(start));
        for (const dd of [1, 9, 28]) {
          const date = new Date(Date.UTC(2031, m - 1, dd));
          expect(formatDate(d(`2031-${pad(m)}-${pad(dd)}`), lang)).toBe(day.format(date));
          expect(dateFormat(lang).dayMonth(d(`2031-${pad(m)}-${pad(dd)}`))).toBe(dayMonth.format(date));
        }
      }
    },
  );

  it.each<{ input: string; en: string; fr: string; ht: string }>([
    { input: '2025-04-03', en: '3 April 2025', fr: '3 avril 2025', ht: '3 avril 2025' },
    { input: '2024-06', en: 'June 2024', fr: 'juin 2024', ht: 'jen 2024' },
    { input: '2021', en: '2021', fr: '2021', ht: '2021' },
    { input: '2025-07-14', en: '14 July 2025', fr: '14 juillet 2025', ht: '14 jiyè 2025' },
    { input: '2026-02', en: 'February 2026', fr: 'février 2026', ht: 'fevriye 2026' },
  ])('writes $input as "$en", "$fr", "$ht"', ({ input, ...expected }) => {
    for (const lang of LANGS) expect(formatDate(d(input), lang), lang).toBe(expected[lang]);
  });

  it.each<{ when: When; en: string; fr: string; ht: string }>([
    {
      when: { kind: 'range', from: d('2025-03-24'), to: d('2025-03-30') },
      en: '24–30 March 2025',
      fr: '24–30 mars 2025',
      ht: '24–30 mas 2025',
    },
    {
      when: { kind: 'range', from: d('2025-03-30'), to: d('2025-04-03') },
      en: '30 March – 3 April 2025',
      fr: '30 mars – 3 avril 2025',
      ht: '30 mas – 3 avril 2025',
    },
    { when: { kind: 'since', since: d(2021) }, en: 'Since 2021', fr: 'Depuis 2021', ht: 'Depi 2021' },
    {
      when: { kind: 'by', by: d('2026-02') },
      en: 'By February 2026 (target)',
      fr: 'D’ici février 2026 (objectif)',
      ht: 'Pou fevriye 2026 (objektif)',
    },
  ])('words $en in each language', ({ when, ...expected }) => {
    for (const lang of LANGS) expect(formatWhen(when, lang), lang).toBe(expected[lang]);
  });

  it('says how precise a date is in each language', () => {
    const month: When = { kind: 'date', date: d('2024-06') };
    expect(describePrecision(month)).toBe('month only');
    expect(describePrecision(month, 'fr')).toBe('mois seulement');
    expect(describePrecision(month, 'ht')).toBe('mwa sèlman');
    const range: When = { kind: 'range', from: d('2025-03-24'), to: d('2025-03-30') };
    expect(describePrecision(range, 'ht')).toContain('pa gen dat egzak');
  });
});

describe('a story in French', () => {
  const built = build('fr');
  const { story } = built;
  const page = prerender(pageData(built, 'story'), 'story');
  const template = readFileSync(`${root}index.html`, 'utf8');

  it('carries its language and direction into the model', () => {
    expect(story).toMatchObject({ lang: 'fr', dir: 'ltr' });
  });

  it('builds a page whose root says French', () => {
    const html = withLanguage(template, story);
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).not.toContain('lang="en"');
  });

  it('writes the page’s own words in French', () => {
    for (const words of [
      'Passer la carte\u00a0: aller à la liste des événements',
      '<p class="kicker">Carte narrative</p>',
      'Tous les événements du récit',
      '>Événement</th>',
      'data-label="Quand"',
      'data-label="Ce qui s’est passé"',
      '<h2>Sources</h2>',
      'Données de la carte\u00a0:',
      '1 sur 2',
      'mois seulement',
      'juin 2024',
      '24–30 mars 2025',
      ' (ville)',
      'Légende',
      'Dans cette étape',
    ])
      expect(page).toContain(words);
    for (const english of ['Skip the map', 'All events in this story', 'What happened', 'Map key', ' of 2<'])
      expect(page).not.toContain(english);
  });

  it('labels the map region and the share image in French', () => {
    const step = story.steps[1];
    if (!step) throw new Error('the fixture has two steps');
    expect(describeStep(story, step, 'fr')).toBe(
      'Carte, étape 2 sur 2\u00a0: La capitale. On y voit Port-au-Prince. Trajet\u00a0: Arrivée dans la capitale.',
    );
    expect(pageHead(built, { kind: 'story', site: 'https://example.org/' })).toContain(
      'content="Carte\u00a0: Les policiers arrivent"',
    );
  });

  it('names markers and timeline items in French', () => {
    const [deployment, , report] = story.events;
    if (!deployment?.place || !report?.place) throw new Error('the fixture places its events');
    expect(eventLabel(deployment, 'fr')).toBe('Les policiers arrivent. juin 2024. Haïti');
    expect(markerLabel(report, 1, report.place, 'fr')).toBe(
      'L’article paraît. 3 avril 2025. Port-au-Prince, et 1 autre événement à Port-au-Prince',
    );
    expect(placeNote(deployment.place, 'fr')).toBe(' (pays seulement\u00a0; la source ne nomme pas de ville)');
  });

  it('offers the embed codes in French, the codes themselves unchanged', () => {
    const english = embedSnippets('https://example.org/s/embed/', 'T', 's');
    const french = embedSnippets('https://example.org/s/embed/', 'T', 's', messages('fr'));
    expect(french.map((s) => s.label)).toEqual([
      'Hauteur fixe',
      'Pleine hauteur (notre script)',
      'pym.js',
      'Hauteur auto, façon Datawrapper',
    ]);
    expect(french.map((s) => s.code)).toEqual(english.map((s) => s.code));
  });
});

describe('a story in Haitian Creole', () => {
  const built = build('ht');
  const page = prerender(pageData(built, 'story'), 'story');

  it('writes the page’s own words in Creole', () => {
    expect(withLanguage('<html lang="en">', built.story)).toBe('<html lang="ht" dir="ltr">');
    for (const words of [
      'Sote kat la: ale nan lis tout evènman yo',
      '<p class="kicker">Istwa sou kat</p>',
      'Tout evènman nan istwa sa a',
      '>Evènman</th>',
      'data-label="Kilè"',
      'data-label="Sous"',
      '<h2>Sous yo</h2>',
      '1 sou 2',
      'mwa sèlman',
      'jen 2024',
      '24–30 mas 2025',
      'Lejann',
    ])
      expect(page).toContain(words);
  });
});

describe('a right-to-left story', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs right to left, with the kit’s words in English, and the build says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const built = build('ar');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^ar: lang: .*no "ar" translation yet/));
    expect(built.story).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(withLanguage('<!doctype html>\n<html lang="en">', built.story)).toBe(
      '<!doctype html>\n<html lang="ar" dir="rtl">',
    );
    const page = prerender(pageData(built, 'story'), 'story');
    expect(page).toContain('Skip the map: go to the list of all events');
    expect(page).toContain('24–30 March 2025');
  });

  it('lets a story set its direction itself', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { story } = build('ku');
    expect(story).toMatchObject({ lang: 'ku', dir: 'rtl' });
    expect(withLanguage('<html lang="en">', story)).toBe('<html lang="ku" dir="rtl">');
  });
});

describe('the timeline in the story’s language', () => {
  it('names months and the report in French and Creole, and keeps English as it was', async () => {
    const { tickLabels } = await import('../../src/lib/timeline/ticks.ts');
    const { reportLabel } = await import('../../src/lib/timeline/labels.ts');
    const { messages } = await import('../../src/lib/i18n/messages.ts');
    const days = [Date.UTC(2025, 2, 30), Date.UTC(2025, 3, 1), Date.UTC(2025, 3, 3)].map((t) => new Date(t));
    expect(tickLabels(days)).toEqual(['30 Mar 2025', '1 Apr', '3 Apr']);
    expect(tickLabels(days, messages('fr').monthsShort)).toEqual(['30 mars 2025', '1 avr.', '3 avr.']);
    expect(tickLabels(days, messages('ht').monthsShort)).toEqual(['30 mas 2025', '1 avr', '3 avr']);
    const months = [Date.UTC(2025, 6, 1), Date.UTC(2025, 7, 1)].map((t) => new Date(t));
    expect(tickLabels(months, messages('fr').monthsShort)).toEqual(['juil. 2025', 'août']);
    const measure = (text: string) => text.length * 6;
    expect(reportLabel(100, [], 400, measure, messages('fr').report)?.text).toBe('article');
    expect(reportLabel(100, [], 400, measure)?.text).toBe('report');
  });
});
