/**
 * Builds the site the browser tests read: the stories of tests/fixtures/site (a frozen copy of
 * the Haiti story and a Pacific story across the antimeridian), never the live data/stories/
 * that a newsroom edits. STORYMAP_DIST skips this and tests an existing build instead.
 */
import { buildSite } from '../build-site.ts';
import { FIXTURE_SITE } from './harness.ts';

export default async function setup(): Promise<void> {
  if (process.env.STORYMAP_DIST) return;
  await buildSite('tests/fixtures/site', 'mss-haiti', FIXTURE_SITE, 'http://127.0.0.1:4173/');
}
