/**
 * Measures what lies over the map, so the camera frames a step in the part the reader can see
 * (scroll/covers.ts works out where each thing will be at the step's reading position). Anything
 * on the map that should keep clear of the places carries `data-covers-map`.
 */
import type { Rect } from '../geo/freeArea.ts';
import type { Padding } from '../geo/camera.ts';
import { coversAtReading } from '../scroll/covers.ts';

export interface CoverElements {
  /** The map's stage and the section it sticks in. */
  stage: HTMLElement;
  section: HTMLElement;
  /** The active step's element; its card is what covers the map on a phone. */
  step: HTMLElement | null;
  /** From now to the active step's reading position (Scroller's `readingShift`). */
  shift: number;
  /** In a full-height frame, the host's viewport: where our frame is in it, and its height. */
  host?: { top: number; height: number } | undefined;
}

const rect = (el: Element, dy: number): Rect => {
  const r = el.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top + dy, bottom: r.bottom + dy };
};

/** One per document: the dev camera helper measures pages in frames of a reader's size too. */
const probes = new WeakMap<Document, HTMLElement>();

/** The screen's safe-area insets (a notch, a home bar), read from CSS, which alone knows them. */
function safeInsets(doc: Document): Padding {
  let probe = probes.get(doc);
  if (!probe) {
    probe = doc.createElement('div');
    probes.set(doc, probe);
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText =
      'position:fixed;inset:0;visibility:hidden;pointer-events:none;' +
      'padding:env(safe-area-inset-top,0px) env(safe-area-inset-right,0px) env(safe-area-inset-bottom,0px) env(safe-area-inset-left,0px)';
    doc.body.append(probe);
  }
  const style = (doc.defaultView ?? window).getComputedStyle(probe);
  const px = (v: string) => parseFloat(v) || 0;
  return {
    top: px(style.paddingTop),
    right: px(style.paddingRight),
    bottom: px(style.paddingBottom),
    left: px(style.paddingLeft),
  };
}

/**
 * What will lie over the map at the active step's reading position: `always`, and what shows only
 * on close-ups (the locator inset, `data-covers-map="close"`), in map pixels.
 */
export interface Covers {
  always: Rect[];
  close: Rect[];
}

export function measureCovers(elements: CoverElements): Covers {
  const { stage } = elements;
  const s = stage.getBoundingClientRect();
  const close = [...stage.querySelectorAll('[data-covers-map="close"]')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - s.left, right: r.right - s.left, top: r.top - s.top, bottom: r.bottom - s.top };
    });
  return { always: measureAlways(elements), close };
}

function measureAlways({ stage, section, step, shift, host }: CoverElements): Rect[] {
  // The stage's own window: the page's, or a frame's (map/dev/probe.ts measures one of a reader's size).
  const win = stage.ownerDocument.defaultView ?? window;
  // In a full-height frame, rectangles are measured in the host's viewport.
  const dy = host?.top ?? 0;
  const box = rect(section, dy);
  const card = step?.querySelector('.card');
  return coversAtReading({
    viewport: { width: win.innerWidth, height: host?.height ?? win.innerHeight },
    stage: rect(stage, dy),
    section: { top: box.top, bottom: box.bottom },
    shift,
    card: card ? rect(card, dy) : undefined,
    fixed: [...stage.querySelectorAll('[data-covers-map]:not([data-covers-map="close"])')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => rect(el, dy)),
    safe: safeInsets(stage.ownerDocument),
  });
}
