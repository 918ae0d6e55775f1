/**
 * The characters a story page's font subset keeps (build/subset-fonts.ts): a character missing
 * from it is drawn in the fallback font, so the set must hold everything the page can show.
 */
import { describe, expect, it } from 'vitest';
import { pageFonts, subsetCharacters } from '../../src/build/subset-fonts.ts';

describe('the characters of a story page’s fonts', () => {
  it('keeps the kit’s words and month names in the page’s language, though the page shows none yet', () => {
    const french = subsetCharacters(['<html lang="fr-CA"><body><p>x</p></body></html>']);
    // février, août, décembre; and the narrow no-break space of French numbers (1 200).
    for (const c of 'éûÉ\u202f') expect(french, c).toContain(c);
    const english = subsetCharacters(['<html lang="en"><body><p>x</p></body></html>']);
    expect(english).not.toContain('û');
    for (const c of 'Step 0123456789 of ’–—…\u00a0') expect(english, c).toContain(c);
  });

  it('reads character references and the story data’s escapes, and keeps no control characters', () => {
    const chars = subsetCharacters([
      '<html lang="en"><p>&#233; &#xF1;\tø</p><script type="application/json">{"a":"\\u00fc"}</script></html>',
    ]);
    for (const c of 'éñøü') expect(chars, c).toContain(c);
    expect([...chars].filter((c) => /\p{Cc}/u.test(c))).toEqual([]);
    // Each once, in order: the same pages give the same file.
    expect([...chars].sort().join('')).toBe(chars);
    expect(new Set(chars).size).toBe([...chars].length);
  });

  it('finds the woff2 files a page’s @font-face rules load, from the page’s folder', () => {
    const html =
      '<style>@font-face{font-family:"A";src:url(../../assets/a-400-AbCdEf12.woff2)format("woff2")}' +
      '@font-face{font-family:"B";src:local(Arial)}.x{background:url(../../assets/b.png)}</style>';
    expect(pageFonts(html, 'story/embed/index.html')).toEqual(['assets/a-400-AbCdEf12.woff2']);
  });
});
