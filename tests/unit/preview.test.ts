import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { measureTitle, previewSvg, rasterise, renderPreviewPng, TITLE_MARGIN } from '../../src/build/preview.ts';
import { layoutTitle, wrapWords, type Measure } from '../../src/build/preview-title.ts';
import { escapeXml, FONT_FAMILY } from '../../src/lib/geo/staticLayers.ts';
import { COLORS } from '../../src/lib/map/style.ts';

const built = buildStory(resolve('tests/fixtures/site/mss-haiti.yaml'));
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

const LINE_WIDTH = 1200 - 2 * TITLE_MARGIN;

/**
 * The columns a line of the title inks when drawn at the margin of a 1200 px image: found from
 * the pixels resvg renders, not from the measure the layout used, so the two check each other.
 */
function inkedColumns(line: string, size: number): { left: number; right: number } {
  const height = size * 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="${height}" viewBox="0 0 1200 ${height}"><rect width="1200" height="${height}" fill="#ffffff"/><text x="${TITLE_MARGIN}" y="${size * 1.4}" font-family="${FONT_FAMILY.replace(/'/g, '&#39;')}" font-size="${size}" font-weight="600" fill="#000000">${escapeXml(line)}</text></svg>`;
  const { pixels } = rasterise(svg, 1200, height);
  let left = Infinity;
  let right = -Infinity;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i] ?? 255) > 200) continue;
    const x = (i / 4) % 1200;
    left = Math.min(left, x);
    right = Math.max(right, x);
  }
  return { left, right };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('the title on the preview', () => {
  it.each([
    { name: 'a 61-character title', title: 'Kenyan police in Haiti come under fire as gangs hold the city' },
    {
      name: 'a 200-character title',
      title:
        'Kenyan police sent to Haiti to fight the gangs that hold most of its capital say they lack the armoured cars, helicopters and pay they were promised, as two officers are killed and a third is missing.',
    },
  ])('wraps $name into at most three lines inside the margins, every word kept', ({ title }) => {
    expect([...title].length).toBeOneOf([61, 200]);
    const { size, lines } = layoutTitle(title, LINE_WIDTH, measureTitle);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) {
      const ink = inkedColumns(line, size);
      expect(ink.left, line).toBeGreaterThanOrEqual(TITLE_MARGIN);
      expect(ink.right, line).toBeLessThan(1200 - TITLE_MARGIN);
    }
    expect(words(lines.join(' '))).toEqual(words(title));
  });

  it('keeps a short title on one line at full size', () => {
    expect(layoutTitle('Kenyan police in Haiti, under fire', LINE_WIDTH, measureTitle)).toEqual({
      size: 44,
      lines: ['Kenyan police in Haiti, under fire'],
    });
  });

  it('breaks a 200-letter word between letters, and cuts only what cannot fit, with an ellipsis', () => {
    const word = 'Longword'.repeat(25);
    const broken = layoutTitle(word, LINE_WIDTH, measureTitle);
    expect(broken.lines.length).toBeLessThanOrEqual(3);
    expect(broken.lines.join('')).toBe(word);
    const wide = layoutTitle('W'.repeat(200), LINE_WIDTH, measureTitle);
    expect(wide.lines).toHaveLength(3);
    expect(wide.lines[2]).toMatch(/W…$/);
    for (const line of [...broken.lines, ...wide.lines])
      expect(inkedColumns(line, broken.size).right, line).toBeLessThan(1200 - TITLE_MARGIN);
  });

  it('grows the band to hold every line', () => {
    const title =
      'Kenyan police sent to Haiti to fight the gangs that hold most of its capital say they lack the armoured cars';
    const story = { ...built.story, title };
    const { size, lines } = layoutTitle(title, LINE_WIDTH, measureTitle);
    const drawn = previewSvg(story, basemap);
    for (const line of lines) expect(drawn).toContain(`>${escapeXml(line)}</text>`);
    const band = /<rect x="0" y="(\d+)" width="1200" height="(\d+)" fill="#ffffff" fill-opacity="0.92"\/>/.exec(drawn);
    expect(Number(band?.[1]) + Number(band?.[2])).toBe(630);
    expect(Number(band?.[2])).toBeGreaterThanOrEqual(lines.length * size * 1.2);
  });
});

describe('wrapWords', () => {
  // Every character 10 px wide at size 20: easy to reason about.
  const measure: Measure = (text, size) => [...text].length * (size / 2);
  it.each([
    { name: 'words that fit on one line', text: 'ab cd', expected: ['ab cd'] },
    { name: 'words over two lines', text: 'abc def ghi', expected: ['abc def', 'ghi'] },
    { name: 'a word wider than a line', text: 'abcdefghijkl', expected: ['abcdefgh', 'ijkl'] },
    { name: 'a long word after a short one', text: 'ab cdefghijklmnopq', expected: ['ab', 'cdefghij', 'klmnopq'] },
    { name: 'runs of spaces', text: '  ab   cd  ', expected: ['ab cd'] },
    // Room for four and a half flags: a line may not end in half of one.
    { name: 'flags, never split', text: '🇭🇹🇭🇹🇭🇹🇭🇹🇭🇹', width: 90, expected: ['🇭🇹🇭🇹🇭🇹🇭🇹', '🇭🇹'] },
  ])('wraps $name', ({ text, width, expected }) => {
    expect(wrapWords(text, 20, width ?? 80, measure)).toEqual(expected);
  });
});
