import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { STEP_WORDS, storyAdvice } from '../../src/lib/story/advice.ts';

const root = join(import.meta.dirname, '../..');
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('advice on a valid story', () => {
  it('names each step too long for a phone’s card, with its length and the limit', () => {
    const story = {
      steps: [
        { id: 'short', text: words(STEP_WORDS) },
        { id: 'long', text: words(STEP_WORDS + 15) },
      ],
    };
    const advice = storyAdvice(story);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatch(new RegExp(`^step "long" has ${STEP_WORDS + 15} words: .*${STEP_WORDS} words or fewer$`));
  });

  it('says when the starter’s placeholder text is still there, and not otherwise', () => {
    const starter = { title: 'Replace this title', steps: [{ id: 'a', text: 'Replace with what happened.' }] };
    expect(storyAdvice(starter)).toEqual([expect.stringMatching(/starter's "Replace …" text/)]);
    const written = { title: 'Replacement parts', steps: [{ id: 'a', text: 'Replace the filter.' }] };
    expect(storyAdvice(written)).toEqual([]);
  });

  it('counts words, not spaces or line breaks', () => {
    expect(storyAdvice({ steps: [{ id: 'a', text: `  ${words(STEP_WORDS).replace(/ /g, '\n\n  ')}  ` }] })).toEqual([]);
  });

  it.each(['mss-haiti', 'pacific-relief', 'tonga-eruption-2022'])('has none for the fixture story %s', (slug) => {
    const story = parse(readFileSync(join(root, 'tests/fixtures/site', `${slug}.yaml`), 'utf8')) as {
      steps: { id: string; text: string }[];
    };
    expect(storyAdvice(story)).toEqual([]);
  });
});
