import { describe, expect, it } from 'vitest';
import { extremeFrames, frameMargin, freeArea, framePadding, MIN_FREE, type Rect } from '../../src/lib/geo/freeArea.ts';
import { coversAtReading, type PageLayout } from '../../src/lib/scroll/covers.ts';

const phone = { width: 390, height: 844 };
const desktopMap = { width: 864, height: 900 };
const band = (top: number, bottom: number, width = 390): Rect => ({ left: 0, right: width, top, bottom });

describe('freeArea: the largest part of the map nothing covers', () => {
  it('is the whole map when nothing covers it', () => {
    expect(freeArea(phone, [])).toEqual({ left: 0, top: 0, right: 390, bottom: 844 });
  });

  it('is the band between a timeline on top and a card below', () => {
    expect(freeArea(phone, [band(0, 120), { left: 12, right: 378, top: 500, bottom: 800 }])).toEqual({
      left: 0,
      top: 120,
      right: 390,
      bottom: 500,
    });
  });

  it('goes round a key in a corner by the larger of the two ways', () => {
    const key = { left: 8, top: 760, right: 200, bottom: 892 };
    const free = freeArea(desktopMap, [band(0, 170, 864), key]);
    // Above the key, full width (864 × 590), beats beside it, full height (664 × 730).
    expect(free).toEqual({ left: 0, top: 170, right: 864, bottom: 760 });
  });

  it('ignores covers outside the map and covers that only touch its edge', () => {
    const free = freeArea(phone, [band(-100, 0), { left: 390, right: 500, top: 0, bottom: 844 }]);
    expect(free).toEqual({ left: 0, top: 0, right: 390, bottom: 844 });
  });

  it('never overlaps a cover, wherever the covers are', () => {
    const covers: Rect[] = [
      { left: 50, top: 40, right: 140, bottom: 300 },
      { left: 200, top: 400, right: 390, bottom: 460 },
      band(700, 844),
    ];
    const free = freeArea(phone, covers);
    for (const c of covers)
      expect(
        Math.min(free.right, c.right) - Math.max(free.left, c.left) <= 0 ||
          Math.min(free.bottom, c.bottom) - Math.max(free.top, c.top) <= 0,
      ).toBe(true);
    expect((free.right - free.left) * (free.bottom - free.top)).toBeGreaterThan(0);
  });
});

describe('framePadding: the camera frames the places in the free area, with a margin', () => {
  it('pads the map evenly when nothing covers it', () => {
    const edge = frameMargin(desktopMap);
    expect(framePadding(desktopMap)).toEqual({ top: edge, right: edge, bottom: edge, left: edge });
  });

  it('keeps the places above a phone card and below the timeline', () => {
    const padding = framePadding(phone, [band(0, 100), { left: 12, right: 378, top: 600, bottom: 844 }]);
    const edge = frameMargin(phone);
    expect(padding.top).toBe(100 + edge);
    expect(padding.bottom).toBe(844 - 600 + edge);
  });

  it('gives up the margins before it lets the places under a tall card', () => {
    const padding = framePadding(phone, [band(0, 120), { left: 12, right: 378, top: 500, bottom: 844 }]);
    expect(padding.top).toBeGreaterThanOrEqual(120 + 8);
    expect(padding.bottom).toBeGreaterThanOrEqual(844 - 500 + 8);
  });

  it(`keeps ${MIN_FREE * 100}% of a map free however much covers it`, () => {
    const short = { width: 844, height: 390 };
    const padding = framePadding(short, [band(0, 200, 844), band(300, 390, 844)]);
    expect(short.height - padding.top - padding.bottom).toBeGreaterThanOrEqual(short.height * MIN_FREE - 1);
    // The larger cover keeps the larger share.
    expect(padding.top).toBeGreaterThan(padding.bottom);
  });

  it('frames the least the page allows among its extremes', () => {
    const [open, most] = extremeFrames(phone);
    expect(open).toEqual(framePadding(phone));
    expect(
      Math.abs(phone.height - (most?.top ?? 0) - (most?.bottom ?? 0) - phone.height * MIN_FREE),
    ).toBeLessThanOrEqual(1);
  });
});

describe('coversAtReading: what lies over the map while the step is read', () => {
  const layout = (over: Partial<PageLayout>): PageLayout => ({
    viewport: { width: 390, height: 844 },
    stage: { left: 0, right: 390, top: 0, bottom: 844 },
    section: { top: -2000, bottom: 6000 },
    shift: 0,
    fixed: [],
    safe: { top: 0, right: 0, bottom: 0, left: 0 },
    ...over,
  });

  it('moves the card to where it will be read', () => {
    // The card is below the screen now; the reader will scroll it 700 px up.
    const covers = coversAtReading(layout({ card: { left: 12, right: 378, top: 1100, bottom: 1400 }, shift: -700 }));
    expect(covers).toEqual([{ left: 12, right: 378, top: 400, bottom: 700 }]);
  });

  it('keeps the timeline and the key where they are on the map', () => {
    const covers = coversAtReading(layout({ fixed: [band(0, 130)], shift: -300 }));
    expect(covers).toEqual([band(0, 130)]);
  });

  it('counts the part of the map still below the screen before the stage has stuck', () => {
    // The section starts 400 px down now and will start 130 px down at the reading position.
    const covers = coversAtReading(
      layout({
        stage: { left: 0, right: 390, top: 400, bottom: 1244 },
        section: { top: 400, bottom: 9000 },
        shift: -270,
      }),
    );
    expect(covers).toEqual([{ left: 0, right: 390, top: 714, bottom: 1e6 - 130 }]);
  });

  it('keeps clear of a notch and a home bar', () => {
    const covers = coversAtReading(layout({ safe: { top: 47, right: 0, bottom: 34, left: 0 } }));
    expect(covers).toEqual([
      { left: 0, right: 390, top: -1e6, bottom: 47 },
      { left: 0, right: 390, top: 810, bottom: 1e6 },
    ]);
  });

  it('drops a card beside the map (the wide layout)', () => {
    const covers = coversAtReading(
      layout({
        viewport: { width: 1440, height: 900 },
        stage: { left: 576, right: 1440, top: 0, bottom: 900 },
        card: { left: 24, right: 552, top: 300, bottom: 600 },
      }),
    );
    expect(covers).toEqual([]);
  });
});
