/**
 * Publishes a story's images: each at the widths of `widthsFor` (never above its own), in AVIF,
 * WebP and JPEG, under content-hashed names in `assets/images/`. Planning is synchronous and reads
 * only the file's bytes, so the story (and the page that names the files) is ready before any
 * encoding; the build then encodes every planned file once (sharp), and a dev server encodes one
 * when a page asks for it. Encoded files are kept in a cache folder by name: the name holds the
 * hash of the source bytes and of the settings, so a rebuild re-encodes only what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ImageFile } from '../lib/story/schema.ts';
import type { Picture } from '../lib/story/model.ts';
import { heightFor, IMAGE_FORMATS, widthsFor, type PictureFormat } from '../lib/story/picture.ts';
import type { Probed } from './image-probe.ts';
import { PAGE_LIGHT } from '../lib/style/palette.ts';
import { writeWhole } from './kit-cache.ts';

/** Encoder settings: a photo at a column's width looks right and weighs little at these. */
const SETTINGS = {
  avif: { quality: 50, effort: 4 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 78, progressive: true, mozjpeg: true },
} as const;
const EXTENSION: Record<PictureFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const IMAGE_FOLDER = 'assets/images';

/** One file to make: `source` resized to `width` and encoded as `format`. */
export interface ImageJob {
  source: string;
  width: number;
  height: number;
  format: PictureFormat;
}

/** `Harbour at Dawn (2).JPG` → `harbour-at-dawn-2`: names that need no escaping in a URL. */
const stem = (file: string) =>
  basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'image';

/** An image's published sizes, without the words that go with it (one file may serve two steps). */
export type PictureSizes = Pick<Picture, 'width' | 'height' | 'sizes'>;

/** The sizes of one image file and the jobs that make their files, keyed by file name. */
export function planPicture(file: string, probed: Probed): { sizes: PictureSizes; jobs: Map<string, ImageJob> } {
  const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
  const jobs = new Map<string, ImageJob>();
  const sizes = widthsFor(probed.width).map((width) => {
    const height = heightFor(width, probed);
    const files = Object.fromEntries(
      IMAGE_FORMATS.map((format) => {
        const hash = createHash('sha256')
          .update(`${digest} ${width} ${format} ${JSON.stringify(SETTINGS[format])}`)
          .digest('hex')
          .slice(0, 10);
        const name = `${IMAGE_FOLDER}/${stem(file)}-${width}-${hash}.${EXTENSION[format]}`;
        jobs.set(name, { source: file, width, height, format });
        return [format, name];
      }),
    ) as Picture['sizes'][number]['files'];
    return { width, height, files };
  });
  const largest = sizes[sizes.length - 1] ?? { width: probed.width, height: probed.height };
  return { sizes: { width: largest.width, height: largest.height, sizes }, jobs };
}

/** The image as the page shows it: its sizes, with its own alt text, credit and caption. */
export const pictureOf = (image: ImageFile, sizes: PictureSizes): Picture => ({
  alt: image.alt,
  credit: image.credit,
  ...(image.caption === undefined ? {} : { caption: image.caption }),
  ...sizes,
});

type Sharp = (typeof import('sharp'))['default'];
let sharpModule: Promise<Sharp> | undefined;
/** sharp, loaded on first use: a site without images never needs it. */
const loadSharp = () => (sharpModule ??= import('sharp').then((m) => m.default));

/** The file `job` names, from the cache or freshly encoded into it. */
export async function encodeImage(name: string, job: ImageJob, cacheDir: string): Promise<Uint8Array> {
  const cached = join(cacheDir, basename(name));
  if (existsSync(cached)) return readFileSync(cached);
  const sharp = await loadSharp();
  // rotate(): as the photo is shown, upright, whatever its EXIF orientation; flattened on the page's
  // light paper for JPEG, which has no transparency.
  let pipeline = sharp(job.source).rotate().resize({ width: job.width });
  if (job.format === 'jpeg') pipeline = pipeline.flatten({ background: PAGE_LIGHT.paper });
  const { data, info } = await pipeline[job.format](SETTINGS[job.format]).toBuffer({ resolveWithObject: true });
  if (Math.abs(info.height - job.height) > 1)
    throw new Error(
      `it came out ${info.width}×${info.height}, not ${job.width}×${job.height}; its orientation is unusual`,
    );
  writeWhole(cached, data);
  return data;
}

/** Why sharp cannot decode `file` (a file cut short, a damaged one), or undefined when it can. */
export async function decodeProblem(file: string): Promise<string | undefined> {
  const sharp = await loadSharp();
  try {
    await sharp(file).stats();
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return `the image cannot be decoded (${reason.replace(/^Input file /, '').replace(/\.$/, '')}); export it again as JPEG or PNG`;
  }
}
