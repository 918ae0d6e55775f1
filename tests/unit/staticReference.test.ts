/**
 * Reference-image tests of the static step maps, after MapLibre's render tests: each case draws
 * one step of a fixture story with `renderStaticMap`, rasterises it with resvg and the bundled font
 * (`rasterise`, as the preview does, so text is the same on every machine) and compares it with
 * tests/fixtures/reference/<case>.png. On failure the picture drawn and a diff (differing pixels in
 * red) are written to test-results/reference/. After a change meant to alter the maps, look at the
 * failures, then regenerate the references:
 *
 *   UPDATE_REFERENCES=1 node_modules/.bin/vitest run --project unit tests/unit/staticReference.test.ts
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { rasterise } from '../../src/build/preview.ts';
import { renderStaticMap } from '../../src/lib/geo/staticMap.ts';
import { STATIC_MAP_SIZE } from '../../src/lib/geo/staticSize.ts';
import { diffImages, type Picture } from './imageDiff.ts';

const REFERENCES = resolve('tests/fixtures/reference');
const ARTEFACTS = resolve('test-results/reference');
const UPDATE = process.env.UPDATE_REFERENCES === '1';

/**
 * resvg draws the same pixels every run on one machine, so the bounds are tight: a channel may be
 * 8 levels off (another resvg build rounding its anti-aliasing differently) and 0.02% of the
 * pixels may differ (48 at 600x400, 151 at 1200x630: a few edge pixels, never a 20x20 marker).
 */
const OPTIONS = { threshold: 8, allowed: 0.0002 };

const SIZES = { static: STATIC_MAP_SIZE, wide: { width: 1200, height: 630 } };

const stories = {
  haiti: buildStory(resolve('tests/fixtures/site/mss-haiti.yaml')),
  pacific: buildStory(resolve('tests/fixtures/site/pacific-relief.yaml')),
};

const CASES = (
  [
    ['haiti', 'intro'],
    // A route into a country, ending in an arrow.
    ['haiti', 'evacuation'],
    // A close-up on a few markers.
    ['haiti', 'injuries'],
    // Framed across the antimeridian.
    ['pacific', 'step-01'],
  ] as const
).flatMap(([story, step]) =>
  (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => ({
    name: `${story}-${step}-${size}`,
    story,
    step,
    size,
  })),
);

function draw(story: keyof typeof stories, stepId: string, size: keyof typeof SIZES): Buffer {
  const built = stories[story];
  const index = built.story.steps.findIndex((s) => s.id === stepId);
  if (index < 0) throw new Error(`no step ${stepId} in ${story}`);
  const basemap = JSON.parse(built.basemap) as FeatureCollection;
  const { width, height } = SIZES[size];
  return rasterise(renderStaticMap(built.story, basemap, index, SIZES[size]), width, height).asPng();
}

const decode = (png: Buffer): Picture => {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
};

/** A plain RGB PNG, best compressed: the maps are opaque, so alpha is dead weight. */
const encode = ({ width, height, data }: Picture): Buffer =>
  PNG.sync.write(Object.assign(new PNG({ width, height }), { data: Buffer.from(data) }), {
    colorType: 2,
    deflateLevel: 9,
  });

describe('static step maps match their reference images', () => {
  it.each(CASES)('$name', ({ name, story, step, size }) => {
    const file = resolve(REFERENCES, `${name}.png`);
    const actual = draw(story, step, size);
    const artefacts = resolve(ARTEFACTS, name);
    rmSync(artefacts, { recursive: true, force: true });
    if (UPDATE || !existsSync(file)) {
      mkdirSync(REFERENCES, { recursive: true });
      writeFileSync(file, encode(decode(actual)));
      if (!UPDATE) throw new Error(`no reference for ${name}: wrote ${file}, look at it and run again`);
      return;
    }
    const result = diffImages(decode(actual), decode(readFileSync(file)), OPTIONS);
    if (!result.pass) {
      mkdirSync(artefacts, { recursive: true });
      writeFileSync(resolve(artefacts, 'actual.png'), actual);
      writeFileSync(resolve(artefacts, 'expected.png'), readFileSync(file));
      if (result.diff) writeFileSync(resolve(artefacts, 'diff.png'), encode(result.diff));
    }
    expect(result.pass, `${name}: ${result.reason}; see ${artefacts}`).toBe(true);
  });
});
