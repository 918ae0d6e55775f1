/**
 * Every file the build derives from a story besides its pages: the basemap, one static map per
 * step, the social preview image and the oEmbed answer. Built once per build (or per change in
 * dev), then emitted into the bundle or served from memory.
 */
import type { FeatureCollection } from 'geojson';
import type { BuiltStory } from './stories.ts';
import { renderAllSteps } from '../lib/geo/staticMap.ts';
import { previewSvg, renderPreviewPng } from './preview.ts';
import { oembed } from './page.ts';
import { STATIC_MAP_SIZE } from '../lib/geo/staticSize.ts';

export function storyFiles(built: BuiltStory, site: string): Map<string, string | Uint8Array> {
  const { story } = built;
  const basemap = JSON.parse(built.basemap) as FeatureCollection;
  const files = new Map<string, string | Uint8Array>();
  for (const [file, text] of built.basemapFiles) files.set(file, text);
  renderAllSteps(story, basemap, STATIC_MAP_SIZE).forEach((svg, i) =>
    files.set(`${story.slug}/maps/${story.steps[i]?.id}.svg`, svg),
  );
  files.set(`${story.slug}/preview.png`, renderPreviewPng(previewSvg(story, basemap)));
  files.set(`${story.slug}/oembed.json`, JSON.stringify(oembed(built, site), null, 2));
  return files;
}
