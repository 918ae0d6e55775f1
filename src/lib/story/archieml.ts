/**
 * ArchieML stories (`.aml`), as newsrooms export them from Google Docs: parsed by the `archieml`
 * package, mapped onto the object a YAML story parses to, and checked by the same schema and
 * cross-reference checks, with errors at `file.aml:line:col field: reason` like YAML's.
 *
 * ArchieML values are all text, so a few fields follow a convention (the table `SHAPES`):
 * - `coordinates` and `center`: `-72.3388, 18.5392`, brackets optional;
 * - `zoom`, `maxZoom`, `bearing`, `pitch`: a number written as digits;
 * - a step's `events` and `routes`, a camera's `fit`: an ArchieML list (`[.events]`, `* id`, `[]`)
 *   or ids on one line separated by commas, brackets optional;
 * - `planned`: `true` or `false`.
 * Text that is not what the convention wants stays text, so the schema names the fault.
 *
 * The package gives values without positions: a scanner that follows ArchieML's scopes as the
 * package does (`[array]`, `{object}`, `[.nested]`, `{.nested}`, `[]`/`{}`, a repeated first key
 * starting a new item, `:skip`/`:ignore`) notes the line and column of each key on the way.
 */
import { createRequire } from 'node:module';
import { storySchema } from './schema.ts';
import { checkReferences } from './references.ts';
import { explainIssue, type Explained } from './explain.ts';
import { formatField, type MoreChecks, type ParseResult, type StoryError } from './parse.ts';

type Path = PropertyKey[];
export type ArchieLoad = (source: string) => Record<string, unknown>;

/** The `archieml` package, loaded on first use: a site of YAML stories never needs it. */
const loadArchieml: ArchieLoad = (source) => {
  let archieml: { load: ArchieLoad };
  try {
    archieml = createRequire(import.meta.url)('archieml') as typeof archieml;
  } catch {
    throw new Error('ArchieML (.aml) stories need the archieml package: npm install --save-dev archieml@0.5.0');
  }
  return archieml.load(source);
};

type Shape = 'lngLat' | 'number' | 'ids' | 'boolean';
/** The fields whose text becomes something else; `*` is any item of a list. */
const SHAPES: [string, Shape][] = [
  ['places.*.coordinates', 'lngLat'],
  ['steps.*.camera.center', 'lngLat'],
  ['steps.*.camera.zoom', 'number'],
  ['steps.*.camera.maxZoom', 'number'],
  ['steps.*.camera.bearing', 'number'],
  ['steps.*.camera.pitch', 'number'],
  ['steps.*.camera.fit', 'ids'],
  ['steps.*.events', 'ids'],
  ['steps.*.routes', 'ids'],
  ['routes.*.planned', 'boolean'],
];
const shapeOf = (path: Path) =>
  SHAPES.find(([p]) => p === path.map((k) => (typeof k === 'number' ? '*' : String(k))).join('.'))?.[1];

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
/** `[a, b]` or `a, b` as its items' text. */
export const inlineItems = (text: string) =>
  text
    .replace(/^\s*\[(.*)\]\s*$/s, '$1')
    .split(',')
    .map((s) => s.trim());

function convert(value: unknown, shape: Shape | undefined): unknown {
  if (typeof value !== 'string' || !shape) return value;
  if (shape === 'number') return NUMBER.test(value.trim()) ? Number(value) : value;
  if (shape === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  const items = value.trim() === '' ? [] : inlineItems(value);
  return shape === 'ids' ? items : items.map((s) => (NUMBER.test(s) ? Number(s) : s));
}

/** The package's object, with the convention's fields turned into numbers, lists and booleans. */
export function toStoryData(value: unknown, path: Path = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => toStoryData(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStoryData(v, [...path, k])]));
  return convert(value, shapeOf(path));
}

interface Spot {
  line: number;
  column: number;
  offset: number;
}
interface Frame {
  path: Path;
  array: boolean;
  simple?: boolean;
  index: number;
  firstKey?: string;
}

const KEY = /^(\s*)([^\s[\]{}:\\]+)[ \t\r]*:[ \t\r]*(.*)$/;
const SCOPE = /^\s*([[{])[ \t\r]*([+.]*)[ \t\r]*([^\s[\]{}:\\]*)[ \t\r]*[\]}]/;
const COMMAND = /^\s*:[ \t\r]*(endskip|ignore|skip|end)/i;

