import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { previewSvg, rasterise, renderPreviewPng } from '../../src/build/preview.ts';
import { FONT_FAMILY } from '../../src/lib/geo/staticLayers.ts';
import { COLORS } from '../../src/lib/map/style.ts';

const built = buildStory(resolve('data/stories/mss-haiti.yaml'));
const basemap = JSON.parse(built.basemap) as FeatureCollection;
const svg = previewSvg(built.story, basemap);
const png = renderPreviewPng(svg);

const hex = (pixels: Buffer, i: number) =>
  `#${[0, 1, 2].map((c) => (pixels[i + c] ?? 0).toString(16).padStart(2, '0')).join('')}`;

/** How many pixels have each colour, as #rrggbb. */
function histogram(pixels: Buffer): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) counts.set(hex(pixels, i), (counts.get(hex(pixels, i)) ?? 0) + 1);
  return counts;
}

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60"><rect width="300" height="60" fill="#ffffff"/><text x="10" y="40" font-family="${FONT_FAMILY.replace(/'/g, '&#39;')}" font-size="28" fill="#000000">${text}</text></svg>`;

describe('renderPreviewPng', () => {
  it('writes a PNG of 1200 x 630', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('renders the same bytes every time', () => {
    expect(renderPreviewPng(svg).equals(png)).toBe(true);
  });

  it('honours another size', () => {
    const small = renderPreviewPng(svg, 600, 315);
    expect([small.readUInt32BE(16), small.readUInt32BE(20)]).toEqual([600, 315]);
  });

  it('refuses a size of other proportions than the SVG', () => {
    expect(() => renderPreviewPng(svg, 1200, 1200)).toThrow(/1200x630, not 1200x1200/);
  });

  it('draws the map: water, land and much else', () => {
    const counts = histogram(rasterise(svg, 1200, 630).pixels);
    const total = 1200 * 630;
    expect(counts.size).toBeGreaterThan(50);
    expect(counts.get(COLORS.water) ?? 0).toBeGreaterThan(total * 0.2);
    expect(counts.get(COLORS.land) ?? 0).toBeGreaterThan(total * 0.1);
  });

  it('draws text with the bundled font, without the machine fonts', () => {
    const dark = (image: Buffer) => [...histogram(image)].filter(([c]) => c < '#404040').reduce((n, [, k]) => n + k, 0);
    expect(dark(rasterise(textSvg('Port-au-Prince'), 300, 60).pixels)).toBeGreaterThan(300);
    expect(dark(rasterise(textSvg(''), 300, 60).pixels)).toBe(0);
  });
});
