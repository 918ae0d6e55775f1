/**
 * The map's colours, light and dark, measured as WCAG contrast from the constants the map is drawn
 * with: the step's country-only marker must stand out from its country's tint (non-text contrast,
 * 3:1), and land must not blend into the sea.
 */
import { describe, expect, it } from 'vitest';
// The one palette (lib/style/palette.ts) that the live map, the static maps and the CSS all read.
import { MAP_LIGHT as COLORS, MAP_DARK as DARK_COLORS, HIGHLIGHT_OPACITY } from '../../src/lib/style/palette.ts';
import { contrast, luminance, over } from '../../src/lib/geo/contrast.ts';

describe('contrast', () => {
  it.each([
    { a: '#000000', b: '#ffffff', expected: 21 },
    { a: '#777777', b: '#ffffff', expected: 4.48 },
    { a: '#123456', b: '#123456', expected: 1 },
  ])('between $a and $b is $expected', ({ a, b, expected }) => {
    expect(contrast(a, b)).toBeCloseTo(expected, 2);
    expect(contrast(b, a)).toBeCloseTo(expected, 2);
  });

  it('composites a translucent fill', () => {
    expect(over('#ffffff', 0.5, '#000000')).toBe('#808080');
    expect(luminance(over('#ff0000', 0, '#00ff00'))).toBeCloseTo(luminance('#00ff00'), 6);
  });
});

describe.each([
  { theme: 'light', colors: COLORS, landWater: 1.1 },
  // A dark map has no hue to tell land from sea by: the step in lightness must carry it.
  { theme: 'dark', colors: DARK_COLORS, landWater: 1.5 },
])('the $theme map', ({ colors, landWater }) => {
  const tint = over(colors.highlight, HIGHLIGHT_OPACITY, colors.land);

  it('draws the active country marker at 3:1 or more against its country’s tint', () => {
    expect(contrast(colors.activeMarker, tint)).toBeGreaterThanOrEqual(3);
  });

  it('draws the active country marker unlike the country’s own outline', () => {
    // The same colour as the dashed outline would make the dashed ring read as part of it.
    if (colors === DARK_COLORS) expect(contrast(colors.activeMarker, colors.highlight)).toBeGreaterThan(1.3);
  });

  it('tells land from water', () => {
    expect(contrast(colors.land, colors.water)).toBeGreaterThanOrEqual(landWater);
  });

  it('draws routes that stand out from land, sea and tint', () => {
    for (const under of [colors.land, colors.water, tint])
      expect(contrast(colors.route, under)).toBeGreaterThanOrEqual(3);
  });
});
