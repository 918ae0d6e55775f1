/**
 * The dev camera helper's pure parts (src/lib/map/dev/): the camera as a step's YAML, the places
 * in view for a `fit` (across 180° too), and the free areas of a phone and a desktop reader,
 * worked out by the same `stepFrame` the live map frames its steps with.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { centerYaml, fitYaml, inBounds, placesInBounds, roundCamera } from '../../src/lib/map/dev/cameraYaml.ts';
import { READERS, outlineOnMap, readerFrame, stepSubject, viewCamera } from '../../src/lib/map/dev/readerFrames.ts';
import { stepFrame } from '../../src/lib/geo/stepFrame.ts';
import { framePadding, freeArea, type Rect } from '../../src/lib/geo/freeArea.ts';
import { cameraSchema } from '../../src/lib/story/schema.ts';
import type { BBox, Camera, LngLat, Place, Story } from '../../src/lib/story/model.ts';

const camera = (center: LngLat, zoom: number, bearing = 0, pitch = 0) => ({ center, zoom, bearing, pitch });

describe('centerYaml', () => {
  it.each([
    {
      name: 'plain',
      input: camera([-72.3388, 18.5392], 8),
      expected: 'camera: { center: [-72.3388, 18.5392], zoom: 8 }',
    },
    {
      name: '4 decimals for the centre, 2 for the zoom',
      input: camera([-72.338849999, 18.539249], 8.123456),
      expected: 'camera: { center: [-72.3388, 18.5392], zoom: 8.12 }',
    },
    {
      name: 'whole degrees of bearing and pitch',
      input: camera([2.35, 48.85], 11.5, -15.4, 29.6),
      expected: 'camera: { center: [2.35, 48.85], zoom: 11.5, bearing: -15, pitch: 30 }',
    },
    {
      name: 'bearing and pitch left out when they round to 0 (no "-0")',
      input: camera([-0.00001, 0.00002], 3, -0.4, 0.3),
      expected: 'camera: { center: [0, 0], zoom: 3 }',
    },
    {
      name: 'a centre past 180° wrapped back, a latitude past 85° and a zoom below 0 kept in range',
      input: camera([190.5, 85.0511], -1.3),
      expected: 'camera: { center: [-169.5, 85], zoom: 0 }',
    },
    {
      name: 'bearing -180 written as 180, pitch over 60 kept at 60',
      input: camera([10, 10], 5, -180, 75),
      expected: 'camera: { center: [10, 10], zoom: 5, bearing: 180, pitch: 60 }',
    },
  ])('$name', ({ input, expected }) => {
    expect(centerYaml(input)).toBe(expected);
  });

  it('writes what the story schema accepts, with the rounded numbers', () => {
    const text = centerYaml(camera([178.44329, -18.1416], 9.876, 33.3, 45.5));
    const parsed = cameraSchema.parse((parse(text) as { camera: unknown }).camera);
    expect(parsed).toEqual({ center: [178.4433, -18.1416], zoom: 9.88, bearing: 33, pitch: 46 });
    expect(roundCamera(camera([178.44329, -18.1416], 9.876, 33.3, 45.5)).center).toEqual([178.4433, -18.1416]);
  });
});

const place = (id: string, coordinates: LngLat): Place => ({
  id,
  name: id,
  precision: 'city',
  coordinates,
  bbox: [coordinates[0], coordinates[1], coordinates[0], coordinates[1]],
});
const PACIFIC = [
  place('suva', [178.4419, -18.1416]),
  place('nukualofa', [-175.2018, -21.1394]),
  place('apia', [-171.7513, -13.8333]),
  place('honolulu', [-157.8583, 21.3069]),
  place('port-au-prince', [-72.3388, 18.5392]),
];

describe('the places in view, for a fit', () => {
  it.each([
    { name: 'an ordinary box', bounds: [-80, 10, -60, 25] as BBox, expected: ['port-au-prince'] },
    {
      name: 'across 180°, east past 180 (as MapLibre gives it)',
      bounds: [170, -25, 190, -10] as BBox,
      expected: ['suva', 'nukualofa', 'apia'],
    },
    { name: 'across 180°, west below -180', bounds: [-185, -25, -174, -10] as BBox, expected: ['suva', 'nukualofa'] },
    {
      name: 'across 180°, written with east < west',
      bounds: [175, -25, -170, -10] as BBox,
      expected: ['suva', 'nukualofa', 'apia'],
    },
    { name: 'a map wider than the world', bounds: [-400, -85, 400, 85] as BBox, expected: PACIFIC.map((p) => p.id) },
    { name: 'a copy of the world to the east', bounds: [280, 10, 300, 25] as BBox, expected: ['port-au-prince'] },
    { name: 'nothing', bounds: [0, 0, 10, 10] as BBox, expected: [] },
  ])('$name', ({ bounds, expected }) => {
    expect(placesInBounds(PACIFIC, bounds)).toEqual(expected);
  });

  it('is not fooled by latitude', () => {
    expect(inBounds([178.4419, -18.1416], [170, -10, 190, 0])).toBe(false);
  });

  it.each([
    { name: 'ids in order', ids: ['suva', 'nukualofa'], zoom: 5, expected: 'camera: { fit: [suva, nukualofa] }' },
    {
      name: "closer than the fit's default maxZoom: that zoom as maxZoom",
      ids: ['suva'],
      zoom: 11.256,
      expected: 'camera: { fit: [suva], maxZoom: 11.26 }',
    },
    {
      name: 'an id YAML would read as a number or a boolean, quoted',
      ids: ['2025', 'no'],
      zoom: 3,
      expected: "camera: { fit: ['2025', 'no'] }",
    },
    { name: 'no place in view', ids: [], zoom: 3, expected: undefined },
  ])('fitYaml: $name', ({ ids, zoom, expected }) => {
    expect(fitYaml(ids, zoom)).toBe(expected);
    if (expected) expect(cameraSchema.safeParse((parse(expected) as { camera: unknown }).camera).success).toBe(true);
  });
});

describe("the readers' free areas", () => {
  const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
  const view: Camera = { kind: 'view', center: [-72.3388, 18.5392], zoom: 8, bearing: 0, pitch: 0 };
  const world: Camera = { kind: 'view', center: [0, 0], zoom: 2, bearing: 0, pitch: 0 };

  it('are a phone upright and a desktop', () => {
    expect(READERS.map((r) => [r.name, r.width, r.height])).toEqual([
      ['phone', 390, 844],
      ['desktop', 1440, 900],
    ]);
  });

  it.each([
    {
      name: 'phone: timeline on top, folded key under it, card at the foot',
      map: { width: 390, height: 844 },
      covers: { always: [rect(0, 0, 390, 96), rect(8, 104, 90, 130), rect(12, 560, 378, 844)], close: [] },
      free: rect(0, 130, 390, 560),
    },
    {
      name: 'desktop: timeline on top, key bottom left, nothing else',
      map: { width: 864, height: 900 },
      covers: { always: [rect(0, 0, 864, 80), rect(8, 760, 300, 892)], close: [] },
      free: rect(0, 80, 864, 760),
    },
  ])('$name', ({ map, covers, free }) => {
    const frame = readerFrame(view, map, covers);
    expect(frame.free).toEqual(free);
    expect(frame.free).toEqual(freeArea(map, covers.always));
    expect(frame.padding).toEqual(framePadding(map, covers.always));
    expect(frame.map).toEqual(map);
  });

  it('keep clear of the locator on close-ups only, as the live map does', () => {
    const map = { width: 864, height: 900 };
    const covers = { always: [rect(0, 0, 864, 80)], close: [rect(744, 88, 856, 200)] };
    expect(readerFrame(view, map, covers).free).toEqual(rect(0, 80, 744, 900));
    expect(readerFrame(world, map, covers).free).toEqual(rect(0, 80, 864, 900));
    expect(stepFrame(view, map, covers).padding).toEqual(readerFrame(view, map, covers).padding);
  });

  it("zoom a phone out to keep the step's places, as the page does", () => {
    const subject: LngLat[] = [
      [-72.3388, 18.5392],
      [-70.1627, 18.7357],
    ];
    const camera = viewCamera({ center: [-72.3388, 18.5392], zoom: 9, bearing: 0, pitch: 0 }, subject);
    const phone = readerFrame(camera, { width: 390, height: 844 }, { always: [], close: [] });
    const desktop = readerFrame(camera, { width: 1440, height: 900 }, { always: [], close: [] });
    expect(phone.target.zoom).toBeLessThan(desktop.target.zoom);
    expect(desktop.target.zoom).toBeLessThanOrEqual(9);
  });

  it("are drawn on the author's map around where the reader's centre is, scaled by the zoom", () => {
    const covers = { always: [rect(0, 0, 390, 100), rect(0, 600, 390, 844)], close: [] };
    const frame = readerFrame(view, { width: 390, height: 844 }, covers);
    const { padding: p, free } = frame;
    const cx = p.left + (390 - p.left - p.right) / 2;
    const cy = p.top + (844 - p.top - p.bottom) / 2;
    // Same zoom: the free area's own size, moved so the reader's centre lands on the author's.
    const same = outlineOnMap(frame, 8, [500, 400]);
    expect(same).toEqual({
      left: 500 + free.left - cx,
      right: 500 + free.right - cx,
      top: 400 + free.top - cy,
      bottom: 400 + free.bottom - cy,
    });
    expect(same.right - same.left).toBe(390);
    // The author one zoom level closer: the reader's area is twice as large on their map.
    const closer = outlineOnMap(frame, 9, [500, 400]);
    expect(closer.right - closer.left).toBe(780);
    expect(closer.bottom - closer.top).toBe(2 * (free.bottom - free.top));
  });

  it("take the step's marked places and route ends as its subject", () => {
    const [a, b, c] = PACIFIC;
    const story = {
      events: [{ id: 'e1', place: a }, { id: 'e2' }],
      routes: [{ id: 'r1', from: b, to: c }],
    } as unknown as Story;
    const step = { id: 's', events: ['e1', 'e2'], routes: ['r1'] } as unknown as Story['steps'][number];
    expect(stepSubject(story, step)).toEqual([a?.coordinates, b?.coordinates, c?.coordinates]);
  });
});
