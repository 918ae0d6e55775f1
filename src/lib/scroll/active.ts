/**
 * Which step is active, and how far the reader is through it, from the steps' positions alone.
 * Pure, so that a slow scroll, a fast scroll, a reload mid-page or a deep link all give the same
 * answer for the same scroll position.
 */

/**
 * Whether the page lays the text beside the map (true) or over its lower part (false, phones
 * held upright). The same rule is the media query in app.css: keep them together.
 */
export function isWide(width: number, height: number): boolean {
  // Held sideways, a phone is too short to stack a card over the map; a taller frame of 600 to
  // 800 px is better stacked than split into a text column and a map barely 400 px wide.
  return width >= 900 || (width >= 600 && width > height && (height < 500 || width >= 800));
}

/** Where the trigger line sits, as a fraction of the viewport height from its top. */
export function triggerFraction(width: number, height: number): number {
  // On a phone the card covers the lower part of the map, so the reader's eye sits lower.
  return isWide(width, height) ? 0.5 : 0.65;
}

export interface StepBox {
  /** Top and height of the step element relative to the viewport (getBoundingClientRect). */
  top: number;
  height: number;
}

/**
 * The active step is the last one whose top has passed the trigger line; before the first step
 * the first is active, so the map never shows "nothing".
 */
export function activeIndex(steps: readonly StepBox[], trigger: number): number {
  let active = 0;
  steps.forEach((step, i) => {
    if (step.top <= trigger) active = i;
  });
  return active;
}

/** 0 when the step's top meets the trigger line, 1 when its bottom does. */
export function stepProgress(step: StepBox, trigger: number): number {
  if (step.height <= 0) return 1;
  return Math.min(1, Math.max(0, (trigger - step.top) / step.height));
}

/** Between a card read over the map and the foot of the screen (px). */
export const CARD_FOOT = 12;

/**
 * How far a step must move (px, down positive) to its reading position, where `goTo` and deep
 * links put it and for which the camera frames the step. Beside the map, that is the step's middle
 * on the trigger line. Over the map (phones held upright), it is the card at the foot of the
 * screen, which leaves the map above it as large as can be, as long as the step is still the
 * active one there. `step` is the step's box and `cardBottom` its card's foot, in viewport px.
 */
export function readingShift(
  step: StepBox,
  cardBottom: number | undefined,
  trigger: number,
  viewportHeight: number,
  wide: boolean,
): number {
  if (wide || cardBottom === undefined) return trigger - (step.top + step.height / 2);
  const foot = viewportHeight - CARD_FOOT - cardBottom;
  // The step is active while its top is above the trigger line and its foot below it.
  return Math.min(trigger - step.top, Math.max(trigger - step.top - step.height + 1, foot));
}

/** The document scroll position for a shift, within what the page can scroll, in whole pixels. */
export function scrollTargetFor(scrollY: number, shift: number, maxScroll: number): number {
  return Math.round(Math.min(maxScroll, Math.max(0, scrollY - shift)));
}

/**
 * How much of a step's route to draw. It grows as the reader scrolls the step in and is whole by
 * the step's reading position (`reading`, its progress there) or its middle, whichever comes first:
 * a card read at the foot of a phone's screen, or reached by `goTo` or a deep link, shows the
 * route whole, not a line stopping short of the place its text names.
 */
export function routeFraction(progress: number, reading: number, reducedMotion: boolean): number {
  if (reducedMotion) return 1;
  const whole = Math.min(0.5, reading);
  // A reading position at the step's start: nothing to grow over.
  return whole <= 0 ? 1 : Math.min(1, Math.max(0, progress / whole));
}
