/**
 * Stories with one defect each, as patches of one valid base story (tests/fixtures/defects/base.yaml)
 * and what the kit must say about them. Patches edit the story's text, not its data, because many
 * defects only exist in the text: a key written twice, an alias bomb, a YAML tag, a `__proto__` key.
 *
 * parse.test.ts checks the mistakes, hostile.test.ts the attacks and the lookalikes, jsonSchema.test.ts
 * the cases with a `schemaAt`; check.test.ts and stories.test.ts run a few through the checker and
 * the build.
 */
import { readFileSync } from 'node:fs';

export const base = readFileSync(new URL('../fixtures/defects/base.yaml', import.meta.url), 'utf8');

/** Replaces text that occurs exactly once in the story: `[from, to]`. */
export type Edit = readonly [from: string, to: string];

/** Replaces the whole line that reads `line` with `lines` (none, one or several). */
const replaceLine = (line: string, ...lines: string[]): Edit => [
  `\n${line}\n`,
  `\n${lines.map((l) => `${l}\n`).join('')}`,
];
/** Adds `lines` after the line that reads `line`. */
const insertAfter = (line: string, ...lines: string[]): Edit => replaceLine(line, line, ...lines);
/** Removes the line that reads `line`. */
const drop = (line: string): Edit => replaceLine(line);

export interface Defect {
  /** The case's name, also the file name the tests give the story. */
  name: string;
  /** What a reporter slipped on ('mistake'), or what someone did on purpose ('attack'). */
  kind: 'mistake' | 'attack';
  patch: readonly Edit[];
  /** The one error: its line in the patched story, its field, and words its message contains. */
  line: number;
  field: string;
  message: string;
  /** Where data/story.schema.json rejects the story too (a JSON pointer), for defects of shape. */
  schemaAt?: string;
}

const RAW_HTML = 'raw HTML is not allowed';

