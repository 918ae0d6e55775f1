/**
 * The story's social preview (og:image): the first step's static map, rasterised to PNG at build
 * time with resvg. Only the bundled Source Sans 3 is loaded, never the machine's fonts, so every
 * machine builds the same image.
 */
import { createRequire } from 'node:module';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import type { FeatureCollection } from 'geojson';
import type { Story } from '../lib/story/model.ts';
import { renderStaticMap } from '../lib/geo/staticMap.ts';
import { escapeXml, FONT_FAMILY } from '../lib/geo/staticLayers.ts';

export const PREVIEW_SIZE = { width: 1200, height: 630 };

const require = createRequire(import.meta.url);

/**
 * The label font of the live map (Source Sans 3, semibold), as the TrueType file Adobe publishes
 * in the `source-sans` package: resvg reads only TTF/OTF, not the WOFF files the page uses.
 */
const FONT = require.resolve('source-sans/TTF/SourceSans3-Semibold.ttf');

/** Rasterises an SVG at exactly `width` x `height`, with only the bundled font. */
export function rasterise(svg: string, width: number, height: number): RenderedImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: 'Source Sans 3' },
    logLevel: 'off',
  });
  const image = resvg.render();
  if (image.height !== height)
    throw new Error(`preview is ${image.width}x${image.height}, not ${width}x${height}: the SVG's proportions differ`);
  return image;
}

/** The SVG as a PNG at exactly `width` x `height` (1200 x 630 suits og:image). */
export function renderPreviewPng(svg: string, width = PREVIEW_SIZE.width, height = PREVIEW_SIZE.height): Buffer {
  return rasterise(svg, width, height).asPng();
}

/** The preview's SVG: the first step's map at the og:image size, with the story's title on a band. */
export function previewSvg(story: Story, basemap: FeatureCollection): string {
  const map = renderStaticMap(story, basemap, 0, PREVIEW_SIZE);
  const { width, height } = PREVIEW_SIZE;
  const band =
    `<rect x="0" y="${height - 96}" width="${width}" height="96" fill="#ffffff" fill-opacity="0.92"/>` +
    `<text x="40" y="${height - 38}" font-family="${FONT_FAMILY}" font-size="44" font-weight="600" fill="#1f1f1f">` +
    `${escapeXml(story.title)}</text>`;
  return map.replace(/<\/svg>\s*$/, `${band}</svg>`);
}
