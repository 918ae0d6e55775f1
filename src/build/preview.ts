/**
 * The story's social preview (og:image): the first step's static map, rasterised to PNG at build
 * time with resvg. Only the bundled Source Sans 3 is loaded, never the machine's fonts, so every
 * machine builds the same image.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import type { FeatureCollection } from 'geojson';
import type { Story } from '../lib/story/model.ts';
import { renderStaticMap } from '../lib/geo/staticMap.ts';

export const PREVIEW_SIZE = { width: 1200, height: 630 };

/** The weight the live map's labels use (map/controller.ts), in the subsets that cover Latin names. */
const FONT_FILES = ['latin', 'latin-ext'].map((subset) => `source-sans-3-${subset}-600-normal.woff`);

/**
 * A WOFF 1.0 font as the TrueType/OpenType file it wraps. resvg reads only TTF/OTF, and
 * @fontsource ships WOFF and WOFF2; WOFF 1.0 is the same tables, each zlib-compressed when that
 * saves space, so node's zlib is all it takes (WOFF2 would need a Brotli and glyph transform).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const stored = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + stored);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: stored < length ? inflateSync(raw) : raw,
    };
  });
  const selector = Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the wrapped font's own version tag
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(16 * 2 ** selector, 6);
  header.writeUInt16BE(selector, 8);
  header.writeUInt16BE(16 * count - 16 * 2 ** selector, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach(({ tag, checksum, data }, i) => {
    tag.copy(header, 12 + 16 * i);
    header.writeUInt32BE(checksum, 16 + 16 * i);
    header.writeUInt32BE(offset, 20 + 16 * i);
    header.writeUInt32BE(data.length, 24 + 16 * i);
    const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4);
    data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const require = createRequire(import.meta.url);
let fontPaths: string[] | undefined;

/** resvg takes fonts only as file paths: unwrap the bundled WOFF files once into the temp folder. */
function fonts(): string[] {
  fontPaths ??= FONT_FILES.map((file) => {
    const ttf = woffToSfnt(readFileSync(require.resolve(`@fontsource/source-sans-3/files/${file}`)));
    const hash = createHash('sha256').update(ttf).digest('hex').slice(0, 10);
    const dir = join(tmpdir(), 'storymap-fonts');
    const path = join(dir, `${file.replace(/\.woff$/, '')}-${hash}.ttf`);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      // Written aside, then renamed, so a parallel build never reads half a font.
      writeFileSync(`${path}.${process.pid}`, ttf);
      renameSync(`${path}.${process.pid}`, path);
    }
    return path;
  });
  return fontPaths;
}

/** Rasterises an SVG at exactly `width` x `height`, with only the bundled font. */
export function rasterise(svg: string, width: number, height: number): RenderedImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: 'Source Sans 3' },
    logLevel: 'off',
  });
  const image = resvg.render();
  if (image.height !== height)
    throw new Error(`preview is ${image.width}x${image.height}, not ${width}x${height}: the SVG's proportions differ`);
  return image;
}

/** The SVG as a PNG at exactly `width` x `height` (1200 x 630 suits og:image). */
export function renderPreviewPng(svg: string, width = PREVIEW_SIZE.width, height = PREVIEW_SIZE.height): Buffer {
  return rasterise(svg, width, height).asPng();
}

/** The preview's SVG: the first step's map at the og:image size. */
export function previewSvg(story: Story, basemap: FeatureCollection): string {
  return renderStaticMap(story, basemap, 0, PREVIEW_SIZE);
}
