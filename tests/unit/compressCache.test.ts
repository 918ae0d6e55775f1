import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressFile, LARGE_PAGE } from '../../src/build/compress.ts';

const KEPT = fileURLToPath(new URL('../../node_modules/.cache/storymap-compressed/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'compress-'));
// Text of this run's own, so no build's kept copy is touched.
const text = (what: string) => Buffer.from(`${what} ${process.pid} ${Date.now()} `.repeat(200));
const keptName = (source: Buffer) =>
  join(KEPT, createHash('sha256').update('br11-text-gz9').update(source).digest('hex'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compressed copies kept between builds (compress.ts)', () => {
  it('compresses a file it has seen before from the copy it kept', async () => {
    const source = text('seen before');
    const file = join(dir, 'page.html');
    writeFileSync(file, source);
    await compressFile(file);
    const key = keptName(source);
    expect(existsSync(`${key}.br`) && existsSync(`${key}.gz`)).toBe(true);
    // A different copy of the same bytes (a faster brotli) stands in for the kept one: a build
    // that reads the kept copy writes it, one that compresses afresh would not.
    const quick = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    writeFileSync(`${key}.br`, quick);
    rmSync(`${file}.br`);
    await compressFile(file);
    expect(readFileSync(`${file}.br`).equals(quick)).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(source)).toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(source)).toBe(true);
    rmSync(`${key}.br`);
    rmSync(`${key}.gz`);
  });

  it('compresses at the best quality, but a large page one below', async () => {
    const brotliAt = (source: Buffer, quality: number) =>
      brotliCompressSync(source, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      });
    // Prose and code (the README, the build's own), where the two qualities give different bytes: on random
    // or repeated text they agree.
    const build = fileURLToPath(new URL('../../src/build/', import.meta.url));
    const large = Buffer.concat([
      text('a long story'),
      readFileSync(new URL('../../README.md', import.meta.url)),
      ...readdirSync(build).map((f) => readFileSync(join(build, f))),
    ]);
    expect(large.length).toBeGreaterThan(LARGE_PAGE);
    const small = text('a short story');
    const cases: [string, Buffer, number][] = [
      ['long/index.html', large, 10],
      ['short/index.html', small, 11],
      // Only pages: a large script (as the map's) keeps the best, it seldom changes.
      ['map.js', large, 11],
    ];
    for (const [name, source, quality] of cases) {
      const file = join(dir, name.replace(/\//g, '-'));
      writeFileSync(file, source);
      await compressFile(file);
      expect(readFileSync(`${file}.br`).equals(brotliAt(source, quality)), name).toBe(true);
      for (const ext of ['br', 'gz'])
        rmSync(
          `${join(KEPT, createHash('sha256').update(`br${quality}-text-gz9`).update(source).digest('hex'))}.${ext}`,
          {
            force: true,
          },
        );
    }
  });

  it('compresses a changed file afresh', async () => {
    const file = join(dir, 'map.svg');
    const before = text('before');
    writeFileSync(file, before);
    await compressFile(file);
    const after = text('after');
    writeFileSync(file, after);
    await compressFile(file);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(after)).toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(after)).toBe(true);
    for (const source of [before, after])
      for (const ext of ['br', 'gz']) rmSync(`${keptName(source)}.${ext}`, { force: true });
  });
});
