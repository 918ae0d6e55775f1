/**
 * The page's own words for the components under App, which sets them once from the story's
 * language. Components given the story itself read `messages(story.lang)` directly; the others
 * (a step card, the event dialog, a tooltip) take them from here. Outside App (a component
 * rendered on its own, in a test) they are English.
 */
import { getContext, setContext } from 'svelte';
import { CATALOGUE, uiLang, type Lang, type Messages } from './messages.ts';

const KEY = Symbol('storymap-i18n');

export interface PageWords {
  lang: Lang;
  m: Messages;
}

/** Call during App's initialisation: its children speak `tag`'s language (or English). */
export function setPageLanguage(tag: string | undefined): PageWords {
  const lang = uiLang(tag);
  return setContext(KEY, { lang, m: CATALOGUE[lang] });
}

/** Call during a component's initialisation. */
export function pageWords(): PageWords {
  return getContext<PageWords | undefined>(KEY) ?? { lang: 'en', m: CATALOGUE.en };
}
