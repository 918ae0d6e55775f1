/**
 * Country places over every ISO code in the bundled Natural Earth data: each resolves to its own
 * country, is anchored on land inside it, and frames all of it (the short way round).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import { geoArea, geoContains } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { countryInfo, FRAME_SHARE, type CountriesTopology } from '../../src/lib/geo/basemap.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';

const require = createRequire(import.meta.url);
const fine = require('world-atlas/countries-10m.json') as CountriesTopology;
const info = countryInfo(fine);

type Country = Feature<Polygon | MultiPolygon, { name: string }>;
const shapes = (t: CountriesTopology) =>
  (feature(t, t.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features.filter(
    (f): f is Country => f.geometry !== null && f.id !== undefined,
  );
/** Of the shapes with one id, the largest: the country the code means. */
const main = (t: CountriesTopology) => {
  const out = new Map<string, Country>();
  for (const f of shapes(t)) {
    const other = out.get(String(f.id));
    if (!other || geoArea(f) > geoArea(other)) out.set(String(f.id), f);
  }
  return out;
};
const fineById = main(fine);
const codes = [...fineById.keys()].sort();

describe('country places', () => {
  it('knows every ISO code of the basemap', () => {
    expect(codes.length).toBeGreaterThan(230);
    expect([...info.keys()].sort()).toEqual(codes);
  });

  it.each([
    { iso: '036', name: 'Australia' },
    { iso: '643', name: 'Russia' },
    { iso: '840', name: 'United States of America' },
    { iso: '242', name: 'Fiji' },
    { iso: '554', name: 'New Zealand' },
    { iso: '296', name: 'Kiribati' },
    { iso: '332', name: 'Haiti' },
  ])('resolves $iso to $name', ({ iso, name }) => {
    expect(info.get(iso)?.name).toBe(name);
  });

  it.each(codes)('anchors %s on land inside its own country', (iso) => {
    const anchor = info.get(iso)?.anchor ?? [NaN, NaN];
    const country = fineById.get(iso) as Country;
    // The data squashes the Vatican to a line with no area: there, on the line is all there is.
    if (geoArea(country) < 1e-12) expect(containsPoint(info.get(iso)?.bbox ?? [0, 0, 0, 0], anchor)).toBe(true);
    else expect(geoContains(country, anchor), 'inside the 1:10m shape').toBe(true);
  });

  it.each(codes)('frames every sizeable part of %s', (iso) => {
    const country = fineById.get(iso) as Country;
    const box = info.get(iso)?.bbox ?? [0, 0, 0, 0];
    const polygons =
      country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    const total = polygons.reduce((sum, p) => sum + geoArea({ type: 'Polygon', coordinates: p }), 0);
    for (const p of polygons) {
      if (geoArea({ type: 'Polygon', coordinates: p }) < total * FRAME_SHARE) continue;
      for (const [lng = 0, lat = 0] of p[0] ?? []) expect(containsPoint(box, [lng, lat])).toBe(true);
    }
    // The short way round: no country is framed wider than half the globe, but the one around a pole.
    if (iso !== '010') expect(box[2] - box[0]).toBeLessThan(180);
  });

  it.each([
    { iso: '643', name: 'Russia', west: 19, east: 191 },
    { iso: '554', name: 'New Zealand (Auckland in the frame)', west: 166, east: 179 },
    { iso: '296', name: 'Kiribati (both sides of 180°)', west: 172, east: 209 },
    { iso: '840', name: 'United States (Alaska and the lower 48)', west: -169, east: -66 },
  ])('frames $name', ({ iso, west, east }) => {
    const box = info.get(iso)?.bbox ?? [0, 0, 0, 0];
    expect(box[0]).toBeGreaterThanOrEqual(west);
    expect(box[2]).toBeLessThanOrEqual(east);
    expect(box[2] - box[0]).toBeGreaterThan((east - west) * 0.6);
  });
});
