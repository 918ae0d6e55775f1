/**
 * The page without JavaScript, rendered from the Svelte components (src/build/prerender.ts): story
 * text is escaped and isolated, the page's own ids and the table's ARIA roles are there, and no
 * component writes into the head (the CSP allows no inline style sheet the page would depend on).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { prerender } from '../../src/build/prerender.ts';
import { PAGE_IDS, eventRowId } from '../../src/lib/page-ids.ts';
import type { Story } from '../../src/lib/story/model.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { story } = buildStory(`${root}tests/fixtures/site/mss-haiti.yaml`, root);
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
    const body = prerender(tampered, 'story', 'maps/');
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<b>');
    expect(body).toContain('<h1><bdi>Gangs &lt;/script>&lt;script>alert("x")&lt;/script> &amp; &lt;b></bdi></h1>');
    expect(body).toContain('<bdi>Desk \u202Enight</bdi>');
  });

  it('gives a frame only a visually hidden title, and every page the kit’s ids and table roles', () => {
    const embed = prerender(story, 'embed', '../maps/');
    expect(embed).toContain('<header><h1 class="visually-hidden"><bdi>');
    expect(embed).not.toContain('masthead');
    expect(embed).not.toContain(PAGE_IDS.embedButton);
    const page = prerender(story, 'home', 'mss-haiti/maps/');
    for (const id of [PAGE_IDS.events, PAGE_IDS.eventsTitle, PAGE_IDS.sources, PAGE_IDS.app, PAGE_IDS.embedButton])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain(`<tr role="row" id="${eventRowId(story.events[0]?.id ?? '')}">`);
    expect(page).toContain('<td role="cell" data-label="What happened">');
    expect(page).toContain('src="mss-haiti/maps/');
    // No step is the current one in a list that shows them all.
    expect(page).not.toContain('aria-current');
  });
});
