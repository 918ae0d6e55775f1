/**
 * The page's HTML as the build writes it, before any script runs: the header, every step's text
 * with a static map of that step, the list of all events and the sources. Readers without
 * JavaScript, search engines and printers get the whole story from it; with JavaScript the
 * interactive story mounts over the steps (`#app`), and the rest stays as written here. Prose
 * comes as HTML rendered and sanitized from validated markup (lib/story/markup.ts); everything
 * else is escaped here.
 */
import type { Story, StoryEvent } from '../lib/story/model.ts';
import { describePlace } from '../lib/story/describe.ts';
import { describePrecision, formatDate, formatWhen } from '../lib/story/when.ts';
import { escapeHtml } from './page.ts';
import type { PageKind } from './page.ts';
import { STATIC_MAP_SIZE } from '../lib/geo/staticSize.ts';

function sourceLink(event: StoryEvent): string {
  const { source } = event;
  const label = escapeHtml(`${source.name}${source.title ? `, ${source.title}` : ''}, ${formatDate(source.date)}`);
  return source.url
    ? `<a href="${escapeHtml(source.url)}" rel="noopener noreferrer" target="_blank">${label}</a>`
    : `<a href="#source-${source.id}">${label}</a>`;
}

function steps(story: Story, maps: string): string {
  const items = story.steps.map((step, i) => {
    const alt = escapeHtml(`Map: ${step.title ?? `step ${i + 1}`}`);
    const { width, height } = STATIC_MAP_SIZE;
    return `<li id="${step.id}" data-step="${step.id}"><article class="card active"><p class="count">${i + 1} of ${story.steps.length}</p>${step.title ? `<h2>${escapeHtml(step.title)}</h2>` : ''}${step.html}</article><img class="step-map" src="${maps}${step.id}.svg" alt="${alt}" width="${width}" height="${height}" loading="lazy" /></li>`;
  });
  return `<ol class="unrolled">${items.join('')}</ol>`;
}

/** Every event in a table anyone can read: when (with its precision), where, what, source. */
export function eventTable(story: Story): string {
  const rows = story.events.map((e) => {
    const note = e.when.note ? `; ${escapeHtml(e.when.note)}` : '';
    return `<tr id="event-${e.id}"><th scope="row">${escapeHtml(e.title)}</th><td>${escapeHtml(formatWhen(e.when))} <span class="precision">(${escapeHtml(describePrecision(e.when))}${note})</span></td><td>${escapeHtml(describePlace(e.place))}</td><td>${e.whatHtml}</td><td>${sourceLink(e)}</td></tr>`;
  });
  return `<section class="events" id="events" aria-labelledby="events-title"><h2 id="events-title">All events in this story</h2><div class="table-scroll" tabindex="0" role="region" aria-labelledby="events-title"><table><thead><tr><th scope="col">Event</th><th scope="col">When</th><th scope="col">Where</th><th scope="col">What happened</th><th scope="col">Source</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function sources(story: Story): string {
  const items = story.sources.map((s) => {
    const label = escapeHtml(`${s.name}${s.title ? `, ${s.title}` : ''}`);
    const link = s.url
      ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer" target="_blank">${label}</a>`
      : label;
    const missing = s.url ? '' : ' (our copy of the report carries no web address)';
    return `<li id="source-${s.id}">${link}, ${formatDate(s.date)}${missing}.</li>`;
  });
  return `<footer class="sources" id="sources"><h2>Sources</h2><ul>${items.join('')}</ul><p>Map data: ${escapeHtml(story.mapCredit)}. ${escapeHtml(story.credit)}</p></footer>`;
}

function masthead(story: Story): string {
  return `<header class="masthead"><p class="kicker">Story map</p><h1>${escapeHtml(story.title)}</h1><p class="summary">${story.summaryHtml}</p><p class="byline">${escapeHtml(story.credit)}</p><div id="embed-button"></div></header>`;
}

/** The body of a page: `maps` is the folder of the static step maps, relative to the page. */
export function prerender(story: Story, kind: PageKind, maps: string): string {
  return [
    `<a class="skip" href="#events">Skip the map: go to the list of all events</a>`,
    kind === 'embed' ? '' : masthead(story),
    `<main id="app" class="static">${steps(story, maps)}</main>`,
    eventTable(story),
    sources(story),
  ].join('\n    ');
}
