/**
 * The towns' names on the live map's stand-in (staticTowns.ts): the stand-in names the
 * neighbouring towns the live map will name when it replaces it, under the same rules, and the
 * drawing shown on its own (print, no script) names none.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { renderStaticMap, stepProjection } from '../../src/lib/geo/staticMap.ts';
import { OVERSCAN, stillMargin } from '../../src/lib/geo/stillPlacement.ts';
import { STATIC_MAP_SIZE } from '../../src/lib/geo/staticSize.ts';
import { townLines, townSize } from '../../src/lib/geo/staticTowns.ts';
import { TOWN_MIN_ZOOM } from '../../src/lib/geo/gazetteer.ts';

const haiti = buildStory(resolve('tests/fixtures/site/mss-haiti.yaml'));
const pacific = buildStory(resolve('tests/fixtures/site/pacific-relief.yaml'));

interface Name {
  text: string;
  lines: string[];
  x: number;
  y: number;
}

/** The towns' group of an SVG, and the names in it. */
function towns(svg: string): { group: string; names: Name[] } {
  const group = /<g class="towns"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? '';
  // A name's lines are `<tspan>`s: read back as the name, a space between lines.
  const names = [...group.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>(.*?)<\/text>/g)].map(
    ([, x = '0', y = '0', inner = '']) => ({
      text: [...inner.matchAll(/>([^<]+)</g)].map((m) => m[1]).join(' '),
      lines: [...inner.matchAll(/>([^<]+)</g)].map((m) => m[1] ?? ''),
      x: Number(x),
      y: Number(y),
    }),
  );
  return { group, names };
}

function drawing(built: typeof haiti, i: number, overscan = OVERSCAN) {
  const basemap = JSON.parse(built.basemap) as FeatureCollection;
  return renderStaticMap(built.story, basemap, i, STATIC_MAP_SIZE, 0, overscan);
}

/** Every town the build chose for the story, by name: its population and the zoom it comes at. */
function chosen(built: typeof haiti): Map<string, { population: number; minzoom: number }> {
  const basemap = JSON.parse(built.basemap) as FeatureCollection;
  return new Map(
    basemap.features
      .filter((f) => f.properties?.kind === 'town')
      .map((f) => [
        String(f.properties?.name),
        { population: f.properties?.population, minzoom: f.properties?.minzoom },
      ]),
  );
}

describe('the towns on a static map', () => {
  const steps = haiti.story.steps.map((step, i) => ({ id: step.id, i }));

  it('are named on the stand-in of a close-up, in a group its views show and the drawing alone hides', () => {
    const named = steps.filter(({ i }) => towns(drawing(haiti, i)).names.length > 0);
    // The Haiti story comes close to Port-au-Prince: some steps name the towns around it.
    expect(named.length).toBeGreaterThan(0);
    for (const { i } of named) {
      const svg = drawing(haiti, i);
      expect(svg).toContain('.towns{display:none}:target ~ .towns{display:inline}');
      // After the views, so `:target ~` reaches it; before the routes and markers, so under them.
      const at = svg.indexOf('<g class="towns"');
      expect(at).toBeGreaterThan(svg.lastIndexOf('<view '));
      expect(at).toBeLessThan(svg.indexOf('<circle class="marker"'));
    }
  });

  it('are never drawn on a drawing without margins (print, the preview)', () => {
    for (const { i } of steps) expect(towns(drawing(haiti, i, 0)).group).toBe('');
  });

  it('come only at their zoom, never on a world view, never off the drawing, never on each other', () => {
    for (const built of [haiti, pacific]) {
      const known = chosen(built);
      built.story.steps.forEach((_, i) => {
        const size = STATIC_MAP_SIZE;
        const margin = stillMargin(size, OVERSCAN);
        const { zoom } = stepProjection(built.story, i, size, 0, margin);
        const { names } = towns(drawing(built, i));
        if (zoom < TOWN_MIN_ZOOM) expect(names).toEqual([]);
        const [width, height] = [size.width + 2 * margin[0], size.height + 2 * margin[1]];
        const px = townSize(zoom);
        for (const n of names) {
          const town = known.get(n.text);
          expect(town, n.text).toBeDefined();
          expect(town?.minzoom ?? Infinity, n.text).toBeLessThanOrEqual(zoom);
          expect(n.x > 0 && n.x < width && n.y > 0 && n.y < height, `${n.text} on the drawing`).toBe(true);
        }
        // Two names never overlap: their boxes (longest line by lines, at about half an em a
        // character) are apart across or down.
        const half = (n: Name) => [
          (Math.max(...n.lines.map((l) => l.length)) * px) / 4,
          (n.lines.length * px * 1.2) / 2,
        ];
        for (const [k, a] of names.entries())
          for (const b of names.slice(k + 1)) {
            const [aw = 0, ah = 0] = half(a);
            const [bw = 0, bh = 0] = half(b);
            expect(Math.abs(a.y - b.y) >= ah + bh || Math.abs(a.x - b.x) >= aw + bw, `${a.text} and ${b.text}`).toBe(
              true,
            );
          }
      });
    }
  });

  it('keep clear of a story place and its name', () => {
    for (const { i } of steps) {
      const svg = drawing(haiti, i);
      const places = [...svg.matchAll(/<circle class="marker"[^>]* cx="([\d.-]+)" cy="([\d.-]+)"/g)].map(([, x, y]) => [
        Number(x),
        Number(y),
      ]);
      for (const n of towns(svg).names)
        for (const [x = 0, y = 0] of places)
          expect(Math.abs(n.y - y) > 12 || Math.abs(n.x - x) > 24, `${n.text} beside a place`).toBe(true);
    }
  });
});

describe('a long town name', () => {
  it('goes onto lines of about equal width, at spaces, as MapLibre breaks a label over 8 ems', () => {
    expect(townLines('Jacmel')).toEqual(['Jacmel']);
    expect(townLines('Port-de-Paix')).toEqual(['Port-de-Paix']);
    expect(townLines('San Juan de la Maguana')).toEqual(['San Juan de', 'la Maguana']);
    expect(townLines('Santa Cruz de Barahona')).toEqual(['Santa Cruz', 'de Barahona']);
    // One word too long for a line stays whole: there is nowhere to break it.
    expect(townLines('Petionvillewithoutspaces')).toEqual(['Petionvillewithoutspaces']);
  });
});
