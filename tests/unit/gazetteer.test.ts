import { describe, expect, it } from 'vitest';
import {
  chooseTowns,
  coincides,
  drawable,
  populationZoom,
  sameName,
  spacingZoom,
  TOWN_MAX_ZOOM,
  type Town,
  type View,
} from '../../src/lib/geo/gazetteer.ts';
import { splitBasemap, fineUrl } from '../../src/lib/geo/basemap.ts';
import type { LngLat } from '../../src/lib/story/model.ts';

/** A made-up coast: a capital, its suburb, two towns inland, one far away. */
const town = (name: string, population: number, coordinates: LngLat): Town => ({ name, population, coordinates });
const TOWNS: Town[] = [
  town('Capital', 1_200_000, [10, 10]),
  town('Suburb', 300_000, [10.06, 10.02]),
  town('Riverside', 80_000, [10.4, 10.2]),
  town('Hilltop', 5_000, [10.1, 9.8]),
  town('Faraway', 2_000_000, [40, 40]),
  town('Москва', 900_000, [10.5, 10.5]),
];
const CAPITAL = { name: 'Capital', precision: 'city' as const, coordinates: [10.001, 10.001] as LngLat };
const close: View = { box: [9, 9, 11, 11], zoom: 10 };
const names = (views: View[], places = [CAPITAL]) =>
  chooseTowns({ towns: TOWNS, views, places }).map((f) => [f.properties.name, f.properties.minzoom]);

describe('sameName', () => {
  it.each([
    { a: 'Port-au-Prince', b: 'Port au Prince', same: true },
    { a: 'Léogâne', b: 'leogane', same: true },
    { a: 'Saint-Marc', b: 'Saint-Marc-la-Lande', same: false },
  ])('$a / $b → $same', ({ a, b, same }) => expect(sameName(a, b)).toBe(same));
});

describe('coincides', () => {
  it.each([
    { name: 'the same name nearby', t: town('capital', 1, [10.1, 10.1]), places: [CAPITAL], expected: true },
    { name: 'any name within a few km', t: town('Other', 1, [10.01, 10.01]), places: [CAPITAL], expected: true },
    { name: 'the same name far away', t: town('Capital', 1, [20, 20]), places: [CAPITAL], expected: false },
    {
      name: 'near a country anchor only',
      t: town('Other', 1, [10.01, 10.01]),
      places: [{ ...CAPITAL, name: 'Land', precision: 'country' as const }],
      expected: false,
    },
  ])('$name → $expected', ({ t, places, expected }) => expect(coincides(t, places)).toBe(expected));
});

describe('zooms', () => {
  it('names bigger towns sooner', () => {
    expect(populationZoom(1e6)).toBe(4);
    expect(populationZoom(250_000)).toBe(5.5);
    expect(populationZoom(1000)).toBeGreaterThan(populationZoom(10_000));
  });
  it('waits for close towns to stand apart', () => {
    expect(spacingZoom(5, 0)).toBeGreaterThan(spacingZoom(50, 0));
    // 48 px apart at the zoom it gives: 512 * 2^z pixels for the world's 40,030 km at the equator.
    const z = spacingZoom(10, 0);
    expect((512 * 2 ** z * 10) / (2 * Math.PI * 6371)).toBeCloseTo(48, 5);
  });
  it('draws Latin names only, as the bundled font does', () => {
    expect(drawable('Jérémie')).toBe(true);
    expect(drawable('Xi’an')).toBe(true);
    expect(drawable('Москва')).toBe(false);
  });
});

describe('chooseTowns', () => {
  it('names the towns a close view shows, biggest first, not the story place nor far ones', () => {
    const chosen = names([close]);
    expect(chosen.map(([n]) => n)).toEqual(['Suburb', 'Riverside', 'Hilltop']);
  });

  it('keeps a suburb back until it stands clear of its city', () => {
    const suburb = names([close]).find(([n]) => n === 'Suburb');
    expect(suburb?.[1]).toBeGreaterThan(populationZoom(300_000));
  });

  it('names only what a view shows at a zoom that names it', () => {
    // A regional view: only towns whose size earns them zoom 5.
    expect(names([{ box: [9, 9, 11, 11], zoom: 5 }])).toEqual([]);
    expect(names([{ box: [9, 9, 11, 11], zoom: 8 }]).map(([n]) => n)).toEqual(['Riverside']);
    expect(names([])).toEqual([]);
  });

  it('never asks for a zoom beyond TOWN_MAX_ZOOM, and keeps to the limit', () => {
    const all = chooseTowns({ towns: TOWNS, views: [{ box: [-180, -85, 180, 85], zoom: 20 }], places: [] });
    expect(all.every((f) => f.properties.minzoom <= TOWN_MAX_ZOOM)).toBe(true);
    expect(chooseTowns({ towns: TOWNS, views: [close], places: [], limit: 1 })).toHaveLength(1);
  });

  it('writes a longitude the way its view does across the antimeridian', () => {
    const fiji = [town('Labasa', 28_000, [179.4, -16.4]), town('Taveuni', 9_000, [-179.9, -16.8])];
    const view: View = { box: [178, -18, 182, -15], zoom: 10 };
    const lngs = chooseTowns({ towns: fiji, views: [view], places: [] }).map((f) => f.geometry.coordinates[0]);
    expect(lngs).toEqual([179.4, 180.1]);
  });
});

describe('splitBasemap', () => {
  it('loads the fine tier and the small towns apart from the rest', () => {
    const f = (properties: Record<string, unknown>) => ({
      type: 'Feature' as const,
      properties,
      geometry: { type: 'Point' as const, coordinates: [0, 0] },
    });
    const { start, fine } = splitBasemap({
      type: 'FeatureCollection',
      features: [
        f({ kind: 'land', detail: 0 }),
        f({ kind: 'land', detail: 1 }),
        f({ kind: 'land', detail: 2 }),
        f({ kind: 'border', detail: 2 }),
        f({ kind: 'town', minzoom: 5 }),
        f({ kind: 'town', minzoom: 8 }),
      ],
    });
    expect(start.features.map((x) => x.properties)).toEqual([
      { kind: 'land', detail: 0 },
      { kind: 'land', detail: 1 },
      { kind: 'town', minzoom: 5 },
    ]);
    expect(fine.features).toHaveLength(3);
    expect(fineUrl('./assets/basemap-x-0123456789.json')).toBe('./assets/basemap-x-0123456789.fine.json');
  });
});
