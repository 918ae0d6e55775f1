/**
 * `npm run check [files…]`: checks every story in data/stories (or the files given: YAML, JSON or
 * ArchieML `.aml`, told apart by their extension) as the build does, and prints every problem of
 * every file at once, as `file:line:col field: reason`, then advice (`note:`) that stops nothing.
 * Exits 1 if there is any problem, 0 if there is none; never prints a stack trace.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatErrors, type StoryError } from '../lib/story/parse.ts';
import { basemapCountries, checkStory, decodeErrors, storyFiles } from './stories.ts';
import { languageNotice } from '../lib/i18n/messages.ts';
import { storyAdvice } from '../lib/story/advice.ts';

export const STORIES_DIR = 'data/stories';

/** Every problem of the given story files (all of data/stories when none are given). */
export function checkFiles(
  files: readonly string[],
  root = process.cwd(),
): { files: number; errors: StoryError[]; notes: string[] } {
  const paths = files.length > 0 ? files.map((f) => resolve(root, f)) : storyFiles(resolve(root, STORIES_DIR));
  const countries = new Set(basemapCountries().keys());
  // Not problems, but what a reporter should know: the build says the same (compile.ts).
  const notes: string[] = [];
  const errors = paths.flatMap((path): StoryError[] => {
    if (!existsSync(path))
      return [{ file: relative(root, path), line: 1, column: 1, field: '', message: 'no such file' }];
    const result = checkStory(path, root, countries);
    if (!result.ok) return result.errors;
    const notice = languageNotice(result.story.lang);
    if (notice) notes.push(`${relative(root, path)}: ${notice}`);
    for (const advice of storyAdvice(result.story)) notes.push(`${relative(root, path)}: ${advice}`);
    return [];
  });
  return { files: paths.length, errors, notes };
}

/**
 * `checkFiles`, then the decoding of the images of the stories that pass it, as the build does
 * before it makes their sizes: a file cut short is found by reading all of it.
 */
export async function checkFilesAndImages(
  files: readonly string[],
  root = process.cwd(),
): Promise<ReturnType<typeof checkFiles>> {
  const result = checkFiles(files, root);
  const paths = files.length > 0 ? files.map((f) => resolve(root, f)) : storyFiles(resolve(root, STORIES_DIR));
  const failed = new Set(result.errors.map((e) => resolve(root, e.file)));
  const decoded = await decodeErrors(
    paths.filter((p) => existsSync(p) && !failed.has(p)),
    root,
  );
  return { ...result, errors: [...result.errors, ...decoded] };
}

async function main(args: string[]): Promise<number> {
  try {
    const { files, errors, notes } = await checkFilesAndImages(args);
    const stories = `${files} ${files === 1 ? 'story' : 'stories'}`;
    for (const note of notes) console.log(`note: ${note}`);
    if (errors.length === 0) {
      console.log(`${stories} checked: no problems`);
      return 0;
    }
    console.error(formatErrors(errors));
    console.error(`\n${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${stories} checked`);
    return 1;
  } catch (error) {
    // Not a problem with a story but with the checker (a file it cannot read, a bug): one line.
    console.error(`check failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
