/**
 * Text widths in the browser, in the font the timeline draws with (canvas `measureText`), for the
 * label layout of `labels.ts`. Cached: a layout measures each title again on every step.
 */
import { estimate, type Measure } from './labels.ts';

/**
 * How long a `font-display: optional` font may still be swapped in (Chromium's block period).
 * It runs from the text's first layout, which comes no later than the timeline's first measure of
 * the page, so this long after the timeline's start the page's font is the one it keeps.
 */
export const FONT_BLOCK_MS = 100;

export function canvasMeasure(family: string, px: number): Measure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimate(px);
  const cache = new Map<string, number>();
  return (text, bold = false) => {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = `${bold ? 600 : 400} ${px}px ${family}`;
      // A pixel to spare for rounding between canvas and layout.
      width = Math.ceil(context.measureText(text).width) + 1;
      cache.set(key, width);
    }
    return width;
  };
}
