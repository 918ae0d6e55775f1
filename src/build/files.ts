/**
 * Every file the build derives from a story besides its pages: the basemap, each step's static
 * map (and five more shapes of it for the live map's stand-in, staticSize.ts), the social preview
 * image and the oEmbed answer. Each is a job, made when called: a build makes them while the
 * bundler works (plugin.ts `buildEnd`), a dev server at once and again per change. Then emitted
 * into the bundle or served from memory.
 */
import type { FeatureCollection } from 'geojson';
import type { BuiltStory } from './stories.ts';
import { renderStaticMap } from '../lib/geo/staticMap.ts';
import { previewSvg, renderPreviewPng } from './preview.ts';
import { oembed } from './page.ts';
import { drawingFile, STATIC_MAP_SIZE, STILL_SIZES } from '../lib/geo/staticSize.ts';
import { OVERSCAN } from '../lib/geo/stillPlacement.ts';
import { drawnStory, keptDrawings } from './drawings.ts';

/** The story's files by name, each made when its function is called. */
export function storyFileJobs(built: BuiltStory, site: string): [string, () => string | Uint8Array][] {
  const { story } = built;
  let parsed: FeatureCollection | undefined;
  const basemap = () => (parsed ??= JSON.parse(built.basemap) as FeatureCollection);
  const maps = `${story.slug}/maps/`;
  const sizes = [undefined, ...STILL_SIZES];
  const drawn = drawnStory(story);
  const drawings = keptDrawings(drawn, built.basemap, story.steps.length * sizes.length);
  return [
    ...[...built.basemapFiles].map(([file, text]): [string, () => string] => [file, () => text]),
    ...story.steps.flatMap((step, i) =>
      sizes.map((size): [string, () => string] => {
        const file = maps + drawingFile(step.id, size);
        return [
          file,
          () => drawings.get(file, () => renderStaticMap(drawn, basemap(), i, size ?? STATIC_MAP_SIZE, 0, OVERSCAN)),
        ];
      }),
    ),
    [`${story.slug}/preview.png`, () => renderPreviewPng(previewSvg(story, basemap()))],
    [`${story.slug}/oembed.json`, () => JSON.stringify(oembed(built, site), null, 2)],
  ];
}
