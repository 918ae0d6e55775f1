/**
 * Reads a story file (YAML, or JSON, which is YAML too) and validates it. Every problem is
 * reported with the file, line, column and field, so a bad story stops the build with an error a
 * reporter can act on instead of a blank page.
 */
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
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
  const data = toData(doc);
  if (!data.ok) {
    const pos = lines.linePos(data.offset);
    return { ok: false, errors: [{ file, line: pos.line, column: pos.col, field: '', message: data.message }] };
  }
  const parsed = storySchema.safeParse(data.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((i) => explain(i));
    return { ok: false, errors: issues.map((i) => at(i.path, i.message)) };
  }
  const problems = checkReferences(parsed.data, knownCountries);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => at(p.path, p.message)) };
  return { ok: true, story: parsed.data };
}

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

type Issue = z.core.$ZodIssue;

/**
 * Zod's issues, reworded for a reporter. A value that matches none of a union's shapes (a camera,
 * a `when`) is reported by the shape it came closest to, so `zoom: "far"` names `zoom`.
 */
function explain(issue: Issue, base: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const path = [...base, ...issue.path];
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The closest shape is the one whose problems are fewest and not about unknown fields.
    const score = (issues: Issue[]) =>
      issues.length + 100 * issues.filter((i) => i.code === 'unrecognized_keys').length;
    const best = issue.errors.reduce((a, b) => (score(b) < score(a) ? b : a));
    if (score(best) < 100) return best.flatMap((i) => explain(i, path));
  }
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"` }));
  if (issue.code === 'invalid_type' && / received undefined$/.test(message))
    return [{ path, message: `missing (${message.replace(/, received undefined$/, '')})` }];
  return [{ path, message }];
}
