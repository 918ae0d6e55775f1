/**
 * The regular-weight label font for context labels (contextLayers.ts), bundled like the story's
 * own: Latin and Latin Extended, the only scripts the gazetteer keeps (geo/gazetteer.ts
 * `drawable`). Apart from contextLayers.ts, because the build imports the style in Node, where
 * Vite's `?url` imports mean nothing.
 *
 * For the Latin range the map takes the page's own regular text font (`contextFonts`): the build
 * cuts that file per story to the characters of its pages and of its basemap's names
 * (build/subset-fonts.ts), and the page has fetched it already, so the map's first town name
 * costs no second download of the same font (15.7 kB whole; about 9 kB cut).
 */
import latin from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2?url';
import latinExt from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff2?url';

/** Unicode ranges as @fontsource's own CSS gives them for the two subsets. */
export const CONTEXT_FONT_FILES = [
  {
    url: latin,
    'unicode-range': [
      'U+0000-00FF',
      'U+0131',
      'U+0152-0153',
      'U+02BB-02BC',
      'U+02C6',
      'U+02DA',
      'U+02DC',
      'U+0304',
      'U+0308',
      'U+0329',
      'U+2000-206F',
      'U+20AC',
      'U+2122',
      'U+2191',
      'U+2193',
      'U+2212',
      'U+2215',
      'U+FEFF',
      'U+FFFD',
    ],
  },
  {
    url: latinExt,
    'unicode-range': [
      'U+0100-02BA',
      'U+02BD-02C5',
      'U+02C7-02CC',
      'U+02CE-02D7',
      'U+02DD-02FF',
      'U+0304',
      'U+0308',
      'U+0329',
      'U+1D00-1DBF',
      'U+1E00-1E9F',
      'U+1EF2-1EFF',
      'U+2020',
      'U+20A0-20AB',
      'U+20AD-20C4',
      'U+2113',
      'U+2C60-2C7F',
      'U+A720-A7FF',
    ],
  },
];

/**
 * The address of the page's own regular (400) text font, as its style's `@font-face` names it,
 * or `undefined` if it names none (a page without the kit's style).
 */
export function pageTextFont(doc: Document): string | undefined {
  for (const sheet of doc.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const { style } = rule;
      const family = style.getPropertyValue('font-family').replace(/["']/g, '').trim();
      if (family !== 'Source Sans 3' || !['400', 'normal'].includes(style.getPropertyValue('font-weight'))) continue;
      const url = /url\(\s*["']?([^"')]+)/.exec(style.getPropertyValue('src'))?.[1];
      if (url) return new URL(url, sheet.href ?? doc.baseURI).href;
    }
  }
  return undefined;
}

/** The context labels' fonts for this page: its own regular text font for the Latin range. */
export function contextFonts(doc: Document): typeof CONTEXT_FONT_FILES {
  const [latinFile, ...rest] = CONTEXT_FONT_FILES;
  const own = pageTextFont(doc);
  return latinFile && own ? [{ ...latinFile, url: own }, ...rest] : CONTEXT_FONT_FILES;
}
