/**
 * Text widths in the browser, in the font the timeline draws with (canvas `measureText`), for the
 * label layout of `labels.ts`. Cached: a layout measures each title again on every step.
 */
import { estimate, type Measure } from './labels.ts';

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
