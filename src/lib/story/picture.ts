/**
 * The sizes an image is published at and the addresses the page names them by. Pure: the build
 * plans with it (src/build/images.ts), the components write `srcset` with it.
 */
import type { Picture, Story } from './model.ts';

/** The widths made of every image: a phone, a desktop column, and a column on a sharp screen. */
export const IMAGE_WIDTHS = [480, 960, 1440] as const;
/** Best first, as the `<source>`s go; JPEG is the `<img>`'s own, which every browser reads. */
export const IMAGE_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type PictureFormat = (typeof IMAGE_FORMATS)[number];

/**
 * The widths made of an image `original` pixels wide: never larger than the original, which would
 * only add bytes, and the original's own width as the largest when it falls between two of ours.
 */
export function widthsFor(original: number): number[] {
  const largest = Math.min(original, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ?? original);
  return [...IMAGE_WIDTHS.filter((w) => w < largest), largest];
}

/** The height of a size `width` wide, with the original's proportions. */
export const heightFor = (width: number, original: { width: number; height: number }) =>
  Math.max(1, Math.round((width * original.height) / original.width));

/** `a-480.avif 480w, a-960.avif 960w` */
export const srcset = (picture: Picture, format: PictureFormat) =>
  picture.sizes.map((s) => `${s.files[format]} ${s.width}w`).join(', ');

/** The `<img>`'s own address, for a browser that reads no `srcset`: a middling JPEG, not the largest. */
export const fallback = (picture: Picture) =>
  (picture.sizes[Math.min(1, picture.sizes.length - 1)] ?? picture.sizes[0])?.files.jpeg ?? '';

/**
 * The story with its images' addresses seen from a page: the build names them from the site's
 * root (`assets/images/…`), and a page sits at `./`, `../` or `../../` from it.
 */
export function rebasePictures(story: Story, root: string): Story {
  const rebase = <T extends { image?: Picture }>(item: T): T =>
    item.image
      ? {
          ...item,
          image: {
            ...item.image,
            sizes: item.image.sizes.map((s) => ({
              width: s.width,
              height: s.height,
              files: { avif: root + s.files.avif, webp: root + s.files.webp, jpeg: root + s.files.jpeg },
            })),
          },
        }
      : item;
  return { ...story, steps: story.steps.map(rebase), events: story.events.map(rebase) };
}
