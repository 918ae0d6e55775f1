/**
 * The size static step maps are drawn at. Wide proportions, so they are framed with no room kept
 * for a card; small enough that their labels stay readable when a phone shrinks them.
 */
export const STATIC_MAP_SIZE = { width: 600, height: 400 };

/**
 * A step's drawing, as a path in the story's folder of maps: the 600 px one (print, no script,
 * the preview's size) at its top, the stand-in's other sizes in a folder named after each. The
 * build writes them there and the page asks for them there, so both read this.
 */
export function drawingFile(stepId: string, size?: { folder: string }): string {
  return size ? `${size.folder}/${stepId}.svg` : `${stepId}.svg`;
}

/**
 * The static map drawn again at other sizes, for the live map's stand-in only (MapView): placed at
 * the live camera (stillPlacement.ts), a drawing is shown larger or smaller than it was drawn, and
 * its markers and names with it, by as much as the box's frame differs from the drawing's. So the
 * drawings have the shapes of the boxes the page gives the map: a phone held upright (tall), a
 * phone on its side (small and wide), a tablet held upright, a wide desktop's, a laptop's; the
 * 600 px drawing for the rest. Measured over every step of the three fixture stories (the live
 * map's zoom against the drawing's), the chosen drawing's markers show at 0.7–1.4 times their live
 * size on 390×844, 844×390, 768×1024, 1440×900 and 1920×1080 screens; with the 600 px drawing
 * alone, 0.5–1.9 times. The 780 px one brings a 1440×900 screen's from 1.0–1.4 times to 0.86–1.05;
 * the 660 px one a 768×1024 tablet's from 1.00–1.22 (median 1.14) to 0.91–1.10 (median 1.03). A
 * tablet on its side keeps the 600 px drawing (0.72–1.06 there; 660 px would give 0.65–1.00).
 * Chosen by media query, as `<picture>` chooses, so the page and the browser agree on which drawing
 * is shown. The queries never overlap, nor overlap `STILL_DEFAULT_MEDIA`: a preload of the opening
 * step's drawing can use them as they are.
 */
export const STILL_SIZES = [
  { folder: '360x540', width: 360, height: 540, media: '(max-width: 600px) and (orientation: portrait)' },
  {
    folder: '360x240',
    width: 360,
    height: 240,
    media: '(max-width: 600px) and (orientation: landscape), (max-height: 480px) and (orientation: landscape)',
  },
  {
    folder: '660x440',
    width: 660,
    height: 440,
    media: '(min-width: 600.02px) and (max-width: 1299.98px) and (orientation: portrait)',
  },
  { folder: '960x640', width: 960, height: 640, media: '(min-width: 1700px) and (min-height: 900px)' },
  {
    folder: '780x520',
    width: 780,
    height: 520,
    media:
      '(min-width: 1300px) and (max-width: 1699.98px) and (min-height: 820px), ' +
      '(min-width: 1300px) and (min-height: 820px) and (max-height: 899.98px)',
  },
] as const;

/**
 * Where none of `STILL_SIZES` is chosen (the 600 px drawing is): their media, negated, in the
 * plain syntax every browser reads. The page asks for the opening step's drawing early, one
 * `<link rel="preload">` per drawing, and only the one whose media matches is fetched.
 */
export const STILL_DEFAULT_MEDIA =
  '(min-width: 600.02px) and (min-height: 480.02px) and (max-width: 1299.98px) and (orientation: landscape), ' +
  '(min-width: 600.02px) and (min-height: 480.02px) and (max-height: 819.98px) and (orientation: landscape)';
