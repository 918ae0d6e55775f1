/**
 * Scratch folders for tests, inside the project (tests/.tmp-…, git-ignored), never the system's
 * temporary folder: nothing a test writes lands outside the repository, and each folder is new,
 * so two runs side by side never overwrite each other's files.
 */
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TESTS = resolve(import.meta.dirname);

/** A new, empty folder under tests/ named after `name`; the caller removes it when done. */
export function scratchDir(name: string): string {
  return mkdtempSync(join(TESTS, `.tmp-${name}-`));
}
