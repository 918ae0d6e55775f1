/**
 * Reads a story file (YAML, or JSON, which is YAML too) and validates it. Every problem is
 * reported with the file, line, column and field, so a bad story stops the build with an error a
 * reporter can act on instead of a blank page.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { storySchema, type StoryFile } from './schema.ts';
import { checkReferences } from './references.ts';

export interface StoryError {
  file: string;
  line: number;
  column: number;
  /** The field, written as in the file: `steps[5].events[1]`. */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; story: StoryFile } | { ok: false; errors: StoryError[] };

export function formatField(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

export function formatError(error: StoryError): string {
  return `${error.file}:${error.line}:${error.column} ${error.field || '(story)'}: ${error.message}`;
}

/** The deepest node of the document that exists along `path`, so a missing field points at its parent. */
function locate(doc: Document, path: readonly PropertyKey[], lines: LineCounter): { line: number; col: number } {
  const rangeOf = (n: unknown) => (n as { range?: [number, number, number] } | null)?.range;
  let node: unknown = doc.contents;
  let offset = rangeOf(node)?.[0] ?? 0;
  for (const key of path) {
    if (!isMap(node) && !isSeq(node)) break;
    const next: unknown = node.get(key as string | number, true);
    // A missing field is reported at the object that should hold it.
    if (next === undefined) break;
    node = next;
    offset = rangeOf(node)?.[0] ?? offset;
  }
  return lines.linePos(offset);
}

export function parseStory(source: string, file: string, knownCountries: ReadonlySet<string>): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, field: '', message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  const at = (path: readonly PropertyKey[], message: string): StoryError => {
    const pos = locate(doc, path, lines);
    return { file, line: pos.line, column: pos.col, field: formatField(path), message };
  };
  const parsed = storySchema.safeParse(doc.toJS());
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => at(i.path, describe(i))) };
  const problems = checkReferences(parsed.data, knownCountries);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => at(p.path, p.message)) };
  return { ok: true, story: parsed.data };
}

/** Zod's wording for a missing field is "expected X, received undefined"; say it plainly. */
function describe(issue: { code: string; message: string; input?: unknown; path: PropertyKey[] }): string {
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `missing (${issue.message.replace(/^Invalid input: /, '')})`;
  if (issue.code === 'unrecognized_keys') return issue.message.replace(/^Unrecognized key/, 'unknown field');
  return issue.message.replace(/^Invalid input: /, '');
}
