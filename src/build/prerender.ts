/**
 * The page's HTML as the build writes it, before any script runs: the header, every step's text
 * with a static map of that step, the list of all events and the sources. Readers without
 * JavaScript, search engines and printers get the whole story from it; with JavaScript the
 * interactive story mounts over the steps (`#storymap_app`), and the rest stays as written here.
 * Prose comes as HTML rendered and sanitized from validated markup (lib/story/markup.ts);
 * everything else is escaped here. Story text that shares a line with the kit's own words sits in
 * a <bdi>, so a right-to-left override left open in it cannot reverse them.
 */
import type { Source, Story, StoryEvent } from '../lib/story/model.ts';
import { placeNote } from '../lib/story/describe.ts';
import { isolate } from '../lib/story/isolate.ts';
import { describePrecision, formatDate, formatWhen } from '../lib/story/when.ts';
import { escapeHtml } from './page.ts';
import type { PageKind } from './page.ts';
import { STATIC_MAP_SIZE } from '../lib/geo/staticSize.ts';
import { PAGE_IDS, eventRowId, sourceEntryId } from '../lib/page-ids.ts';

/** Story text, escaped and isolated from the words around it. */
const bdi = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`;

/** "Reuters, Haiti's police": the source's name and title, each isolated. */
const sourceLabel = (source: Source) => `${bdi(source.name)}${source.title ? `, ${bdi(source.title)}` : ''}`;

function sourceLink(event: StoryEvent): string {
  const { source } = event;
  const label = `${sourceLabel(source)}, ${formatDate(source.date)}`;
  return source.url
    ? `<a href="${escapeHtml(source.url)}" rel="noopener noreferrer" target="_blank">${label}</a>`
    : `<a href="#${sourceEntryId(source.id)}">${label}</a>`;
}

function place(event: StoryEvent): string {
  return event.place
    ? `${bdi(event.place.name)}${escapeHtml(placeNote(event.place))}`
    : 'Place not given in the source';
}

function steps(story: Story, maps: string): string {
  const items = story.steps.map((step, i) => {
    const alt = escapeHtml(`Map: ${step.title ? isolate(step.title) : `step ${i + 1}`}`);
    const { width, height } = STATIC_MAP_SIZE;
    return `<li id="${step.id}" data-step="${step.id}"><article class="card active"><p class="count">${i + 1} of ${story.steps.length}</p>${step.title ? `<h2>${bdi(step.title)}</h2>` : ''}${step.html}</article><img class="step-map" src="${maps}${step.id}.svg" alt="${alt}" width="${width}" height="${height}" loading="lazy" /></li>`;
  });
  return `<ol class="unrolled">${items.join('')}</ol>`;
}

/** The event table's columns after the row's title, which heads each row. */
const COLUMNS = ['When', 'Where', 'What happened', 'Source'];

/**
 * Every event in a table anyone can read: when (with its precision), where, what, source. On a
 * narrow screen app.css stacks each row as a card, its cells labelled from `data-label`; the
 * ARIA roles restate the table's own, which some browsers drop from a table displayed as blocks.
 */
export function eventTable(story: Story): string {
  const cell = (column: number, html: string) => `<td role="cell" data-label="${COLUMNS[column]}">${html}</td>`;
  const rows = story.events.map((e) => {
    const note = e.when.note ? `; ${bdi(e.when.note)}` : '';
    const when = `${escapeHtml(formatWhen(e.when))} <span class="precision">(${escapeHtml(describePrecision(e.when))}${note})</span>`;
    return `<tr role="row" id="${eventRowId(e.id)}"><th role="rowheader" scope="row">${bdi(e.title)}</th>${cell(0, when)}${cell(1, place(e))}${cell(2, e.whatHtml)}${cell(3, sourceLink(e))}</tr>`;
  });
  const head = ['Event', ...COLUMNS].map((c) => `<th role="columnheader" scope="col">${c}</th>`).join('');
  // Just wider than the cards' breakpoint the table may still scroll sideways, so it takes focus
  // to scroll from the keyboard, and a focusable element needs a role and a name: one of its own,
  // as two regions of one name would be two landmarks no screen-reader user could tell apart.
  return `<section class="events" id="${PAGE_IDS.events}" aria-labelledby="${PAGE_IDS.eventsTitle}"><h2 id="${PAGE_IDS.eventsTitle}">All events in this story</h2><div class="table-scroll" tabindex="0" role="region" aria-label="All events, as a table that scrolls sideways"><table role="table"><thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${rows.join('')}</tbody></table></div></section>`;
}

function sources(story: Story): string {
  const items = story.sources.map((s) => {
    const label = sourceLabel(s);
    const link = s.url
      ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer" target="_blank">${label}</a>`
      : label;
    const missing = s.url ? '' : ' (our copy of the report carries no web address)';
    return `<li id="${sourceEntryId(s.id)}">${link}, ${formatDate(s.date)}${missing}.</li>`;
  });
  return `<footer class="sources" id="${PAGE_IDS.sources}"><h2>Sources</h2><ul>${items.join('')}</ul><p>Map data: ${bdi(story.mapCredit)}. ${bdi(story.credit)}</p></footer>`;
}

function masthead(story: Story): string {
  return `<header class="masthead"><p class="kicker">Story map</p><h1>${bdi(story.title)}</h1><p class="summary"><bdi>${story.summaryHtml}</bdi></p><p class="byline">${bdi(story.credit)}</p><div id="${PAGE_IDS.embedButton}"></div></header>`;
}

/** The body of a page: `maps` is the folder of the static step maps, relative to the page. */
export function prerender(story: Story, kind: PageKind, maps: string): string {
  return [
    `<a class="skip" href="#${PAGE_IDS.events}">Skip the map: go to the list of all events</a>`,
    // A frame shows no header, but its document still needs a top heading for screen readers.
    kind === 'embed' ? `<header><h1 class="visually-hidden">${bdi(story.title)}</h1></header>` : masthead(story),
    `<main id="${PAGE_IDS.app}" class="static">${steps(story, maps)}</main>`,
    eventTable(story),
    sources(story),
  ].join('\n    ');
}
