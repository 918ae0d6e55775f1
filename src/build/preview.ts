/**
 * The story's social preview (og:image): the first step's static map, rasterised to PNG at build
 * time with resvg, with the title on a band at the foot, wrapped to fit (`preview-title.ts`).
 * Only the bundled Source Sans 3 is loaded, never the machine's fonts, so every machine builds
 * the same image, and the title is measured with the very font it is drawn in.
 */
import { createRequire } from 'node:module';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import type { FeatureCollection } from 'geojson';
import type { Story } from '../lib/story/model.ts';
import { renderStaticMap } from '../lib/geo/staticMap.ts';
import { escapeXml, FONT_FAMILY } from '../lib/geo/staticLayers.ts';
import { layoutTitle, type Measure } from './preview-title.ts';
import { PAGE_LIGHT } from '../lib/style/palette.ts';

export const PREVIEW_SIZE = { width: 1200, height: 630 };

const require = createRequire(import.meta.url);

/**
 * The label font of the live map (Source Sans 3, semibold), as the TrueType file Adobe publishes
 * in the `source-sans` package: resvg reads only TTF/OTF, not the WOFF files the page uses.
 */
const FONT = require.resolve('source-sans/TTF/SourceSans3-Semibold.ttf');

const FONT_OPTIONS = { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: 'Source Sans 3' };

/** Rasterises an SVG at exactly `width` x `height`, with only the bundled font. */
export function rasterise(svg: string, width: number, height: number): RenderedImage {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: FONT_OPTIONS, logLevel: 'off' });
  const image = resvg.render();
  if (image.height !== height)
    throw new Error(`preview is ${image.width}x${image.height}, not ${width}x${height}: the SVG's proportions differ`);
  return image;
}

/** The SVG as a PNG at exactly `width` x `height` (1200 x 630 suits og:image). */
export function renderPreviewPng(svg: string, width = PREVIEW_SIZE.width, height = PREVIEW_SIZE.height): Buffer {
  return rasterise(svg, width, height).asPng();
}

/** The title's text element: semibold Source Sans 3, as the preview draws it. */
const titleText = (text: string, x: number, y: number, size: number) =>
  `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-size="${size}" font-weight="600" fill="${PAGE_LIGHT.ink}">${escapeXml(text)}</text>`;

/** How far the ink of `text` in the title's font reaches right of where it starts, laid out by resvg. */
export const measureTitle: Measure = (text, size) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${titleText(text, 0, size, size)}</svg>`;
  const box = new Resvg(svg, { font: FONT_OPTIONS, logLevel: 'off' }).getBBox();
  return box ? box.x + box.width : 0;
};

/** Space left and right of the title, in px. */
export const TITLE_MARGIN = 40;
/** Space above and below the title on its band, in px. */
const BAND_PADDING = 24;

/** The preview's SVG: the first step's map at the og:image size, with the story's title on a band. */
export function previewSvg(story: Story, basemap: FeatureCollection): string {
  const { width, height } = PREVIEW_SIZE;
  const { size, lines } = layoutTitle(story.title, width - 2 * TITLE_MARGIN, measureTitle);
  const lineHeight = Math.round(size * 1.2);
  // The band grows with the lines, from the foot of the image up; the map frames its places above it.
  const top = height - 2 * BAND_PADDING - lines.length * lineHeight;
  const map = renderStaticMap(story, basemap, 0, PREVIEW_SIZE, height - top);
  const band =
    `<rect x="0" y="${top}" width="${width}" height="${height - top}" fill="${PAGE_LIGHT.paper}" fill-opacity="0.92"/>` +
    lines
      .map((line, i) => titleText(line, TITLE_MARGIN, Math.round(top + BAND_PADDING + (i + 0.8) * lineHeight), size))
      .join('');
  return map.replace(/<\/svg>\s*$/, `${band}</svg>`);
}
