/**
 * What will lie over the map while the reader reads a step, from rectangles the page measured now.
 * The camera is chosen once per step, so it is framed for the reading position (the step's middle
 * on the trigger line, where `goTo` and deep links put it), not for wherever the page is scrolled
 * this instant. Pure: the page measures (ui/measureCovers.ts), this works out where things will be.
 */
import type { Rect } from '../geo/freeArea.ts';
import type { Padding } from '../geo/camera.ts';

export interface PageLayout {
  /** The viewport the reader sees the story through (the host's, in a full-height frame). */
  viewport: { width: number; height: number };
  /** The map's stage now, in viewport pixels. */
  stage: Rect;
  /** The section the stage sticks to the viewport's top in (or follows it in, in a full-height frame), now. */
  section: { top: number; bottom: number };
  /** How far the page's text moves, down positive, from now to the step's reading position. */
  shift: number;
  /** The active step's card now (it moves with the text). */
  card?: Rect | undefined;
  /** Things that sit on the map and move with it (the timeline, the key), now. */
  fixed: readonly Rect[];
  /** The screen's own insets (notch, home bar). */
  safe: Padding;
}

const move = (r: Rect, dx: number, dy: number): Rect => ({
  left: r.left + dx,
  right: r.right + dx,
  top: r.top + dy,
  bottom: r.bottom + dy,
});

/** The stage's top in the viewport at the reading position: sticky at 0 within its section. */
function stageTopAtReading(layout: PageLayout): number {
  const { stage, section, shift } = layout;
  const height = stage.bottom - stage.top;
  const top = section.top + shift;
  const bottom = section.bottom + shift;
  // Before the section reaches the top the stage rides with it; at its end the stage leaves with it.
  return top > 0 ? top : Math.min(0, bottom - height);
}

/** The covers over the map at the reading position, in map pixels from its top-left corner. */
export function coversAtReading(layout: PageLayout): Rect[] {
  const { viewport, stage, safe } = layout;
  const top = stageTopAtReading(layout);
  const toMap = (r: Rect) => move(r, -stage.left, -top);
  const width = stage.right - stage.left;
  const height = stage.bottom - stage.top;
  const covers: Rect[] = layout.fixed.map((r) => move(r, -stage.left, -stage.top));
  if (layout.card) covers.push(toMap(move(layout.card, 0, layout.shift)));
  // What is off screen at the reading position is as hidden as what lies under the card.
  const screen: Rect[] = [
    { left: 0, right: viewport.width, top: -1e6, bottom: safe.top },
    { left: 0, right: viewport.width, top: viewport.height - safe.bottom, bottom: 1e6 },
    { left: -1e6, right: safe.left, top: -1e6, bottom: 1e6 },
    { left: viewport.width - safe.right, right: 1e6, top: -1e6, bottom: 1e6 },
  ];
  covers.push(...screen.map(toMap));
  return covers.filter(
    (r) => r.right > 0 && r.left < width && r.bottom > 0 && r.top < height && r.right > r.left && r.bottom > r.top,
  );
}
