import { describe, expect, it } from 'vitest';
import { placePopover, type Box } from '../../src/lib/ui/placePopover.ts';

const VIEW = { width: 1440, height: 900 };
const SIZE = { width: 400, height: 300 };
const marker = (left: number, top: number): Box => ({ left, top, width: 24, height: 24 });
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placePopover', () => {
  it.each([
    { name: 'room on the right', anchor: marker(600, 400), size: SIZE, side: 'right' },
    { name: 'marker near the right edge', anchor: marker(1300, 400), size: SIZE, side: 'left' },
    {
      name: 'tall box, short of room at the sides',
      anchor: marker(700, 100),
      size: { width: 1300, height: 300 },
      side: 'below',
    },
    { name: 'wide box, marker low down', anchor: marker(700, 800), size: { width: 1300, height: 300 }, side: 'above' },
    { name: 'fits nowhere whole', anchor: marker(700, 430), size: { width: 1300, height: 860 }, side: 'right' },
  ])('$name: $side, clear of the marker and inside the viewport', ({ anchor, size, side }) => {
    const at = placePopover(anchor, size, VIEW, 16, 10);
    expect(at.side).toBe(side);
    expect(overlaps(at, anchor)).toBe(false);
    expect(at.left).toBeGreaterThanOrEqual(16);
    expect(at.top).toBeGreaterThanOrEqual(16);
    expect(at.left + at.width).toBeLessThanOrEqual(VIEW.width - 16);
    expect(at.top + at.height).toBeLessThanOrEqual(VIEW.height - 16);
  });

  it('keeps the whole box when it fits, centred on the marker along its side', () => {
    const at = placePopover(marker(600, 400), SIZE, VIEW, 16, 10);
    expect(at).toEqual({ side: 'right', left: 634, top: 262, width: 400, height: 300 });
  });
});
