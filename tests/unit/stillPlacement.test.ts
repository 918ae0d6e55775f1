/**
 * The live map's stand-in (stillPlacement.ts): a step's static map, drawn once at build time,
 * placed on a box of any size so that each place is where the live camera will draw it, on both
 * sides of 180°; and its SVG, which shows just the frame unless asked for its margins.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { renderStaticMap } from '../../src/lib/geo/staticMap.ts';
import { pixelProjection } from '../../src/lib/geo/pixels.ts';
import {
  liveCamera,
  placement,
  stillCamera,
  stillDrawing,
  stillMargin,
  stillTransform,
  STILL_AT_REST,
  STILL_VIEW,
  STILL_VIEW_UNROUTED,
  stillView,
  type PixelCamera,
} from '../../src/lib/geo/stillPlacement.ts';
import { STATIC_MAP_SIZE, STILL_DEFAULT_MEDIA, STILL_SIZES } from '../../src/lib/geo/staticSize.ts';
import type { Story } from '../../src/lib/story/model.ts';
import type { MapCovers } from '../../src/lib/geo/stepFrame.ts';

const haiti = buildStory(resolve('tests/fixtures/site/mss-haiti.yaml'));
const pacific = buildStory(resolve('tests/fixtures/site/pacific-relief.yaml'));

/** A phone's box under a timeline and a card; a desktop's beside the text, under a timeline. */
const boxes: { name: string; box: { width: number; height: number }; covers: MapCovers }[] = [
  {
    name: 'phone',
    box: { width: 390, height: 844 },
    covers: {
      always: [
        { left: 0, top: 0, right: 390, bottom: 170 },
        { left: 12, top: 560, right: 378, bottom: 780 },
      ],
      close: [{ left: 300, top: 180, right: 384, bottom: 264 }],
    },
  },
  {
    name: 'desktop',
    box: { width: 864, height: 900 },
    covers: { always: [{ left: 0, top: 0, right: 864, bottom: 170 }], close: [] },
  },
  { name: 'side', box: { width: 492, height: 390 }, covers: { always: [], close: [] } },
];

/** Where a camera draws a place, as MapLibre does (the nearest world copy to the camera). */
const at = (camera: PixelCamera, size: { width: number; height: number }, lngLat: [number, number]) =>
  pixelProjection(camera.center, camera.zoom, camera.anchor, size).point(lngLat);

function places(story: Story, i: number): [number, number][] {
  const step = story.steps[i];
  const ids = new Set(step?.events ?? []);
  return story.events.filter((e) => ids.has(e.id) && e.place).map((e) => e.place?.coordinates as [number, number]);
}

describe.each([
  { name: 'Haiti', story: haiti.story },
  { name: 'the Pacific, across 180°', story: pacific.story },
])('placing $name’s static maps at the live camera', ({ story }) => {
  it.each(boxes)('on a $name box, every place of every step lands where the live map draws it', ({ box, covers }) => {
    let checked = 0;
    for (const size of [STATIC_MAP_SIZE, ...STILL_SIZES])
      story.steps.forEach((step, i) => {
        const drawn = stillCamera(step.camera, size);
        const shown = liveCamera(step.camera, box, covers);
        const place = placement(drawn, shown);
        const drawing = stillDrawing(size);
        for (const lngLat of places(story, i)) {
          const [u, v] = at(drawn, drawing, lngLat);
          const [x, y] = at(shown, box, lngLat);
          expect(place.scale * u + place.x).toBeCloseTo(x, 6);
          expect(place.scale * v + place.y).toBeCloseTo(y, 6);
          checked++;
        }
      });
    expect(checked).toBeGreaterThan(story.steps.length);
  });
});

describe('stillTransform', () => {
  /** Applies `translate(…px, …px) scale(…)` (origin top left) to a point of the image's box. */
  function apply(transform: string, [x, y]: [number, number], box: { width: number; height: number }) {
    const m = /translate\((-?[\d.]+)(px|%), (-?[\d.]+)(px|%)\) scale\(([\d.]+)\)/.exec(transform);
    if (!m) throw new Error(`not a transform this test reads: ${transform}`);
    const tx = Number(m[1]) * (m[2] === '%' ? box.width / 100 : 1);
    const ty = Number(m[3]) * (m[4] === '%' ? box.height / 100 : 1);
    const k = Number(m[5]);
    return [tx + k * x, ty + k * y];
  }
  /** Where `object-fit: contain` draws a point of the drawing in the image's box. */
  function contained([u, v]: [number, number], drawing: { width: number; height: number }, box: typeof drawing) {
    const fit = Math.min(box.width / drawing.width, box.height / drawing.height);
    return [(box.width - fit * drawing.width) / 2 + fit * u, (box.height - fit * drawing.height) / 2 + fit * v] as [
      number,
      number,
    ];
  }

  it('moves the contained drawing onto the placement, to a hundredth of a pixel', () => {
    const box = { width: 390, height: 844 };
    const drawing = stillDrawing(STATIC_MAP_SIZE);
    const place = { scale: 0.61, x: -130.4, y: 210.7 };
    for (const point of [
      [0, 0],
      [600, 400],
      [1200, 800],
    ] as [number, number][]) {
      const [x, y] = apply(stillTransform(place, drawing, box), contained(point, drawing, box), box);
      expect(x).toBeCloseTo(place.scale * point[0] + place.x, 1);
      expect(y).toBeCloseTo(place.scale * point[1] + place.y, 1);
    }
  });

  it.each(boxes)('at rest, on a $name box, fits the frame in the box as `contain` would fit it alone', ({ box }) => {
    const size = STATIC_MAP_SIZE;
    const [mx, my] = stillMargin(size);
    const drawing = stillDrawing(size);
    const fit = Math.min(box.width / size.width, box.height / size.height);
    const frame = { left: (box.width - fit * size.width) / 2, top: (box.height - fit * size.height) / 2 };
    const corners: [number, number][] = [
      [mx, my],
      [mx + size.width, my + size.height],
    ];
    const [a, b] = corners.map((c) => apply(STILL_AT_REST, contained(c, drawing, box), box));
    expect(a?.[0]).toBeCloseTo(frame.left, 6);
    expect(a?.[1]).toBeCloseTo(frame.top, 6);
    expect(b?.[0]).toBeCloseTo(box.width - frame.left, 6);
    expect(b?.[1]).toBeCloseTo(box.height - frame.top, 6);
  });
});