/** Where each field of the document is written: `JSON.stringify(path)` → its key's line and column. */
export function positions(source: string): Map<string, Spot> {
  const spots = new Map<string, Spot>();
  const note = (path: Path, line: number, column: number, offset: number) =>
    spots.set(JSON.stringify(path), { line, column, offset });
  let stack: Frame[] = [];
  let skipping = false;
  let offset = 0;
  const scope = (): Path => {
    const top = stack.at(-1);
    return !top ? [] : top.array ? [...top.path, top.index] : top.path;
  };
  /** A key (or a nested scope) in a list of objects: its first key again starts a new item. */
  const itemKey = (key: string, spot: Spot) => {
    const top = stack.at(-1);
    if (!top?.array || top.simple) return;
    if (top.firstKey === undefined || top.firstKey === key) {
      top.index++;
      spots.set(JSON.stringify([...top.path, top.index]), spot);
    }
    top.firstKey ??= key;
  };
  source.split('\n').forEach((text, i) => {
    const line = i + 1;
    const at = offset;
    offset += text.length + 1;
    const command = COMMAND.exec(text)?.[1]?.toLowerCase();
    if (command === 'ignore') skipping = true;
    if (command === 'skip' || command === 'endskip') skipping = command === 'skip';
    if (command || skipping) return;
    const key = KEY.exec(text);
    const top = stack.at(-1);
    if (key?.[2] && !top?.simple) {
      const [, indent = '', name, value = ''] = key;
      const spot = { line, column: indent.length + 1, offset: at + indent.length };
      itemKey(name, spot);
      const path = [...scope(), ...name.split('.')];
      spots.set(JSON.stringify(path), spot);
      if (shapeOf(path) === 'lngLat' || shapeOf(path) === 'ids') {
        // Each item of an inline list at its own column, so `coordinates[1]` points at the latitude.
        const start = text.length - value.length;
        let column = start;
        for (const [k, item] of value.replace(/^\[/, ' ').split(',').entries()) {
          const lead = item.length - item.trimStart().length;
          note([...path, k], line, column + lead + 1, at + column + lead);
          column += item.length + 1;
        }
      }
      return;
    }
    if (top?.array && !top.simple && top.firstKey === undefined && /^\s*\*/.test(text)) top.simple = true;
    if (top?.simple && /^\s*\*/.test(text)) {
      top.index++;
      note([...top.path, top.index], line, text.indexOf('*') + 1, at + text.indexOf('*'));
      return;
    }
    const open = SCOPE.exec(text);
    if (!open) return;
    const [, bracket, flags = '', name = ''] = open;
    if (name === '') {
      stack.pop();
      return;
    }
    const nested = flags.includes('.');
    const column = text.indexOf(bracket ?? '[');
    const spot = { line, column: column + 1, offset: at + column };
    if (nested) itemKey(name, spot);
    const path = [...(nested ? scope() : []), ...name.split('.')];
    spots.set(JSON.stringify(path), spot);
    const frame: Frame = { path, array: bracket === '[', index: -1 };
    stack = nested ? [...stack, frame] : [frame];
  });
  return spots;
}

/** Parses and validates an ArchieML story, as `parseStory` does a YAML one. */
export function parseArchieStory(
  source: string,
  file: string,
  knownCountries: ReadonlySet<string>,
  load: ArchieLoad = loadArchieml,
  more?: MoreChecks,
): ParseResult {
  const text = source.replace(/\r\n?/g, '\n');
  const data = toStoryData(load(text));
  const spots = positions(text);
  const offsets = [...spots.values()].map((s) => s.offset).sort((a, b) => a - b);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const at = (problem: Explained): StoryError => {
    // The field's own key, or the nearest one above it that is written (a missing field's owner).
    let spot: Spot | undefined;
    for (let n = problem.path.length; n > 0 && !spot; n--) spot = spots.get(JSON.stringify(problem.path.slice(0, n)));
    let { line, column } = spot ?? { line: 1, column: 1 };
    if (spot && problem.needle) {
      // In multi-line text (`:end`), the line that holds the fault, if it is before the next field.
      const found = text.indexOf(problem.needle, spot.offset);
      const next = offsets.find((o) => o > spot.offset) ?? text.length;
      if (found >= 0 && found < next) {
        line = lineOf(found);
        column = found - text.lastIndexOf('\n', found - 1);
      }
    }
    return { file, line, column, field: formatField(problem.path), message: problem.message };
  };
  const inOrder = (errors: StoryError[]) => errors.sort((a, b) => a.line - b.line || a.column - b.column);
  const parsed = storySchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((i) => explainIssue(i, data, storySchema));
    return { ok: false, errors: inOrder(problems.map(at)) };
  }
  const problems = [...checkReferences(parsed.data, knownCountries), ...(more?.(parsed.data) ?? [])];
  if (problems.length > 0) return { ok: false, errors: inOrder(problems.map(at)) };
  return { ok: true, story: parsed.data };
}
