/**
 * Zod's issues and the yaml library's errors, reworded for the reporter who reads them in a build
 * error or in `npm run check`: what is wrong with the field, in the kit's words, never the
 * validator's own ("Too small: expected array to have >=1 items").
 */
import { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

export interface Explained {
  path: Path;
  message: string;
  /** Text to look for inside the field's value, so an error in long prose names its own line. */
  needle?: string;
  /** The field itself is unknown: point at its key rather than its value. */
  atKey?: boolean;
}

/** A message zod wrote itself (as opposed to one the schema gives), which a reporter never sees. */
const ZOD_WORDING = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A value as the reporter would call it: `text ("far")`, `the number 1`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (the field is empty)';
  if (value instanceof Date) return 'a date and time';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a group of fields',
};

/** `events` → "an event", `camera` → "a camera", the root → "a story". */
export function ownerOf(path: Path): string {
  const key = [...path].reverse().find((k) => typeof k === 'string');
  const singular = key === undefined ? 'story' : String(key).replace(/ies$/, 'y').replace(/s$/, '');
  const article = /^[aeiou]/.test(singular) ? 'an' : 'a';
  return `${article} ${singular}`;
}

/** The fields the schema allows at `path` (the union of every shape a union allows). */
export function fieldsAt(schema: z.ZodType, path: Path): string[] {
  let nodes: z.ZodType[] = [schema];
  const unwrap = (node: z.ZodType): z.ZodType[] => {
    if (node instanceof z.ZodOptional) return unwrap(node.unwrap() as z.ZodType);
    if (node instanceof z.ZodUnion) return (node.options as z.ZodType[]).flatMap(unwrap);
    return [node];
  };
  for (const key of path) {
    nodes = nodes.flatMap(unwrap).flatMap((node): z.ZodType[] => {
      if (node instanceof z.ZodArray && typeof key === 'number') return [node.element as z.ZodType];
      if (node instanceof z.ZodObject && typeof key === 'string') {
        const child = (node.shape as Record<string, z.ZodType>)[key];
        return child ? [child] : [];
      }
      return [];
    });
  }
  const keys = nodes.flatMap(unwrap).flatMap((n) => (n instanceof z.ZodObject ? Object.keys(n.shape) : []));
  return [...new Set(keys)];
}

/** Edits (insert, delete, change, swap two neighbours) between two words: `wehre` is 1 from `where`. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i || j));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const swap = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? at(i - 2, j - 2) + 1 : Infinity;
      const row = d[i] ?? [];
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1), swap);
    }
  return at(a.length, b.length);
}

/** The allowed field the reporter most likely meant, if one is close enough to be a typo. */
export function closest(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of allowed) {
    const d = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.name : undefined;
}

const list = (items: readonly unknown[]) =>
  items.length < 2
    ? items.map(String).join('')
    : `${items.slice(0, -1).map(String).join(', ')} or ${String(items[items.length - 1])}`;

/**
 * One zod issue as the reporter's problems. A value that matches none of a union's shapes (a
 * camera, a `when`) is reported by the shape it came closest to, so `zoom: "far"` names `zoom`.
 */
