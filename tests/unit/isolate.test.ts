import { describe, expect, it } from 'vitest';
import { isolate } from '../../src/lib/story/isolate.ts';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolate', () => {
  it.each([
    {
      name: 'English text, unchanged',
      input: 'Port-au-Prince (city), 3 April',
      expected: 'Port-au-Prince (city), 3 April',
    },
    { name: 'an override left open', input: 'Desk \u202Enight', expected: `${FSI}Desk \u202Enight${PDI}` },
    { name: 'an embedding left open', input: 'Desk \u202Bnight', expected: `${FSI}Desk \u202Bnight${PDI}` },
    { name: 'a right-to-left mark', input: 'Desk\u200F', expected: `${FSI}Desk\u200F${PDI}` },
    { name: 'a Hebrew name', input: 'תל אביב', expected: `${FSI}תל אביב${PDI}` },
    { name: 'an Arabic name', input: 'القاهرة', expected: `${FSI}القاهرة${PDI}` },
    { name: 'a closed isolate', input: 'a \u2067ب\u2069 c', expected: `${FSI}a \u2067ب\u2069 c${PDI}` },
    { name: 'a stray pop, dropped', input: 'Desk\u2069\u202E night', expected: `${FSI}Desk\u202E night${PDI}` },
    { name: 'an isolate left open, closed', input: 'a\u202E\u2066b', expected: `${FSI}a\u202E\u2066b${PDI}${PDI}` },
  ])('wraps $name', ({ input, expected }) => {
    expect(isolate(input)).toBe(expected);
  });

  // Every string of up to five of these characters: whatever the story holds, the kit's words
  // after it are back at the depth they started at, with no isolate closed that wasn't opened.
  it('always leaves the text after it outside every isolate the story opened', () => {
    const alphabet = ['a', 'ב', '\u202E', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069'];
    let strings = [''];
    for (let n = 0; n < 5; n++) strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    const unbalanced = strings.filter((s) => {
      let depth = 0;
      for (const c of isolate(s)) {
        if (c === '\u2066' || c === '\u2067' || c === FSI) depth++;
        if (c === PDI && --depth < 0) return true;
      }
      return depth !== 0;
    });
    expect(unbalanced).toEqual([]);
    // An override can only be closed by an isolate around it: wherever there is one, so is ours.
    expect(strings.filter((s) => s.includes('\u202E') && !isolate(s).startsWith(FSI))).toEqual([]);
  });
});
