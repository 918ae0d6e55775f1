/**
 * `npm run new-story <slug>`: writes a commented starter story to data/stories/<slug>.yaml that
 * builds and shows a working map at once, and prints the address to open under `npm run dev`.
 * Everything in it a reporter must replace says so: the starter never reads as news.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_PATH } from './json-schema.ts';
import { STORIES_DIR } from './check.ts';

export class NewStoryError extends Error {
  override name = 'NewStoryError';
}

/** The address `npm run dev` (vite --host 127.0.0.1, port 5173) serves a story at. */
export const devAddress = (slug: string) => `http://127.0.0.1:5173/${slug}/`;

/** The starter story's text; `schema` is the JSON Schema's path relative to the story's folder. */
export function starterStory(today: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A starter story: replace every "Replace …" with what your source says, and the example places
# with yours. \`npm run check\` lists every problem with its line; the build runs the same
# check. YAML tips: quote a value that holds ": " or " #" ('Haiti: the mission'), and inside
# { … } quote any value with a comma ({ name: 'Washington, D.C.' }).

title: Replace this title # the page's title, at most 200 characters
summary: Replace this summary, a sentence or two under the title. # *emphasis* and [links](https://…) work
credit: Replace with the story's credit, e.g. Graphics by …
basedOn: replace-source # the id of the source this story retells; its date is the story's "today"
mapCredit: Natural Earth (public domain), via the world-atlas package

# Every fact comes from a source. \`date\` is when it was published (YYYY, YYYY-MM or YYYY-MM-DD).
sources:
  - id: replace-source # lowercase letters, digits and dashes; other fields name things by id
    name: Replace with the publisher
    title: Replace with the headline # optional
    date: ${today}
    # url: https://… # optional: the article's address

# Places the story names. Only example places here: replace them with the ones your source gives.
places:
  # A city: a pin at [longitude, latitude] (east and north are positive).
  - { id: example-city, name: Nairobi, precision: city, coordinates: [36.8172, -1.2864] }
  # A country the source names without a town: the map outlines it, never a pin. \`iso\` is its
  # ISO 3166-1 numeric code, in quotes.
  - { id: example-country, name: Uganda, precision: country, iso: '800' }

# What happened. \`when\` says it as precisely as the source does: { date: 2025-04 } is a month,
# { from: 2025-03-24, to: 2025-03-30 } a range, { since: 2021 } ongoing, { by: 2026 } a target.
events:
  - id: first-event
    title: Replace with what happened first
    label: Replace this label # optional: the marker's label on the map (else the place's name)
    when: { date: ${today.slice(0, 7)}, note: replace or remove this note } # note: where the date comes from
    where: example-city # a place id; leave it out if the source gives no place
    what: Replace with what happened, as the source tells it. A blank line starts a new paragraph.
    source: replace-source
  - id: second-event
    title: Replace with what happened next
    when: { date: ${today.slice(0, 4)} }
    where: example-country
    what: Replace with what happened next.
    source: replace-source

# Movements between two different places, drawn as great circles that grow as the reader scrolls.
routes:
  - id: example-route
    from: example-city
    to: example-country
    kind: travel # deployment, evacuation or travel
    label: Replace with what moved
    # planned: true # drawn dashed: planned, not yet made

# The cards the reader scrolls through; each says what the map shows while it is read.
steps:
  - id: overview # also the deep link: …/#overview
    title: Replace this step title # optional
    text: |
      Replace with the first card's text.

      A blank line starts a new paragraph.
    camera: { fit: [example-city, example-country] } # keep these event or place ids in view
  - id: first
    text: Replace with the second card's text.
    events: [first-event] # their markers and timeline items stand out
    camera: { center: [36.8172, -1.2864], zoom: 6 } # or a fixed view; add bearing and pitch to tilt
  - id: next
    text: Replace with the third card's text.
    events: [second-event]
    routes: [example-route] # drawn as the reader scrolls
    camera: { fit: [example-city, second-event], maxZoom: 6 }
`;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** Folders the built site uses itself: a story there would collide with them. */
const RESERVED = new Set(['assets', 'embed']);

/** Writes the starter story for `slug` into `dir`; refuses a bad or taken slug. Returns the file. */
export function createStory(slug: string, dir: string, root = process.cwd(), today = new Date()): string {
  if (!SLUG.test(slug) || slug.length > 80)
    throw new NewStoryError(
      `"${slug}" cannot be a story's name: use lowercase letters, digits and dashes, e.g. haiti-mission`,
    );
  if (RESERVED.has(slug)) throw new NewStoryError(`"${slug}" is a folder of the site itself; choose another name`);
  const taken = ['.yaml', '.yml', '.json'].map((ext) => join(dir, `${slug}${ext}`)).find((f) => existsSync(f));
  if (taken) throw new NewStoryError(`${relative(root, taken)} already exists; choose another name`);
  const file = join(dir, `${slug}.yaml`);
  const schema = relative(dir, resolve(root, SCHEMA_PATH)).split('\\').join('/');
  writeFileSync(file, starterStory(today.toISOString().slice(0, 10), schema), { flag: 'wx' });
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [slug, ...rest] = process.argv.slice(2);
  try {
    if (!slug || rest.length > 0)
      throw new NewStoryError('usage: npm run new-story <slug>, e.g. npm run new-story haiti-mission');
    const file = createStory(slug, resolve(STORIES_DIR));
    console.log(`wrote ${relative(process.cwd(), file)}`);
    console.log(`run \`npm run dev\` (a running one picks the story up) and open ${devAddress(slug)}`);
  } catch (error) {
    console.error(error instanceof NewStoryError ? error.message : `new-story failed: ${String(error)}`);
    process.exitCode = 1;
  }
}
