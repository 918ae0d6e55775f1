import { describe, expect, it } from 'vitest';
import {
  activeIndex,
  isWide,
  routeFraction,
  scrollTargetFor,
  readingShift,
  CARD_FOOT,
  stepProgress,
  triggerFraction,
} from '../../src/lib/scroll/active.ts';

// Three steps 600 px tall, 200 px apart, measured relative to the viewport.
const stepsAt = (firstTop: number) => [0, 1, 2].map((i) => ({ top: firstTop + i * 800, height: 600 }));
const trigger = 450;

describe('activeIndex', () => {
  it.each([
    { name: 'before the first step reaches the trigger', firstTop: 900, expected: 0 },
    { name: 'with the first step exactly on the trigger', firstTop: 450, expected: 0 },
    { name: 'inside the first step', firstTop: 100, expected: 0 },
    { name: 'in the gap after the first step', firstTop: -200, expected: 0 },
    { name: 'with the second step exactly on the trigger', firstTop: -350, expected: 1 },
    { name: 'one pixel before the second step', firstTop: -349, expected: 0 },
    { name: 'inside the third step', firstTop: -1300, expected: 2 },
    { name: 'after the last step has scrolled away', firstTop: -5000, expected: 2 },
  ])('$name → step $expected', ({ firstTop, expected }) => {
    expect(activeIndex(stepsAt(firstTop), trigger)).toBe(expected);
  });

  it('gives the first step for an empty story rather than nothing', () => {
    expect(activeIndex([], trigger)).toBe(0);
  });
});

describe('stepProgress', () => {
  it.each([
    { name: 'before the step', top: 800, expected: 0 },
    { name: 'at its top', top: 450, expected: 0 },
    { name: 'a quarter through', top: 300, expected: 0.25 },
    { name: 'at its bottom', top: -150, expected: 1 },
    { name: 'long after it', top: -2000, expected: 1 },
  ])('is $expected $name', ({ top, expected }) => {
    expect(stepProgress({ top, height: 600 }, trigger)).toBe(expected);
  });

  it('treats a step without height as read', () => {
    expect(stepProgress({ top: 800, height: 0 }, trigger)).toBe(1);
  });
});

describe('readingShift: where a step is read, and framed', () => {
  const h = 900;
  it('puts the middle of the step on the trigger line beside the map', () => {
    expect(readingShift({ top: 2000, height: 600 }, 1800, trigger, h, true)).toBe(trigger - 2300);
  });

  it('puts the card at the foot of the screen over the map', () => {
    // The card's foot is 1500 px down now; it will be read 12 px above the screen's foot.
    expect(readingShift({ top: 1000, height: 900 }, 1500, trigger, h, false)).toBe(h - CARD_FOOT - 1500);
  });

  it('keeps the step active: its top above the trigger line, its foot below it', () => {
    // A card high in a tall step: at the foot of the screen the step would not be active yet.
    const step = { top: 1000, height: 2000 };
    const shift = readingShift(step, 1200, trigger, h, false);
    expect(step.top + shift).toBeLessThanOrEqual(trigger);
    expect(step.top + step.height + shift).toBeGreaterThan(trigger);
  });
});

describe('scrollTargetFor', () => {
  it.each([
    { name: 'moves the page by the shift', scrollY: 2000, shift: -300, expected: 2300 },
    { name: 'stops at the top of the page', scrollY: 100, shift: 400, expected: 0 },
    { name: 'stops at the bottom of the page', scrollY: 4900, shift: -600, expected: 5000 },
  ])('$name', ({ scrollY, shift, expected }) => {
    expect(scrollTargetFor(scrollY, shift, 5000)).toBe(expected);
  });

  it('lands on whole pixels', () => {
    expect(Number.isInteger(scrollTargetFor(1000.4, 333.3, 5000))).toBe(true);
  });
});

describe('routeFraction', () => {
  it.each([
    { progress: 0, reducedMotion: false, expected: 0 },
    { progress: 0.25, reducedMotion: false, expected: 0.5 },
    { progress: 0.5, reducedMotion: false, expected: 1 },
    { progress: 0.8, reducedMotion: false, expected: 1 },
    { progress: -1, reducedMotion: false, expected: 0 },
    { progress: 0, reducedMotion: true, expected: 1 },
    { progress: 0.25, reducedMotion: true, expected: 1 },
  ])('draws $expected of a route at progress $progress beside the map (reduced motion: $reducedMotion)', (row) => {
    // Beside the map a step is read with its middle on the trigger line: progress 0.5.
    expect(routeFraction(row.progress, 0.5, row.reducedMotion)).toBe(row.expected);
  });

  it('is whole where a card over the map is read, early in its step', () => {
    // A phone: the card is read at the foot of the screen, a tenth of the way through its step.
    expect(routeFraction(0.1, 0.1, false)).toBe(1);
    expect(routeFraction(0.05, 0.1, false)).toBe(0.5);
    expect(routeFraction(0, 0.1, false)).toBe(0);
  });

  it('is whole by the middle of the step, wherever it is read', () => {
    expect(routeFraction(0.5, 0.8, false)).toBe(1);
    // A reading position at the step's very start leaves nothing to grow over.
    expect(routeFraction(0, 0, false)).toBe(1);
    expect(routeFraction(0, -0.2, false)).toBe(1);
  });
});

describe('triggerFraction', () => {
  it('sits lower on a phone, where the step card covers the bottom of the map', () => {
    expect(triggerFraction(390, 844)).toBeGreaterThan(triggerFraction(1440, 900));
  });

  it.each([
    { width: 1440, height: 900, expected: 0.5 },
    { width: 900, height: 1200, expected: 0.5 },
    { width: 899, height: 1200, expected: 0.65 },
    { width: 390, height: 844, expected: 0.65 },
    { name: 'a phone held sideways', width: 844, height: 390, expected: 0.5 },
    { width: 599, height: 300, expected: 0.65 },
  ])('is $expected of a $width x $height viewport', ({ width, height, expected }) => {
    expect(triggerFraction(width, height)).toBe(expected);
  });
});

describe('isWide: text beside the map, or cards over it', () => {
  it.each([
    { name: 'a phone held upright', width: 390, height: 844, wide: false },
    { name: 'a phone held sideways', width: 844, height: 390, wide: true },
    { name: 'a small phone held sideways', width: 667, height: 375, wide: true },
    { name: 'a tablet held upright', width: 768, height: 1024, wide: false },
    {
      name: 'a 760 px frame, 560 tall (a 400 px map beside the text is too narrow)',
      width: 760,
      height: 560,
      wide: false,
    },
    { name: 'an 800 px frame, 600 tall', width: 800, height: 600, wide: true },
    { name: 'a laptop', width: 1440, height: 900, wide: true },
  ])('$name: $wide', ({ width, height, wide }) => {
    expect(isWide(width, height)).toBe(wide);
  });
});
