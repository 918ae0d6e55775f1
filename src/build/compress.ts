/**
 * Precompresses the built site: after `vite build` writes the output, every text file gets a `.br`
 * (brotli, maximum quality; large pages one below, LARGE_PAGE) and a `.gz` (gzip, level 9) copy
 * beside it. A static host (or src/build/serve.ts) then sends the copy the browser asks for,
 * without compressing per request. Compressing once at build time is what lets us afford
 * brotli's slowest, smallest setting.
 *
 * That setting is slow: 11 s of one core for the two live stories' 6.7 MB, more than half of an
 * `npm run build` on this project's 2-core machine (12.1–12.5 s), and 3.1 s of it MapLibre's two
 * files, which no story changes. So the copies are kept between builds in
 * `node_modules/.cache/storymap-compressed/`, named by a hash of the bytes they compress: a rebuild
 * compresses only the files that changed. The least recently used are deleted past MAX_KEPT.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { KIT_CACHE, writeWhole } from './kit-cache.ts';

/** Text formats: binary ones (png, woff2) are compressed already and gain nothing. */
export const TEXT_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);
/** Below this a response fits in one packet either way, and the extra file isn't worth keeping. */
export const MIN_BYTES = 1024;
/** A copy must save at least this share of the original, or the host may as well send the original. */
const MIN_SAVING = 0.05;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const KEPT = fileURLToPath(new URL('storymap-compressed/', KIT_CACHE));
/**
 * Files kept at most (each with its .gz): a site of a few dozen stories' worth. The two example
 * stories' 154 files took 4 MB, so this is about 50 MB at most.
 */
const MAX_KEPT = 2000;
/**
 * Pages larger than this get brotli's next-to-best quality, 10, not 11. A story's pages change with
 * every edit of its text, and 11 grows dear with size: the long fixture story's page (260 kB) took
 * 873 ms at 11 and 110 ms at 10, for 14,283 bytes against 15,084 (5% more, 4 ms on slow 4G), and
 * a story that is the site's front page has four such pages. The Haiti story's page (67 kB) took
 * 118 ms at 11, and stays there: its 10,605 bytes are the first paint's, under an 11 kB budget.
 */
export const LARGE_PAGE = 128 * 1024;

/** Brotli's quality for a file: the best, but for a large page (LARGE_PAGE). */
export const brotliQuality = (file: string, bytes: number) =>
  extname(file).toLowerCase() === '.html' && bytes > LARGE_PAGE ? 10 : constants.BROTLI_MAX_QUALITY;

/** Both copies of `source`, as kept from an earlier build, or made now and kept. */
async function copiesOf(source: Buffer, quality: number): Promise<[Buffer, Buffer]> {
  // The settings are in every kept copy's name: a change to them makes new copies.
  const settings = `br${quality}-text-gz9`;
  const key = join(KEPT, createHash('sha256').update(settings).update(source).digest('hex'));
  try {
    const copies: [Buffer, Buffer] = [readFileSync(`${key}.br`), readFileSync(`${key}.gz`)];
    // Used again: the last to be deleted (`pruneKept`).
    const now = new Date();
    utimesSync(`${key}.br`, now, now);
    return copies;
  } catch {
    // Not kept yet: made below.
  }
  const copies = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gz(source, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  try {
    // The .gz first: a .br kept means both are whole.
    writeWhole(`${key}.gz`, copies[1]);
    writeWhole(`${key}.br`, copies[0]);
  } catch {
    // A folder that cannot be written: compressed again next time.
  }
  return copies;
}

/** Deletes the least recently used kept copies past MAX_KEPT. */
function pruneKept(): void {
  try {
    const kept = readdirSync(KEPT)
      .filter((f) => f.endsWith('.br'))
      .map((f) => ({ f, used: statSync(join(KEPT, f)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { f } of kept.slice(MAX_KEPT)) {
      rmSync(join(KEPT, f), { force: true });
      rmSync(join(KEPT, f.replace(/\.br$/, '.gz')), { force: true });
    }
  } catch {
    // Nothing kept, or another build pruning at the same time.
  }
}

export interface Compressed {
  file: string;
  bytes: number;
  br?: number;
  gz?: number;
}

/** Every file under `dir`, as absolute paths. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Whether `file` is a text file worth compressing (by name and size alone). */
export function compressible(file: string): boolean {
  return TEXT_EXTENSIONS.has(extname(file).toLowerCase()) && statSync(file).size >= MIN_BYTES;
}

/** Writes `file.br` and `file.gz` where each saves enough; returns what it wrote. */
export async function compressFile(file: string): Promise<Compressed> {
  const source = readFileSync(file);
  const [br, gzipped] = await copiesOf(source, brotliQuality(file, source.length));
  const result: Compressed = { file, bytes: source.length };
  const worth = (copy: Buffer) => copy.length <= source.length * (1 - MIN_SAVING);
  if (worth(br)) {
    writeFileSync(`${file}.br`, br);
    result.br = br.length;
  }
  if (worth(gzipped)) {
    writeFileSync(`${file}.gz`, gzipped);
    result.gz = gzipped.length;
  }
  return result;
}

/** Compresses every compressible file under `dir`, a few at a time (zlib runs on libuv's threads). */
export async function compressDir(dir: string, parallel = 4): Promise<Compressed[]> {
  const queue = walk(dir).filter(compressible);
  const done: Compressed[] = [];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) done.push(await compressFile(file));
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  pruneKept();
  return done;
}

/** The Vite plugin: compresses the output folder once the bundle (and public files) are written. */
export function compress(): Plugin {
  let outDir = '';
  return {
    name: 'storymap:compress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // writeBundle, not closeBundle: it runs only after a successful write, never for a failed build.
    async writeBundle(options) {
      await compressDir(options.dir ?? outDir);
    },
  };
}
