/**
 * Writing into the build's caches (images.ts, compress.ts, atlas-cache.ts), which other builds may
 * read at the same moment: a build in another terminal, the tests' builds side by side.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The kit's own cache folder, beside its dependencies (`node_modules/.cache`). */
export const KIT_CACHE = new URL('../../node_modules/.cache/', import.meta.url);

/**
 * Writes `data` to `file` whole or not at all: into a file of this process's own, then renamed. A
 * build stopped halfway leaves no half file to reuse, and none reads one being written.
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.part`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}
