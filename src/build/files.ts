/**
 * Every file the build derives from a story besides its pages: the basemap, each step's static
 * map (and four more shapes of it for the live map's stand-in, staticSize.ts), the social preview
 * image and the oEmbed answer. Built once per build (or per change in dev), then emitted into the
 * bundle or served from memory.
 */
import type { FeatureCollection } from 'geojson';
import type { BuiltStory } from './stories.ts';
import { renderStaticMap } from '../lib/geo/staticMap.ts';
import { previewSvg, renderPreviewPng } from './preview.ts';
import { oembed } from './page.ts';
import { drawingFile, STATIC_MAP_SIZE, STILL_SIZES } from '../lib/geo/staticSize.ts';
import { OVERSCAN } from '../lib/geo/stillPlacement.ts';

export function storyFiles(built: BuiltStory, site: string): Map<string, string | Uint8Array> {
  const { story } = built;
  const basemap = JSON.parse(built.basemap) as FeatureCollection;
  const files = new Map<string, string | Uint8Array>();
  for (const [file, text] of built.basemapFiles) files.set(file, text);
  story.steps.forEach((step, i) => {
    const maps = `${story.slug}/maps/`;
    files.set(maps + drawingFile(step.id), renderStaticMap(story, basemap, i, STATIC_MAP_SIZE, 0, OVERSCAN));
    for (const size of STILL_SIZES)
      files.set(maps + drawingFile(step.id, size), renderStaticMap(story, basemap, i, size, 0, OVERSCAN));
  });
  files.set(`${story.slug}/preview.png`, renderPreviewPng(previewSvg(story, basemap)));
  files.set(`${story.slug}/oembed.json`, JSON.stringify(oembed(built, site), null, 2));
  return files;
}
