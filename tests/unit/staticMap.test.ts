import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildStory } from '../../src/build/stories.ts';
import { renderAllSteps, renderStaticMap, stepProjection, tierAt } from '../../src/lib/geo/staticMap.ts';
import { escapeXml } from '../../src/lib/geo/staticLayers.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { COLORS } from '../../src/lib/map/style.ts';
import { MARKS } from '../../src/lib/style/palette.ts';
import { pathLines } from './svgPath.ts';

const built = buildStory(resolve('tests/fixtures/site/mss-haiti.yaml'));
const story = built.story;
const basemap = JSON.parse(built.basemap) as FeatureCollection;
const size = { width: 800, height: 600 };
const svgs = renderAllSteps(story, basemap, size);

interface Element {
  name: string;
  attrs: Record<string, string>;
}

/** Opening tags with their attributes; throws unless every tag is closed in order. */
function elements(svg: string): Element[] {
  const out: Element[] = [];
  const open: string[] = [];
  for (const [tag, closing, name = '', rest = '', self] of svg.matchAll(/<(\/?)([a-zA-Z]+)([^<>]*?)(\/?)>/g)) {
    if (closing) {
      if (open.pop() !== name) throw new Error(`unbalanced </${name}> in ${tag}`);
      continue;
    }
    const attrs: Record<string, string> = {};
    const left = rest.replace(/\s([a-zA-Z:-]+)="([^"<]*)"/g, (_, key: string, value: string) => {
      if (key in attrs) throw new Error(`duplicate attribute ${key} in ${tag}`);
      attrs[key] = value;
      return '';
    });
    if (left.trim()) throw new Error(`malformed attributes in ${tag}`);
    out.push({ name, attrs });
    if (!self) open.push(name);
  }
  if (open.length) throw new Error(`unclosed <${open.join('>, <')}>`);
  return out;
}

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? "'");
const titleOf = (svg: string) => unescape(/<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? '');
const markers = (svg: string) => elements(svg).filter((e) => e.attrs['data-event'] !== undefined);
const stepIndex = (id: string) => story.steps.findIndex((s) => s.id === id);
const svgOf = (id: string) => svgs[stepIndex(id)] ?? '';
const located = story.events.filter((e) => e.place !== undefined).map((e) => e.id);

describe('tierAt', () => {
  it.each([
    { zoom: 0, expected: 0 },
    { zoom: 2.99, expected: 0 },
    { zoom: 3, expected: 1 },
    { zoom: 5.49, expected: 1 },
    { zoom: 5.5, expected: 2 },
    { zoom: 9, expected: 2 },
  ])('draws tier $expected at zoom $zoom', ({ zoom, expected }) => {
    expect(tierAt(zoom)).toBe(expected);
  });
});