export const defects: readonly Defect[] = [
  {
    name: 'longitude-out-of-range',
    kind: 'mistake',
    patch: [['coordinates: [-72.3388, 18.5392]', 'coordinates: [200, 18.5392]']],
    line: 17,
    field: 'places[0].coordinates[0]',
    message: 'longitude 200 is outside -180..180',
    schemaAt: '/places/0',
  },
  {
    name: 'unknown-step-event',
    kind: 'mistake',
    patch: [
      ['  - id: capital', '  - id: evacuation'],
      ['events: [patrol]', 'events: [evac]'],
    ],
    line: 51,
    field: 'steps[1].events[0]',
    message: 'step "evacuation" shows unknown event "evac"',
  },
  {
    // The steps drop "patrol" too, so that the duplicate is the only problem.
    name: 'duplicate-event-id',
    kind: 'mistake',
    patch: [
      ['  - id: patrol', '  - id: deployment'],
      ['fit: [haiti, patrol]', 'fit: [haiti]'],
      ['events: [patrol]', 'events: [deployment]'],
    ],
    line: 30,
    field: 'events[1].id',
    message: 'event id "deployment" is used twice',
  },
  {
    name: 'impossible-date',
    kind: 'mistake',
    patch: [['{ date: 2024-06 }', '{ date: 2025-02-30 }']],
    line: 26,
    field: 'events[0].when.date',
    message: '2025-02-30 is not a real date',
  },
  {
    name: 'range-backwards',
    kind: 'mistake',
    patch: [['from: 2025-03-24, to: 2025-03-30', 'from: 2025-03-30, to: 2025-03-24']],
    line: 32,
    field: 'events[1].when.to',
    message: 'range ends (2025-03-24) before it starts (2025-03-30)',
  },
  {
    // A missing field has no line of its own: the error points at the event that lacks it.
    name: 'missing-title',
    kind: 'mistake',
    patch: [drop('    title: Officers arrive')],
    line: 24,
    field: 'events[0].title',
    message: 'missing',
    schemaAt: '/events/0',
  },
  {
    name: 'unknown-field',
    kind: 'mistake',
    patch: [['    where: port-au-prince', '    wehre: port-au-prince']],
    line: 33,
    field: 'events[1].wehre',
    message: 'unknown field "wehre"',
    schemaAt: '/events/1',
  },
  {
    name: 'unknown-country',
    kind: 'mistake',
    patch: [["iso: '332'", "iso: '999'"]],
    line: 21,
    field: 'places[1].iso',
    message: 'the basemap has no country with iso "999"',
  },
  {
    name: 'route-unknown-place',
    kind: 'mistake',
    patch: [['    from: haiti', '    from: kenya']],
    line: 39,
    field: 'routes[0].from',
    message: 'route "arrival" from unknown place "kenya"',
  },
  {
    name: 'zoom-as-text',
    kind: 'mistake',
    patch: [['zoom: 8', "zoom: 'far'"]],
    line: 53,
    field: 'steps[1].camera.zoom',
    message: 'must be a number, not text ("far")',
    schemaAt: '/steps/1/camera',
  },
  {
    name: 'duplicate-key',
    kind: 'mistake',
    patch: [insertAfter('    name: Wire', '    name: Wire News')],
    line: 11,
    field: '',
    message: 'this field is written twice in the same place; keep one',
  },
  {
    name: 'script-in-step-text',
    kind: 'attack',
    patch: [['text: The officers arrive.', 'text: The officers arrive.<script>alert(document.cookie)</script>']],
    line: 46,
    field: 'steps[0].text',
    message: RAW_HTML,
  },
  {
    name: 'img-onerror-in-what',
    kind: 'attack',
    patch: [['what: The first officers arrived.', 'what: The first officers arrived. <img src=x onerror="alert(1)">']],
    line: 28,
    field: 'events[0].what',
    message: RAW_HTML,
  },
  {
    name: 'svg-in-quote',
    kind: 'attack',
    patch: [
      insertAfter(
        '    what: A patrol came under fire last week.',
        '    quotes:',
        '      - text: We held the line <svg onload=alert(1)>',
        '        who: A spokesperson',
      ),
    ],
    line: 36,
    field: 'events[1].quotes[0].text',
    message: RAW_HTML,
  },
  {
    name: 'html-in-title',
    kind: 'attack',
    patch: [['title: A patrol comes under fire', 'title: A patrol comes under <b>fire</b>']],
    line: 31,
    field: 'events[1].title',
    message: RAW_HTML,
  },
  {
    name: 'javascript-link',
    kind: 'attack',
    patch: [['text: The capital.', 'text: The [capital](javascript:alert(document.cookie)).']],
    line: 50,
    field: 'steps[1].text',
    message: 'link "javascript:alert(document.cookie)" must start with https://, http:// or mailto:',
  },
  {
    name: 'data-link',
    kind: 'attack',
    patch: [['fire last week.', 'fire [last week](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).']],
    line: 34,
    field: 'events[1].what',
    message: 'link "data:text/html;base64,',
  },
  {
    name: 'duplicate-step-id',
    kind: 'attack',
    patch: [['  - id: capital', '  - id: start']],
    line: 49,
    field: 'steps[1].id',
    message: 'step id "start" is used twice',
  },
  {
    // A missing field has no line of its own: the error points at the step that lacks it.
    name: 'missing-camera',
    kind: 'attack',
    patch: [drop('    camera: { fit: [haiti, patrol], maxZoom: 7 }')],
    line: 45,
    field: 'steps[0].camera',
    message: 'missing',
    schemaAt: '/steps/0',
  },
  {
    name: 'list-as-what',
    kind: 'attack',
    patch: [['what: The first officers arrived.', 'what: [The first officers, arrived]']],
    line: 28,
    field: 'events[0].what',
    message: 'must be text, not a list',
    schemaAt: '/events/0/what',
  },
  {
    name: 'latitude-out-of-range',
    kind: 'attack',
    patch: [['coordinates: [-72.3388, 18.5392]', 'coordinates: [-72.3388, 95]']],
    line: 17,
    field: 'places[0].coordinates[1]',
    message: 'latitude 95 is outside -85..85',
    schemaAt: '/places/0',
  },
  // February 30th, once an attack of its own, is the mistake impossible-date.
  {
    name: 'month-13',
    kind: 'attack',
    patch: [['from: 2025-03-24', 'from: 2025-13-01']],
    line: 32,
    field: 'events[1].when.from',
    message: 'month 13 is outside 1..12',
  },
  {
    name: 'proto-key',
    kind: 'attack',
    patch: [insertAfter('credit: Test credit', '__proto__: { polluted: true }')],
    line: 5,
    field: '__proto__',
    message: 'unknown field "__proto__"',
  },
  {
    // YAML aliases that would expand into millions of values ("billion laughs"). The yaml
    // library refuses to expand them; the error points at the first line with an alias.
    name: 'alias-bomb',
    kind: 'attack',
    patch: [
      insertAfter(
        'mapCredit: Natural Earth',
        'a: &a [x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      ),
    ],
    line: 8,
    field: '',
    message: 'too many YAML aliases',
  },
];

/** Hostile-looking stories that are harmless: they build, and render as plain text. */
export const lookalikes: readonly { name: string; patch: readonly Edit[] }[] = [
  {
    name: 'markup-lookalikes',
    patch: [
      replaceLine(
        '    text: The officers arrive.',
        '    text: >-',
        '      &lt;script&gt;alert(1)&lt;/script&gt; onclick=alert(1) ![pixel](https://tracker.example/p.gif)',
        '      `code` # not a heading, 3 < 4 and <3 [a link](https://example.org)',
      ),
    ],
  },
  {
    // A YAML tag asking for a JavaScript function: it stays a string.
    name: 'unknown-yaml-tag',
    patch: [['what: The first officers arrived.', "what: !!js/function 'function () { alert(1) }'"]],
  },
];

/** The base story with `edits` made, each to text that occurs exactly once. */
export function patched(edits: readonly Edit[]): string {
  return edits.reduce((story, [from, to]) => {
    const count = story.split(from).length - 1;
    if (count !== 1) throw new Error(`a patch needs "${from}" once in the story; it is there ${count} times`);
    return story.replace(from, () => to);
  }, base);
}

/** The story of the case called `name`, in defects or lookalikes. */
export function storyNamed(name: string): string {
  const found = [...defects, ...lookalikes].find((d) => d.name === name);
  if (!found) throw new Error(`no case called "${name}"`);
  return patched(found.patch);
}
