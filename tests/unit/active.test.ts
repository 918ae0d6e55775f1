import { describe, expect, it } from 'vitest';
import {
  activeIndex,
  routeFraction,
  scrollTargetFor,
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

describe('scrollTargetFor', () => {
  it.each([
    { name: 'puts the middle of the step on the trigger', pageTop: 2000, expected: 2000 + 300 - 450 },
    { name: 'stops at the top of the page', pageTop: 100, expected: 0 },
    { name: 'stops at the bottom of the page', pageTop: 9000, expected: 5000 },
  ])('$name', ({ pageTop, expected }) => {
    expect(scrollTargetFor(pageTop, 600, trigger, 5000)).toBe(expected);
  });

  it('lands on whole pixels', () => {
    expect(Number.isInteger(scrollTargetFor(1000.4, 333, 421.7, 5000))).toBe(true);
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
  ])('draws $expected of a route at progress $progress (reduced motion: $reducedMotion)', (row) => {
    expect(routeFraction(row.progress, row.reducedMotion)).toBe(row.expected);
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
