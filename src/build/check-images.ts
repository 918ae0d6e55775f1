/**
 * The story check's look at its image files (the schema has already checked each `src` is a plain
 * relative path): each exists beside the story, stays inside the story's folder once links are
 * followed, and is a raster image whose header gives its size. Synchronous, like the rest of the
 * check; the build's decoding (images.ts) reports a file it cannot decode here too, via `broken`.
 */
import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ImageFile, StoryFile } from '../lib/story/schema.ts';
import type { Problem } from '../lib/story/references.ts';
import { probeImage, type Probed } from './image-probe.ts';

/** Larger than any photo a page needs, and small enough that a mistaken video or archive is caught. */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;
/** A header is read, not the whole file: the EXIF block of a phone photo fits well within it. */
const HEADER_BYTES = 256 * 1024;

export interface ImageUse {
  /** Where in the story: `['steps', 2, 'image']`. */
  path: (string | number)[];
  image: ImageFile;
}

/** Every image the story shows, steps first. */
export function imagesOf(story: StoryFile): ImageUse[] {
  return [
    ...story.steps.flatMap((s, i) => (s.image ? [{ path: ['steps', i, 'image'], image: s.image }] : [])),
    ...story.events.flatMap((e, i) => (e.image ? [{ path: ['events', i, 'image'], image: e.image }] : [])),
  ];
}

/** The image's file: `src` is relative to the story file. */
export const imagePath = (storyFile: string, src: string) => resolve(dirname(storyFile), src.trim());

function readHeader(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(Math.min(HEADER_BYTES, statSync(file).size));
    readSync(fd, bytes, 0, bytes.length, 0);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The image file's size and format, or what is wrong with it, in a reporter's words. */
export function inspectImage(storyFile: string, src: string, root = process.cwd()): Probed | string {
  const file = imagePath(storyFile, src);
  const shown = relative(root, file) || file;
  if (!existsSync(file)) return `no image file "${src}" beside the story (looked for ${shown})`;
  const folder = realpathSync(dirname(storyFile));
  const real = realpathSync(file);
  if (real !== folder && !real.startsWith(folder + sep))
    return `"${src}" is a link to a file outside the story’s folder; copy the image into the folder instead`;
  const stat = statSync(real);
  if (!stat.isFile()) return `"${src}" is a folder, not an image file`;
  if (stat.size > MAX_IMAGE_BYTES)
    return `the image is ${Math.round(stat.size / 1024 / 1024)} MB; an image is at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB, so export a smaller one`;
  return probeImage(readHeader(real));
}

/**
 * The problems of the story's image files, at their `src` lines. `broken` maps an image file to
 * why the build could not decode it, so that refusal is worded and placed like the others.
 */
export function imageProblems(
  story: StoryFile,
  storyFile: string,
  root = process.cwd(),
  broken: ReadonlyMap<string, string> = new Map(),
): Problem[] {
  return imagesOf(story).flatMap(({ path, image }) => {
    const found = inspectImage(storyFile, image.src, root);
    const why = typeof found === 'string' ? found : broken.get(imagePath(storyFile, image.src));
    return why ? [{ path: [...path, 'src'], message: why }] : [];
  });
}
