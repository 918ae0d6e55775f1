/**
 * A story's static maps (a drawing per step and size, files.ts), kept between builds by what they
 * are drawn from: a rebuild after an edit to a step's text or an event's words reads them back.
 * Drawing the long fixture story's 240 was about a second of each of its builds.
 */
import type { Story } from '../lib/story/model.ts';
import { keep, keptKey, readKept } from './kit-cache.ts';

const DRAWINGS = 'storymap-drawings';
/** The long fixture story's drawings are about 5 MB: the 12 last used are kept. */
const MAX_DRAWINGS = 12;

/**
 * The story as its drawings see it: the words a reader reads in the steps' and events' cards
 * (text, quotes, pictures, the summary and credit) left empty. The drawings are drawn from this,
 * so no edit to those words can leave a kept drawing out of date; `tests/build-drawings.test.ts`
 * checks they come out the same as from the whole story.
 */
export function drawnStory(story: Story): Story {
  return {
    ...story,
    summary: '',
    summaryHtml: '',
    credit: '',
    steps: story.steps.map(({ image: _image, ...step }) => ({ ...step, text: '', html: '' })),
    events: story.events.map(({ image: _image, ...event }) => ({
      ...event,
      title: '',
      what: '',
      whatHtml: '',
      quotes: [],
    })),
  };
}

export interface KeptDrawings {
  /** The drawing kept as `file`, else `draw()`'s; kept once all `count` have been drawn. */
  get(file: string, draw: () => string): string;
}

/**
 * The drawings of `drawn` (a `drawnStory`) on `basemap` (its text), read back from the cache when
 * kept, one at a time so that a build can draw those it lacks between the bundler's turns.
 */
export function keptDrawings(drawn: Story, basemap: string, count: number): KeptDrawings {
  let key: string | undefined;
  let kept: Record<string, string> | undefined;
  const made = new Map<string, string>();
  return {
    get(file, draw) {
      if (key === undefined) {
        key = keptKey(JSON.stringify(drawn) + basemap);
        kept = readKept(DRAWINGS, key);
      }
      const svg = kept?.[file] ?? draw();
      made.set(file, svg);
      if (made.size === count && !kept) {
        kept = Object.fromEntries(made);
        keep(DRAWINGS, key, JSON.stringify(kept), MAX_DRAWINGS);
      }
      return svg;
    },
  };
}