describe('a static map drawn with margins', () => {
  const basemap = JSON.parse(pacific.basemap) as FeatureCollection;
  const { story } = pacific;
  const size = STATIC_MAP_SIZE;
  const plain = renderStaticMap(story, basemap, 0, size);
  const wide = renderStaticMap(story, basemap, 0, size, 0, 0.5);
  const [mx, my] = stillMargin(size, 0.5);

  it('shows the frame alone when opened as it is, and all it draws through its view', () => {
    expect(wide).toContain(
      `viewBox="${mx} ${my} ${size.width} ${size.height}" width="${size.width}" height="${size.height}"`,
    );
    expect(wide).toContain(`<view id="${STILL_VIEW}" viewBox="0 0 ${size.width + 2 * mx} ${size.height + 2 * my}"/>`);
    expect(plain).not.toContain('<view');
  });

  it('has a view without the routes, for a step whose routes the reader has not yet grown', () => {
    const routed = story.steps.findIndex((step) => step.routes.length > 0);
    const svg = renderStaticMap(story, basemap, routed, size, 0, 0.5);
    expect(svg).toContain(
      `<view id="${STILL_VIEW_UNROUTED}" viewBox="0 0 ${size.width + 2 * mx} ${size.height + 2 * my}"/>`,
    );
    // The rule that hides them names that view, and the routes come after it (`~`).
    expect(svg).toContain(`<style>#${STILL_VIEW_UNROUTED}:target ~ .routes{display:none}`);
    const routes = /<g class="routes">(.*?)<\/g>/.exec(svg);
    expect(routes?.[1]).toMatch(/<path d="M/);
    expect(svg.indexOf(`<view id="${STILL_VIEW_UNROUTED}"`)).toBeLessThan(routes?.index ?? -1);
    expect(stillView(0)).toBe(STILL_VIEW_UNROUTED);
    expect(stillView(0.99)).toBe(STILL_VIEW_UNROUTED);
    expect(stillView(1)).toBe(STILL_VIEW);
  });

  it('draws the frame’s places where the plain map does, moved by the margin', () => {
    const markers = (svg: string) =>
      [...svg.matchAll(/<circle class="marker"[^>]* data-place="([^"]+)"[^>]* cx="([-\d.]+)" cy="([-\d.]+)"/g)].map(
        ([, place, cx, cy]) => ({ place, x: Number(cx), y: Number(cy) }),
      );
    const inFrame = markers(plain).filter((m) => m.x >= 0 && m.y >= 0 && m.x <= size.width && m.y <= size.height);
    expect(inFrame.length).toBeGreaterThan(0);
    for (const m of inFrame) {
      const moved = markers(wide).find((n) => n.place === m.place);
      expect(moved?.x).toBeCloseTo(m.x + mx, 0);
      expect(moved?.y).toBeCloseTo(m.y + my, 0);
    }
  });

  it('draws land in its margins that the frame alone leaves out', () => {
    const pathLength = (svg: string) =>
      [...svg.matchAll(/ d="([^"]*)"/g)].reduce((n, [, d]) => n + (d?.length ?? 0), 0);
    expect(pathLength(wide)).toBeGreaterThan(pathLength(plain));
  });
});

describe('the drawings’ media queries', () => {
  /** Reads the queries these are written in: lists of `(min|max-width|height: Npx)` and `(orientation)`. */
  function matches(media: string, width: number, height: number): boolean {
    return media.split(',').some((query) =>
      [...query.matchAll(/\(([a-z-]+):\s*([^)]+)\)/g)].every(([, feature, value = '']) => {
        const px = parseFloat(value);
        if (feature === 'min-width') return width >= px;
        if (feature === 'max-width') return width <= px;
        if (feature === 'min-height') return height >= px;
        if (feature === 'max-height') return height <= px;
        if (feature === 'orientation') return height >= width === (value.trim() === 'portrait');
        throw new Error(`a media feature this test does not read: ${feature}`);
      }),
    );
  }

  it('choose exactly one drawing for every screen, so one preload is fetched, the one the stage shows', () => {
    const media = [...STILL_SIZES.map((s) => s.media), STILL_DEFAULT_MEDIA];
    for (let width = 240; width <= 3840; width += 20)
      for (let height = 240; height <= 2400; height += 20)
        expect(
          media.filter((m) => matches(m, width, height)),
          `${width}×${height}`,
        ).toHaveLength(1);
    // The shapes each is for.
    const chosen = (w: number, h: number) => media.findIndex((m) => matches(m, w, h));
    expect(
      [
        [390, 844],
        [844, 390],
        [1920, 1080],
        [1440, 900],
        [768, 1024],
        [1024, 1366],
        [1280, 800],
        [1024, 768],
      ].map(([w = 0, h = 0]) => chosen(w, h)),
    ).toEqual([0, 1, 3, 4, 2, 2, 5, 5]);
  });
});
