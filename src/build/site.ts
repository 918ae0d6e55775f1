/**
 * The site's settings, `data/site.yaml`: its title, and which story (if any) is its front page.
 * A setting, not code, so an editor can change the front page without touching the build.
 * Checked like a story: a bad setting stops the build with `file:line:col field: reason`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatErrors, type StoryError } from '../lib/story/parse.ts';
import { StoryBuildError } from './stories.ts';

/** `home: index` (or no `home`) makes the front page the list of every story. */
export const INDEX = 'index';
/** Where the list of every story is when a story is the front page (a story can't be named so). */
export const LIST_FOLDER = 'stories';

export const siteSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').describe('The site’s name, the heading of its list of stories.'),
  description: z.string().trim().min(1, 'must not be empty').optional().describe('A line under the title.'),
  home: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'home is a story’s file name without its extension, or "index"')
    .optional()
    .describe('The slug of the story that is the front page, or "index" (the default) for the list.'),
});

export interface SiteSettings {
  title: string;
  description?: string;
  /** The slug of the front-page story; undefined when the front page is the list of stories. */
  home?: string;
}

export const DEFAULT_SETTINGS: SiteSettings = { title: 'Story maps' };

/** Parses the settings' text; every problem with the file, line and field. */
export function parseSettings(
  source: string,
  file: string,
): { ok: true; settings: SiteSettings } | { ok: false; errors: StoryError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = (offset: number, message: string, field = ''): StoryError => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col, field, message };
  };
  if (doc.errors.length > 0)
    return { ok: false, errors: doc.errors.map((e) => error(e.pos[0], e.message.split('\n')[0] ?? '')) };
  const parsed = siteSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    // The settings are flat: a field's node is the top map's pair of that name.
    const pair = (key: PropertyKey | undefined) =>
      isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const errors = parsed.error.issues.map((issue) => {
      const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const field = unknown ?? issue.path[0];
      const found = pair(field);
      // An unknown field points at its key, a bad value at the value, a missing field at the top.
      const node = (unknown ? found?.key : found?.value) as { range?: [number, number, number] } | undefined;
      const message = unknown
        ? 'unknown field; a site has title, description and home'
        : issue.code === 'invalid_type'
          ? found
            ? 'must be text'
            : 'is missing'
          : issue.message;
      return error(node?.range?.[0] ?? 0, message, field === undefined ? '' : String(field));
    });
    return { ok: false, errors };
  }
  const { home, ...rest } = parsed.data;
  return { ok: true, settings: { ...rest, ...(home && home !== INDEX ? { home } : {}) } };
}

/** Reads the settings file; the defaults (a list of stories as the front page) when there is none. */
export function loadSettings(file: string | undefined, root = process.cwd()): SiteSettings {
  if (!file || !existsSync(file)) return DEFAULT_SETTINGS;
  const result = parseSettings(readFileSync(file, 'utf8'), relative(root, file));
  if (!result.ok) throw new StoryBuildError(`Invalid site settings:\n${formatErrors(result.errors)}`);
  return result.settings;
}
