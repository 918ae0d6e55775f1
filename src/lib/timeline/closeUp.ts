/**
 * Which events the close-up shows: the run of short, day-precise events leading up to the source's
 * date. On a years-long overview a day is under a pixel, so these would pile into one spot.
 */
import { interval, type When } from '../story/when.ts';
import { endOf, type CalendarDate } from '../story/dates.ts';

const DAY = 86_400_000;
/** An event this short, ending this close before the source's date, starts the close-up. */
const SHORT = 45 * DAY;
const RECENT = 75 * DAY;
/**
 * Earlier short events join while each is within LINK of the run, so a daily chronicle is not cut
 * at an arbitrary day; never further back than REACH, so the close-up stays a close-up.
 */
const LINK = 7 * DAY;
const REACH = 120 * DAY;

function dayPrecise(when: When): boolean {
  if (when.kind === 'date') return when.date.precision === 'day';
  if (when.kind === 'range') return when.from.precision === 'day' && when.to.precision === 'day';
  // `since` runs to the report and `by` is a target: neither is a moment in the run of days.
  return false;
}

/** The ids of the events the close-up shows; empty when fewer than two qualify. */
export function closeUpEvents(events: readonly { id: string; when: When }[], published: CalendarDate): Set<string> {
  const pub = +endOf(published);
  const candidates = events
    .filter((e) => dayPrecise(e.when))
    .map((e) => ({ id: e.id, ...interval(e.when, published) }))
    // "This week" may run past the report's date; it still belongs with the days around it.
    .filter((c) => c.end - c.start <= SHORT && c.start < pub && pub - c.start <= REACH)
    .sort((a, b) => b.end - a.end);
  const seeds = candidates.filter((c) => pub - c.end <= RECENT);
  if (seeds.length === 0) return new Set();
  const ids = new Set(seeds.map((c) => c.id));
  let from = Math.min(...seeds.map((c) => c.start));
  for (const c of candidates) {
    if (ids.has(c.id) || c.end < from - LINK) continue;
    ids.add(c.id);
    from = Math.min(from, c.start);
  }
  return ids.size >= 2 ? ids : new Set();
}
