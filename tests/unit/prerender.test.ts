/**
 * The page before any script runs, rendered from the Svelte components (src/build/prerender.ts):
 * story text is escaped and isolated, the page's own ids and the table's ARIA roles are there,
 * every step carries its static map (for the page without JavaScript, loaded only when shown),
 * the stage shows the first step's, and no component writes into the head (the CSP allows no
 * inline style sheet the page would depend on).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory, type BuiltStory } from '../../src/build/stories.ts';
import { pageData, type PageKind } from '../../src/build/page.ts';
import { prerender as prerenderData } from '../../src/build/prerender.ts';
import { PAGE_IDS, eventRowId } from '../../src/lib/page-ids.ts';
import { STILL_SIZES } from '../../src/lib/geo/staticSize.ts';
import type { Story } from '../../src/lib/story/model.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = buildStory(`${root}tests/fixtures/site/mss-haiti.yaml`, root);
const { story } = built;
/** The body of a `kind` page of `s`, as the build writes it. */
const prerender = (s: Story, kind: PageKind) =>
  prerenderData(pageData({ ...built, story: s } as BuiltStory, kind), kind);
const hostile = '</script><script>alert("x")</script> & <b>';
const tampered: Story = {
  ...story,
  title: `Gangs ${hostile}`,
  credit: `Desk \u202Enight`,
  steps: story.steps.map((s, i) => (i === 0 ? { ...s, title: `Step ${hostile}` } : s)),
  events: story.events.map((e, i) => (i === 0 ? { ...e, title: `Event ${hostile}` } : e)),
};

describe('prerender', () => {
  it('escapes story text wherever it goes', () => {
    const body = prerender(tampered, 'story');
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<b>');
    expect(body).toContain('<h1><bdi>Gangs &lt;/script>&lt;script>alert("x")&lt;/script> &amp; &lt;b></bdi></h1>');
    expect(body).toContain('<bdi>Desk \u202Enight</bdi>');
  });

  it('gives a frame only a visually hidden title, and every page the kit’s ids and table roles', () => {
    const embed = prerender(story, 'embed');
    expect(embed).toContain('<header><h1 class="visually-hidden"><bdi>');
    expect(embed).not.toContain('masthead');
    expect(embed).not.toContain(PAGE_IDS.embedButton);
    const page = prerender(story, 'home');
    for (const id of [PAGE_IDS.events, PAGE_IDS.eventsTitle, PAGE_IDS.sources, PAGE_IDS.app, PAGE_IDS.embedButton])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain(`<tr role="row" id="${eventRowId(story.events[0]?.id ?? '')}">`);
    expect(page).toContain('<td role="cell" data-label="What happened">');
    expect(page).toContain('src="mss-haiti/maps/');
  });

  it('writes the story as the script will first render it: at the first step, its map on stage', () => {
    const page = prerender(story, 'story');
    const main = new RegExp(`<main id="${PAGE_IDS.app}" class="static">([\\s\\S]*?)</main>`).exec(page)?.[1] ?? '';
    // The first step is the one the stage shows, its static map standing in for the live one.
    expect(main.match(/aria-current="step"/g)).toHaveLength(1);
    const first = story.steps[0]?.id ?? '';
    // All it draws (its margins too), each size the page may choose by the screen's.
    expect(main).toMatch(new RegExp(`<img class="still[^"]*"[^>]* src="maps/${first}\\.svg#all"`));
    for (const size of STILL_SIZES)
      expect(main).toContain(
        `<source media="${size.media}" srcset="maps/${size.folder}/${first}.svg#all" width="${size.width}" height="${size.height}"/>`,
      );
    // Every step, in order, with its static map: shown without JavaScript (app.css), and lazy, so
    // a page whose script runs never fetches one it does not show.
    const ids = [...main.matchAll(/<li class="step[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(story.steps.map((s) => s.id));
    const maps = [...main.matchAll(/<img class="step-map print-only"[^>]*>/g)].map((m) => m[0]);
    expect(maps).toHaveLength(story.steps.length);
    for (const [i, img] of maps.entries()) {
      expect(img).toContain(`src="maps/${story.steps[i]?.id}.svg"`);
      expect(img).toContain('loading="lazy"');
    }
    // Nothing of the live map is in the page before its code has loaded.
    expect(main).not.toContain('maplibregl');
  });
});
