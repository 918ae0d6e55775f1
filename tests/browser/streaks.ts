/**
 * Finds the streaks a shape or route draws when it jumps across the antimeridian: a thin line
 * running across most of a picture's width. Works on RGBA pixels, so the live map's screenshots
 * and the static maps rasterised by resvg are checked the same way.
 */
import { PNG } from 'pngjs';

/** How far above and below a pixel the picture is compared, in pixels. */
const REACH = 4;
/** Sum of RGB differences that counts as another colour. */
const DIFFERENT = 12;
/**
 * Share of a row that a thin line must cover to count as a streak: a streak crosses the whole
 * map, while a real east-west route (Kiritimati to Tarawa) stops at its ends, inside the padding.
 */
const SHARE = 0.9;

/**
 * Rows in which more than SHARE of the pixels belong to a thin horizontal feature: unlike the
 * pixels REACH above and below, which are alike (the sea, or land, on both sides).
 */
export function thinRows(rgba: Uint8Array, width: number, height: number): number[] {
  const diff = (a: number, b: number) =>
    Math.abs((rgba[a] ?? 0) - (rgba[b] ?? 0)) +
    Math.abs((rgba[a + 1] ?? 0) - (rgba[b + 1] ?? 0)) +
    Math.abs((rgba[a + 2] ?? 0) - (rgba[b + 2] ?? 0));
  const rows: number[] = [];
  for (let y = REACH; y < height - REACH; y++) {
    let thin = 0;
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const above = at - REACH * width * 4;
      const below = at + REACH * width * 4;
      if (diff(at, above) > DIFFERENT && diff(at, below) > DIFFERENT && diff(above, below) <= DIFFERENT) thin++;
    }
    if (thin > width * SHARE) rows.push(y);
  }
  return rows;
}

/** The streak rows of a PNG (a Playwright screenshot). */
export function pngThinRows(png: Buffer): number[] {
  const image = PNG.sync.read(png);
  return thinRows(image.data, image.width, image.height);
}
