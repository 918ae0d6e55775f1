/**
 * The flights between steps, as the basemap's tiers are cut for them (geo/flight.ts): where the
 * camera goes between two steps, and which step changes MapLibre makes a cut instead.
 */
import { describe, expect, it } from 'vitest';
import { FLIGHT, flightFrames, type FlightFrame } from '../../src/lib/geo/flight.ts';
import { nearestLng } from '../../src/lib/geo/bbox.ts';

const desktop = { width: 1440, height: 900 };
const portAuPrince: FlightFrame = { center: [-72.3388, 18.5392], zoom: 8.5 };
const haiti: FlightFrame = { center: [-72.7, 19.0], zoom: 7.2 };
const haitiToWashington: FlightFrame = { center: [-74.7, 28.7], zoom: 4.6 };
const santoDomingo: FlightFrame = { center: [-69.93, 18.48], zoom: 8 };
const havana: FlightFrame = { center: [-82.38, 23.13], zoom: 7.5 };

describe('a flight between two steps', () => {
  it('starts on the first camera and ends on the second', () => {
    const frames = flightFrames(haiti, haitiToWashington, desktop);
    expect(frames[0]).toEqual(haiti);
    expect(frames.at(-1)).toEqual(haitiToWashington);
  });

  it('zooms out on the way, the further it goes the more, and moves on while it does', () => {
    const near = flightFrames(portAuPrince, santoDomingo, desktop);
    const far = flightFrames(portAuPrince, havana, desktop);
    const least = (frames: FlightFrame[]) => frames.reduce((a, b) => (b.zoom < a.zoom ? b : a));
    expect(least(near).zoom).toBeLessThan(santoDomingo.zoom - 0.05);
    expect(least(far).zoom).toBeLessThan(havana.zoom - 0.5);
    expect(least(far).zoom).toBeLessThan(least(near).zoom);
    // Farthest out well on its way: the frames there show what neither end does.
    const [lng] = least(far).center;
    expect(lng).toBeLessThan(portAuPrince.center[0] - 2);
    expect(lng).toBeGreaterThan(havana.center[0] + 2);
  });

  it('is no flight at all when it would take longer than MapLibre flies: a cut', () => {
    const nairobi: FlightFrame = { center: [36.82, -1.29], zoom: 8 };
    expect(flightFrames(portAuPrince, nairobi, desktop)).toEqual([]);
    // The same with a longer flight allowed: frames all the way, zooming out to the world.
    const frames = flightFrames(portAuPrince, nairobi, desktop, 64, { ...FLIGHT, maxDuration: 60_000 });
    expect(frames.length).toBe(65);
    expect(Math.min(...frames.map((f) => f.zoom))).toBeLessThan(4);
  });

  it('only zooms, where the two cameras share a centre', () => {
    const frames = flightFrames(portAuPrince, { ...portAuPrince, zoom: 6 }, desktop);
    expect(frames.length).toBeGreaterThan(2);
    for (const f of frames) expect(f.center[0]).toBeCloseTo(portAuPrince.center[0], 6);
    expect(frames.map((f) => f.zoom)).toEqual([...frames.map((f) => f.zoom)].sort((a, b) => b - a));
  });

  it('goes the short way across 180°, from Suva to Nukuʻalofa', () => {
    const suva: FlightFrame = { center: [178.44, -18.14], zoom: 7 };
    const nukualofa: FlightFrame = { center: [-175.2, -21.14], zoom: 7 };
    const frames = flightFrames(suva, nukualofa, desktop);
    expect(frames.length).toBeGreaterThan(2);
    for (const f of frames) {
      const lng = nearestLng(f.center[0], 180);
      expect(lng).toBeGreaterThanOrEqual(178.4);
      expect(lng).toBeLessThanOrEqual(184.8);
    }
  });
});
