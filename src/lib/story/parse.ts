/**
 * Reads a story file (YAML, or JSON, which is YAML too) and validates it. Every problem is
 * reported with the file, line, column and field, so a bad story stops the build with an error a
 * reporter can act on instead of a blank page. `npm run check` prints the same lines.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Pair } from 'yaml';
import { storySchema, type StoryFile } from './schema.ts';
import { checkReferences, type Problem } from './references.ts';
import { explainIssue, explainYamlError, type Explained } from './explain.ts';

export interface StoryError {
  file: string;
  line: number;
  column: number;
  /** The field, written as in the file: `steps[5].events[1]`. */
  field: string;
  message: string;
  /** The likely cause, when it is one of YAML's traps (an unquoted comma, `0001` read as 1). */
  hint?: string;
}

export type ParseResult = { ok: true; story: StoryFile } | { ok: false; errors: StoryError[] };

/**
 * Checks the caller adds once the story's shape is right, reported at their fields' lines like the
 * kit's own: the build's look at the image files beside the story (src/build/check-images.ts).
 */
export type MoreChecks = (story: StoryFile) => Problem[];

export function formatField(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** `file:line:col field: reason`, and the hint, if any, on an indented line below. */
export function formatError(error: StoryError): string {
  const line = `${error.file}:${error.line}:${error.column} ${error.field || '(story)'}: ${error.message}`;
  return error.hint ? `${line}\n    hint: ${error.hint}` : line;
}

/** Every problem of one or more stories, one after another: what the build and `npm run check` print. */
export function formatErrors(errors: readonly StoryError[]): string {
  return errors.map(formatError).join('\n');
}

type Range = [number, number, number];
const rangeOf = (n: unknown) => (n as { range?: Range | null } | null)?.range ?? undefined;

interface Found {
  /** The node at the end of the path, or the deepest one that exists. */
  node: unknown;
  pair?: Pair;
  parent?: unknown;
  complete: boolean;
}

/** The deepest node of the document that exists along `path`, so a missing field points at its parent. */
function find(doc: Document, path: readonly PropertyKey[]): Found {
  let found: Found = { node: doc.contents, complete: true };
  for (const key of path) {
    const node = found.node;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) return { ...found, complete: false };
      found = { node: pair.value ?? pair.key, pair, parent: node, complete: true };
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      found = { node: node.items[key], parent: node, complete: true };
    } else return { ...found, complete: false };
  }
  return found;
}

/** The source's own spelling of a plain scalar, e.g. `0001` for the number 1. */
function rawText(source: string, node: unknown): string | undefined {
  const range = rangeOf(node);
  if (!isScalar(node) || !range || node.type !== 'PLAIN') return undefined;
  return source.slice(range[0], range[1]);
}

/** What YAML made of a plain value the reporter meant as text, when that is the likely cause. */
function trapHint(source: string, found: Found, problem: Explained): string | undefined {
  if (problem.atKey && found.pair && isMap(found.parent) && found.parent.flow && found.pair.value == null) {
    // `{ name: Washington, D.C. }` reads as { name: Washington, "D.C.": null }.
    const items = found.parent.items;
    const before = items[items.indexOf(found.pair) - 1];
    const start = rangeOf(before?.value)?.[0];
    const end = rangeOf(found.pair.key)?.[1];
    const written = start !== undefined && end !== undefined ? source.slice(start, end) : undefined;
    const key = before && isScalar(before.key) ? String(before.key.value) : 'name';
    return written
      ? `inside { … } an unquoted comma ends the value, so YAML read "${written}" as two fields; put the value in quotes: ${key}: '${written}'`
      : 'inside { … } an unquoted comma ends the value; put a value that holds a comma in quotes';
  }
  const raw = rawText(source, found.node);
  if (raw === undefined || !found.complete || problem.atKey) return undefined;
  const value: unknown = isScalar(found.node) ? found.node.value : undefined;
  const quote = `put it in quotes: '${raw}'`;
  if (value instanceof Date) return `YAML read ${raw} as a date and time; ${quote}`;
  if (typeof value === 'number' && raw !== String(value)) return `YAML read ${raw} as the number ${value}; ${quote}`;
  if (/must be text, not/.test(problem.message)) {
    if (typeof value === 'number') return `YAML reads ${raw} as a number; ${quote}`;
    if (typeof value === 'boolean') return `YAML reads ${raw} as ${String(value)}; ${quote}`;
  }
  if (/must be true or false, not text/.test(problem.message))
    return `write true or false (YAML 1.2 reads ${raw} as a word)`;
  return undefined;
}

export function parseStory(
  source: string,
  file: string,
  knownCountries: ReadonlySet<string>,
  more?: MoreChecks,
): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = (offset: number, message: string, field = '', hint?: string): StoryError => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col, field, message, ...(hint ? { hint } : {}) };
  };
  if (doc.errors.length > 0) {
    // After a tab or a bad indent, YAML loses track of the structure: the errors that follow are
    // its confusion, not the reporter's mistakes. One error per line, too.
    const cascade = doc.errors.findIndex((e) => e.code === 'TAB_AS_INDENT' || e.code === 'BAD_INDENT');
    const seen = new Set<number>();
    const real = doc.errors.slice(0, cascade < 0 ? undefined : cascade + 1).filter((e) => {
      const { line } = lines.linePos(e.pos[0]);
      return !seen.has(line) && seen.add(line);
    });
    return {
      ok: false,
      errors: real.map((e) => {
        const { line } = lines.linePos(e.pos[0]);
        const text = source.split('\n')[line - 1] ?? '';
        const said = explainYamlError(e.code, e.message, text);
        return error(e.pos[0], said.message, '', said.hint);
      }),
    };
  }
  const at = (problem: Explained): StoryError => {
    const found = find(doc, problem.path);
    const keyRange = problem.atKey ? rangeOf(found.pair?.key) : undefined;
    let offset = (keyRange ?? rangeOf(found.node))?.[0] ?? 0;
    // In long prose, the line that holds the fault: `<script>` on the 12th line of a `|` block.
    const range = rangeOf(found.node);
    if (problem.needle && range && found.complete) {
      const index = source.slice(range[0], range[1]).indexOf(problem.needle);
      if (index >= 0) offset = range[0] + index;
    }
    return error(offset, problem.message, formatField(problem.path), trapHint(source, found, problem));
  };
  const data = toData(doc);
  if (!data.ok) return { ok: false, errors: [error(data.offset, data.message)] };
  const parsed = storySchema.safeParse(data.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((i) => explainIssue(i, data.value, storySchema));
    return { ok: false, errors: inOrder(problems.map(at)) };
  }
  const problems = [...checkReferences(parsed.data, knownCountries), ...(more?.(parsed.data) ?? [])];
  if (problems.length > 0) return { ok: false, errors: inOrder(problems.map(at)) };
  return { ok: true, story: parsed.data };
}

/** As the reporter reads the file: from the top. */
const inOrder = (errors: StoryError[]) => errors.sort((a, b) => a.line - b.line || a.column - b.column);

/**
 * The document as plain data. The yaml library refuses a file whose aliases would expand into a
 * huge value (the "billion laughs" attack); that becomes an error at the first alias.
 */
function toData(doc: Document): { ok: true; value: unknown } | { ok: false; offset: number; message: string } {
  try {
    return { ok: true, value: doc.toJS() };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return { ok: false, offset, message: 'too many YAML aliases (*name); write the values out instead' };
  }
}
