/**
 * Precompresses the built site: after `vite build` writes the output, every text file gets a `.br`
 * (brotli, maximum quality) and a `.gz` (gzip, level 9) copy beside it. A static host (or
 * src/build/serve.ts) then sends the copy the browser asks for, without compressing per request.
 * Compressing once at build time is what lets us afford brotli's slowest, smallest setting.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats: binary ones (png, woff2) are compressed already and gain nothing. */
export const TEXT_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);
/** Below this a response fits in one packet either way, and the extra file isn't worth keeping. */
export const MIN_BYTES = 1024;
/** A copy must save at least this share of the original, or the host may as well send the original. */
const MIN_SAVING = 0.05;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

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
  const [br, gzipped] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gz(source, { level: constants.Z_BEST_COMPRESSION }),
  ]);
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