describe('escapeXml', () => {
  it.each([
    { input: 'Port-au-Prince', expected: 'Port-au-Prince' },
    { input: '<script>', expected: '&lt;script&gt;' },
    { input: `"a" & 'b'`, expected: '&quot;a&quot; &amp; &#39;b&#39;' },
  ])('escapes $input', ({ input, expected }) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

/**
 * The padded frames of camera.ts's framePadding at two sizes; a static map has no card over it,
 * so both are framed as on a wide screen.
 */
const frames = [
  { size, frame: { left: 64, top: 64, right: 736, bottom: 536 } },
  { size: { width: 1200, height: 630 }, frame: { left: 66, top: 66, right: 1134, bottom: 564 } },
];

describe('stepProjection', () => {
  it.each(frames)(
    'puts a centred camera in the middle of the frame at $size.width x $size.height',
    ({ size, frame }) => {
      const { point: projection, zoom } = stepProjection(story, stepIndex('gangs'), size);
      expect(zoom).toBe(8.5);
      const [x, y] = projection([-72.3388, 18.5392]) ?? [NaN, NaN];
      expect(x).toBeCloseTo((frame.left + frame.right) / 2, 6);
      expect(y).toBeCloseTo((frame.top + frame.bottom) / 2, 6);
    },
  );

  it('matches MapLibre scale: 512 px for the whole world at zoom 0', () => {
    const { point: projection, zoom } = stepProjection(story, stepIndex('gangs'), size);
    const [x0] = projection([-72, 18.5]) ?? [NaN];
    const [x1] = projection([-71, 18.5]) ?? [NaN];
    expect(x1 - x0).toBeCloseTo((512 * 2 ** zoom) / 360, 6);
  });

  const fits = story.steps.filter((s) => s.camera.kind === 'fit').map((s) => s.id);
  it.each(frames.flatMap((f) => fits.map((id) => ({ id, ...f }))))(
    'fits the box of step $id inside the padded frame at $size.width x $size.height',
    ({ id, size, frame }) => {
      const step = story.steps[stepIndex(id)];
      if (step?.camera.kind !== 'fit') throw new Error('not a fit camera');
      const [west, south, east, north] = step.camera.bbox;
      const { point: projection, zoom } = stepProjection(story, stepIndex(id), size);
      const [x0, y0] = projection([west, north]) ?? [NaN, NaN];
      const [x1, y1] = projection([east, south]) ?? [NaN, NaN];
      const gaps = [x0 - frame.left, y0 - frame.top, frame.right - x1, frame.bottom - y1];
      expect(Math.min(...gaps)).toBeGreaterThan(-0.5);
      // Fitted: the box touches the frame on some side, unless maxZoom held the camera back.
      if (zoom < step.camera.maxZoom) expect(Math.min(...gaps)).toBeLessThan(0.5);
    },
  );
});

describe('renderStaticMap on the Haiti story', () => {
  it.each(story.steps.map((s, i) => ({ id: s.id, i })))(
    'renders step $id as a well-formed, standalone SVG',
    ({ i }) => {
      const svg = svgs[i] ?? '';
      const all = elements(svg);
      const root = { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 800 600', width: '800', height: '600' };
      expect(all[0]).toMatchObject({ name: 'svg', attrs: { ...root, role: 'img' } });
      const title = all.find((e) => e.name === 'title');
      expect(title?.attrs.id).toBe(all[0]?.attrs['aria-labelledby']);
      expect(titleOf(svg)).toMatch(/^Map for ".+": .+/);
      // resvg parses with a strict XML parser: it throws on anything malformed.
      expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
      const outside = ['script', 'image', 'a', 'foreignObject', 'style'];
      expect(all.map((e) => e.name).filter((n) => outside.includes(n))).toEqual([]);
      expect(all.flatMap((e) => Object.keys(e.attrs)).filter((k) => /^on|href$/i.test(k))).toEqual([]);
      expect(svg.length).toBeLessThan(150_000);
    },
  );

  it.each(story.steps.map((s, i) => ({ id: s.id, i })))(
    'draws one marker per place and marks the places of step $id active',
    ({ id, i }) => {
      const found = markers(svgs[i] ?? '');
      const places = [...new Set(story.events.flatMap((e) => (e.place ? [e.place.id] : [])))];
      expect(found.map((m) => m.attrs['data-place']).sort()).toEqual(places.sort());
      expect(found.flatMap((m) => (m.attrs['data-events'] ?? '').split(' ')).sort()).toEqual([...located].sort());
      const step = story.steps[i]?.events ?? [];
      const active = found.filter((m) => m.attrs['data-active'] === 'true');
      const shown = active.flatMap((m) => (m.attrs['data-events'] ?? '').split(' ').filter((e) => step.includes(e)));
      expect(shown.sort()).toEqual(step.filter((e) => located.includes(e)).sort());
      // A shared marker is named after the step's own event there.
      for (const m of active) expect(step).toContain(m.attrs['data-event']);
      expect(active.length, `step ${id} shows at least one place`).toBeGreaterThan(0);
    },
  );

  it.each([
    { id: 'mission', place: 'haiti', label: 'Haiti' },
    { id: 'evacuation', place: 'haiti', label: 'Dominican Republic' },
    { id: 'injuries', place: 'port-au-prince', label: 'Port-au-Prince' },
  ])('badges the count at $place and labels the active place in step $id', ({ id, place, label }) => {
    const all = elements(svgOf(id));
    const at = all.findIndex((e) => e.attrs['data-place'] === place);
    const count = story.events.filter((e) => e.place?.id === place).length;
    expect(count).toBeGreaterThan(1);
    expect(all[at + 1]?.attrs['data-count']).toBe(String(count));
    expect(svgOf(id)).toContain(`>${label}</text>`);
  });

  it('draws each dot and count badge the size and at the place the live button does (app.css)', () => {
    let badges = 0;
    for (const svg of svgs) {
      const all = elements(svg);
      all.forEach((e, i) => {
        if (e.attrs['data-place'] === undefined) return;
        const lit = e.attrs['data-active'] === 'true';
        const [r, width] = [Number(e.attrs.r), Number(e.attrs['stroke-width'])];
        // A CSS border lies inside the box: a country's dashes end at the dot's edge. A city dot's
        // one paper stroke is its border and the ring outside it, so it is centred on the edge.
        const edge = e.attrs['stroke-dasharray'] !== undefined ? r + width / 2 : lit ? r : r + width / 2;
        expect(edge, `${e.attrs['data-place']}'s dot`).toBe(
          (lit ? MARKS.activeMarkerDiameter : MARKS.markerDiameter) / 2,
        );
        if (all[i + 1]?.attrs['data-count'] === undefined) return;
        const badge = all[i + 2]?.attrs ?? {};
        // 14 px across, 4 px beyond the corner of the marker's target: its centre 3 px inside it.
        const corner = (lit ? MARKS.activeMarkerTarget : MARKS.markerTarget) / 2 - 3;
        expect(Number(badge.cx) - Number(e.attrs.cx)).toBeCloseTo(corner, 1);
        expect(Number(e.attrs.cy) - Number(badge.cy)).toBeCloseTo(corner, 1);
        badges++;
      });
    }
    expect(badges).toBeGreaterThan(10);
  });

  it('names the active places in the title', () => {
    expect(titleOf(svgOf('evacuation'))).toBe('Map for "Evacuated across the border": Dominican Republic');
  });

  it('centres Port-au-Prince in the gangs step', () => {
    const marker = markers(svgOf('gangs')).find((m) => m.attrs['data-place'] === 'port-au-prince');
    const [x, y] = [Number(marker?.attrs.cx), Number(marker?.attrs.cy)];
    expect(marker?.attrs['data-active']).toBe('true');
    // The middle of the padded frame, where Port-au-Prince's one marker sits.
    expect(Math.hypot(x - 400, y - 300)).toBeLessThan(30);
  });

  it.each([
    { id: 'evacuation', countries: ['214'] },
    { id: 'deployment', countries: ['332'] },
    { id: 'gangs', countries: [] },
    { id: 'delegation', countries: [] },
  ])('highlights $countries in step $id', ({ id, countries }) => {
    const outlines = elements(svgOf(id)).filter((e) => e.attrs['data-countries'] !== undefined);
    expect(outlines.map((e) => e.attrs['data-countries'])).toEqual(countries.length ? [countries.join(' ')] : []);
    for (const outline of outlines)
      expect(Math.max(...pathLines(outline.attrs.d ?? '').map((ring) => ring.length))).toBeGreaterThanOrEqual(4);
  });

  it.each(story.steps.map((s, i) => ({ id: s.id, i })))('draws exactly the routes step $id lists', ({ i }) => {
    const step = story.steps[i];
    const drawn = elements(svgs[i] ?? '').filter((e) => e.attrs['data-route'] !== undefined);
    expect(drawn.map((e) => e.attrs['data-route'])).toEqual(step?.routes);
    for (const route of drawn) {
      expect(pathLines(route.attrs.d ?? '')[0]?.length).toBeGreaterThanOrEqual(2);
      const planned = story.routes.find((r) => r.id === route.attrs['data-route'])?.planned;
      expect(route.attrs['stroke-dasharray'] !== undefined).toBe(planned);
    }
  });

  it('renders one SVG per step, with routes in some and not in others', () => {
    expect(svgs).toHaveLength(story.steps.length);
    expect(svgs.filter((svg) => svg.includes('data-route=')).length).toBeGreaterThan(0);
    expect(svgs.filter((svg) => !svg.includes('data-route=')).length).toBeGreaterThan(0);
  });

  it.each([
    { id: 'intro', tier: 0 },
    { id: 'mission', tier: 2 },
    { id: 'gangs', tier: 2 },
  ])('draws step $id from tier $tier of the basemap only', ({ id, tier }) => {
    const only = (keep: boolean) => ({
      ...basemap,
      features: basemap.features.filter((f) => (f.properties?.detail === tier) === keep),
    });
    const full = svgOf(id);
    expect(renderStaticMap(story, only(true), stepIndex(id), size)).toBe(full);
    expect(renderStaticMap(story, only(false), stepIndex(id), size)).not.toContain(`fill="${COLORS.land}"`);
    expect(full).toContain(`fill="${COLORS.land}"`);
  });
});

describe('hostile text', () => {
  const attack = '<script>alert(1)</script>';
  const onload = '"onload="alert(1)';
  const hostile: Story = structuredClone(story);
  hostile.title = attack;
  const first = hostile.steps[0];
  if (first) first.title = `${attack}${onload}`;
  for (const place of hostile.places) place.name = `${attack}${onload}`;
  for (const event of hostile.events) event.id = `${event.id}${onload}`;
  for (const step of hostile.steps) step.events = step.events.map((id) => `${id}${onload}`);
  const svg = renderStaticMap(hostile, basemap, 0, size);

  it('escapes titles, names and ids', () => {
    expect(svg).not.toContain('<script');
    // Escaped, "onload=" can only follow `&quot;`, never start an attribute.
    expect(svg).not.toMatch(/[\s"']onload=/);
    const all = elements(svg);
    expect(all.flatMap((e) => Object.keys(e.attrs)).filter((k) => /^on/i.test(k))).toEqual([]);
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
  });

  it('keeps the text as written', () => {
    expect(titleOf(svg)).toBe(`Map for "${attack}${onload}": ${attack}${onload}`);
    const haiti = hostile.events.filter((e) => e.place?.id === 'haiti').map((e) => e.id);
    expect(markers(svg).map((m) => unescape(m.attrs['data-events'] ?? ''))).toContain(haiti.join(' '));
    // A marker's label, where it has room (Washington's, alone in its step).
    const label = renderStaticMap(hostile, basemap, stepIndex('delegation'), size);
    expect(label).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;alert(1)</text>');
  });
});
