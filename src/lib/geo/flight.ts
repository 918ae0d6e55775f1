/**
 * The frames of a flight from one step's camera to another's, as MapLibre's `flyTo` draws them:
 * van Wijk and Nuij's smooth zoom and pan, with the kit's speed and curve (the same sums as
 * MapLibre 6's camera.ts and mercator_camera_helper.ts). The basemap's detailed tier is cut to
 * hold land wherever such a frame shows it (coverage.ts). Pure: cameras in, centres and zooms out.
 */
import type { LngLat } from '../story/model.ts';
import { nearestLng, wrapLng } from './bbox.ts';
import { inverseY, mercatorX, mercatorY, MIN_ZOOM, TILE, type Viewport } from './camera.ts';

/** How the map flies between steps (controller.ts `moveCamera`). A longer flight is a cut. */
export const FLIGHT = { speed: 1.4, curve: 1.4, maxDuration: 2500 } as const;

export interface FlightFrame {
  center: LngLat;
  zoom: number;
}

/**
 * `samples` + 1 frames spread over the flight from `from` to `to` on `screen`, the two cameras
 * included; none when the flight would take longer than FLIGHT.maxDuration, which MapLibre makes
 * a cut (a jump, with no frame between).
 */
export function flightFrames(
  from: FlightFrame,
  to: FlightFrame,
  screen: Viewport,
  samples = 64,
  flight: { speed: number; curve: number; maxDuration: number } = FLIGHT,
): FlightFrame[] {
  const world = TILE * 2 ** from.zoom;
  // MapLibre flies the short way round: the target's longitude is taken within 180° of the start.
  const toLng = nearestLng(to.center[0], from.center[0]);
  const [x0, y0] = [mercatorX(from.center[0]) * world, mercatorY(from.center[1]) * world];
  const [dx, dy] = [mercatorX(toLng) * world - x0, mercatorY(to.center[1]) * world - y0];
  const w0 = Math.max(screen.width, screen.height);
  const w1 = w0 / 2 ** (to.zoom - from.zoom);
  const u1 = Math.hypot(dx, dy);
  // The curve is flattened where zooming out to it would pass the least zoom the world allows
  // (MapLibre's constraint: the world at least as tall as the screen).
  const leastZoom = Math.max(MIN_ZOOM, Math.log2(screen.height / TILE));
  const rho = Math.min(flight.curve, Math.sqrt(((w0 * 2 ** (from.zoom - leastZoom)) / u1) * 2));
  const rho2 = rho * rho;
  const zoomOut = (descent: boolean) => {
    const b = (w1 * w1 - w0 * w0 + (descent ? -1 : 1) * rho2 * rho2 * u1 * u1) / (2 * (descent ? w1 : w0) * rho2 * u1);
    return Math.log(Math.sqrt(b * b + 1) - b);
  };
  const r0 = zoomOut(false);
  let w = (s: number) => Math.cosh(r0) / Math.cosh(r0 + rho * s);
  let u = (s: number) => (w0 * ((Math.cosh(r0) * Math.tanh(r0 + rho * s) - Math.sinh(r0)) / rho2)) / u1;
  let length = (zoomOut(true) - r0) / rho;
  if (Math.abs(u1) < 0.000002 || !Number.isFinite(length)) {
    // No move across the map: MapLibre eases (bearing and pitch alone) or only zooms.
    if (Math.abs(w0 - w1) < 0.000001) return [from, to];
    const k = w1 < w0 ? -1 : 1;
    length = Math.abs(Math.log(w1 / w0)) / rho;
    u = () => 0;
    w = (s) => Math.exp(k * rho * s);
  }
  if ((1000 * length) / flight.speed > flight.maxDuration) return [];
  return Array.from({ length: samples + 1 }, (_, i): FlightFrame => {
    if (i === 0 || i === samples) return i ? to : from;
    const s = (i / samples) * length;
    const [x, y] = [x0 + dx * u(s), y0 + dy * u(s)];
    return { center: [wrapLng((x / world) * 360 - 180), inverseY(y / world)], zoom: from.zoom + Math.log2(1 / w(s)) };
  });
}
