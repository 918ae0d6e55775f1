/**
 * The build's caches (images.ts, compress.ts, atlas-cache.ts, renderers.ts, subset-fonts.ts, the
 * basemaps of stories.ts, drawings.ts): where they live, what they are made from, and writing into
 * them while other builds may read at the same moment (a build in another terminal, the tests'
 * builds side by side).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kit's own cache folder, beside its dependencies (`node_modules/.cache`). */
export const KIT_CACHE = new URL('../../node_modules/.cache/', import.meta.url);

const KIT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A hash of every file under `folder` (relative to the kit's root, as `src/lib`) and of the
 * lockfile (the dependencies' versions): what a kept value is made from. Read afresh each time
 * (about 6 ms for all of `src`), so a rebuild in watch mode sees the code as it now is.
 */
export function madeFrom(folder: string): string {
  const hash = createHash('sha256');
  const root = join(KIT, folder);
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.update(lockfile()).digest('hex');
}

/** The kit's lockfile (the exact versions of its dependencies), or a word when it has none. */
export function lockfile(): Uint8Array | string {
  try {
    return readFileSync(join(KIT, 'package-lock.json'));
  } catch {
    return 'no lockfile';
  }
}

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

/**
 * The bytes kept in `folder` (under KIT_CACHE) as `name`, else `make()`'s, then kept. A file read
 * is marked as just used, so `pruneOldest` deletes it last. A folder that cannot be written only
 * means the bytes are made again next time.
 */
export async function keptBytes(folder: string, name: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = fileURLToPath(new URL(`${folder}/${name}`, KIT_CACHE));
  try {
    const bytes = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now);
    return bytes;
  } catch {
    // Not kept yet, or unreadable: made below.
  }
  const bytes = await make();
  try {
    writeWhole(file, bytes);
  } catch {
    // Not writable: made again next time.
  }
  return bytes;
}

/** Deletes the least recently used files of `folder` (under KIT_CACHE) beyond the `max` newest. */
export function pruneOldest(folder: string, max: number): void {
  const dir = fileURLToPath(new URL(`${folder}/`, KIT_CACHE));
  try {
    const files = readdirSync(dir)
      .filter((f) => !f.endsWith('.part'))
      .map((f) => ({ f, used: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { f } of files.slice(max)) rmSync(join(dir, f), { force: true });
  } catch {
    // Nothing kept yet, or another build pruning at the same time.
  }
}

/** The name a value is kept under: a hash of `inputs` (all it is made from besides the code) and of the code under `src`. */
export function keptKey(inputs: string): string {
  return createHash('sha256').update(madeFrom('src')).update(inputs).digest('hex').slice(0, 32);
}

/** The JSON value kept in `folder` (under KIT_CACHE) as `key`, marked as just used; else undefined. */
export function readKept<T>(folder: string, key: string): T | undefined {
  const file = fileURLToPath(new URL(`${folder}/${key}.json`, KIT_CACHE));
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as T;
    const now = new Date();
    utimesSync(file, now, now);
    return value;
  } catch {
    // Not kept yet, or unreadable.
    return undefined;
  }
}

/** Keeps `text` (JSON) in `folder` as `key`, and deletes the least recently used past `max`. */
export function keep(folder: string, key: string, text: string, max: number): void {
  try {
    writeWhole(fileURLToPath(new URL(`${folder}/${key}.json`, KIT_CACHE)), text);
    pruneOldest(folder, max);
  } catch {
    // Not writable: made again next time.
  }
}

/**
 * `make()`'s value (plain JSON data), kept in `folder` (under KIT_CACHE) by a hash of `inputs` (a
 * string holding everything the value is made from besides the code) and of the kit's code under
 * `src`: read back when kept, else made and kept, and the least recently used past `max` deleted.
 * JSON gives back every number as it was written, but -0 as 0, made or read.
 */
export function keptJson<T>(folder: string, inputs: string, max: number, make: () => T): T {
  const key = keptKey(inputs);
  const kept = readKept<T>(folder, key);
  if (kept !== undefined) return kept;
  // Given back as read back, so a build that makes it and one that reads it see the same value.
  const text = JSON.stringify(make());
  keep(folder, key, text, max);
  return JSON.parse(text) as T;
}