export function explainIssue(issue: Issue, data: unknown, schema: z.ZodType, base: Path = []): Explained[] {
  const path = [...base, ...issue.path];
  const value = valueAt(data, path);
  const own = !ZOD_WORDING.test(issue.message);
  const field = String(path[path.length - 1] ?? 'story');
  // "an `alt`", "a `title`": the article as the field's name is said.
  const article = /^[aeiou]/i.test(String(field)) ? 'an' : 'a';
  const missing = `missing: ${ownerOf(path.slice(0, -1))} needs ${typeof path[path.length - 1] === 'string' ? `${article} \`${field}\`` : 'a value here'}`;

  switch (issue.code) {
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        // A discriminated union (a place's precision) whose key is missing or not one it knows.
        if (value === undefined) return [{ path, message: missing }];
        const options = (issue as { options?: unknown[] }).options;
        if (options?.length) return [{ path, message: `must be ${list(options)}, not ${describeValue(value)}` }];
        return [{ path, message: own ? issue.message : `${describeValue(value)} is not allowed here` }];
      }
      // The closest shape is the one whose problems are fewest and not about unknown fields.
      const score = (issues: Issue[]) =>
        issues.length + 100 * issues.filter((i) => i.code === 'unrecognized_keys').length;
      const best = issue.errors.reduce((a, b) => (score(b) < score(a) ? b : a));
      if (score(best) < 100 || value === undefined) return best.flatMap((i) => explainIssue(i, data, schema, path));
      return [{ path, message: own ? issue.message : `${describeValue(value)} is not allowed here` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const guess = closest(key, fieldsAt(schema, path));
        const hint = guess ? `; did you mean \`${guess}\`?` : '';
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown field "${key}": not a field ${ownerOf(path)} can have${hint}`,
        };
      });
    case 'invalid_type': {
      if (value === undefined) return [{ path, message: missing }];
      if (own) return [{ path, message: issue.message }];
      const kind = KINDS[issue.expected] ?? issue.expected;
      return [{ path, message: `must be ${kind}, not ${describeValue(value)}` }];
    }
    case 'too_small':
      if (own) return [{ path, message: issue.message }];
      if (issue.origin === 'array')
        return [
          { path, message: `${ownerOf(path.slice(0, -1))} needs at least one ${ownerOf(path).replace(/^an? /, '')}` },
        ];
      return [{ path, message: `must be at least ${String(issue.minimum)}` }];
    case 'too_big':
      return [{ path, message: own ? issue.message : `must be at most ${String(issue.maximum)}` }];
    case 'invalid_value':
      return [{ path, message: `must be ${list(issue.values)}, not ${describeValue(value)}` }];
    case 'invalid_format':
      return [{ path, message: own ? issue.message : `${describeValue(value)} is not in the form this field needs` }];
    case 'custom': {
      const needle = (issue.params as { needle?: unknown } | undefined)?.needle;
      return [{ path, message: issue.message, ...(typeof needle === 'string' && needle ? { needle } : {}) }];
    }
    default:
      return [{ path, message: own ? issue.message : `${describeValue(value)} is not allowed here` }];
  }
}

/**
 * A YAML syntax error in the kit's words, with a hint at the usual cause. `line` is the text of
 * the line the error is on, to show the fix in the reporter's own words.
 */
export function explainYamlError(code: string, message: string, line: string): { message: string; hint?: string } {
  const pair = /^(\s*(?:- )?)([^:#{}[\]]+?):\s+(.*?)\s*$/.exec(line);
  const quoted = pair ? `${pair[2]}: '${(pair[3] ?? '').replace(/'/g, "''")}'` : "title: 'Haiti: the mission'";
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message: 'a colon followed by a space starts a new field here, inside a value',
        hint: `put the value in quotes: ${quoted}`,
      };
    case 'BLOCK_IN_FLOW':
      return {
        message: 'inside { … } or [ … ], a colon followed by a space starts a new field',
        hint: "put the value in quotes, e.g. { name: 'Haiti: the capital' }",
      };
    case 'TAB_AS_INDENT':
      return { message: 'this line is indented with a tab; YAML needs spaces', hint: 'replace the tab with spaces' };
    case 'DUPLICATE_KEY':
      return { message: 'this field is written twice in the same place; keep one' };
    case 'MISSING_CHAR':
      return {
        message: `something is not closed: ${message.split('\n')[0] ?? message}`.replace(/: Missing /, ': missing '),
      };
    case 'BAD_INDENT':
      return { message: 'the indentation is off: fields of one group line up, with spaces' };
    case 'BAD_SCALAR_START':
      return {
        message: 'a value cannot start with @ or `',
        hint: `put the value in quotes: ${quoted}`,
      };
    default:
      return { message: `this is not valid YAML (${(message.split('\n')[0] ?? message).replace(/\.$/, '')})` };
  }
}
