import { describe, expect, it } from 'vitest';
import { cameraTarget, fitBBox, SUBJECT_ROOM, type Padding, type Viewport } from '../../src/lib/geo/camera.ts';
import { framePadding } from '../../src/lib/geo/freeArea.ts';
import type { BBox, Camera } from '../../src/lib/story/model.ts';

/** Web Mercator in pixels at `zoom`, with MapLibre's 512 px tiles. */
const worldSize = (zoom: number) => 512 * 2 ** zoom;
const projectX = (lng: number, zoom: number) => ((lng + 180) / 360) * worldSize(zoom);
const projectY = (lat: number, zoom: number) => {
  const phi = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * worldSize(zoom);
};

const desktop: Viewport = { width: 1440, height: 900 };
const phone: Viewport = { width: 390, height: 844 };
const even: Padding = { top: 40, right: 40, bottom: 40, left: 40 };
/** A phone: the timeline over the top 60 px, the step card over the lower 42%. */
const phoneCovers = [
  { left: 0, right: 390, top: 0, bottom: 60 },
  { left: 12, right: 378, top: 490, bottom: 844 },
];

describe('fitBBox', () => {
  it('shows a single point at maxZoom, centred on it', () => {
    const target = fitBBox([-72.3388, 18.5392, -72.3388, 18.5392], desktop, even, 9);
    expect(target.zoom).toBe(9);
    expect(target.center[0]).toBeCloseTo(-72.3388, 9);
    expect(target.center[1]).toBeCloseTo(18.5392, 9);
    expect(target).toMatchObject({ bearing: 0, pitch: 0 });
  });

  it.each<{ name: string; bbox: BBox; viewport: Viewport; padding: Padding }>([
    { name: 'Kenya to Haiti on a desktop', bbox: [-74.5, -4.7, 41.9, 19.9], viewport: desktop, padding: even },
    {
      name: 'Kenya to Haiti on a phone',
      bbox: [-74.5, -4.7, 41.9, 19.9],
      viewport: phone,
      padding: framePadding(phone, phoneCovers),
    },
    { name: 'Haiti to Washington (tall)', bbox: [-77.04, 18.04, -71.65, 38.91], viewport: desktop, padding: even },
    {
      name: 'Hispaniola',
      bbox: [-74.48, 17.64, -68.34, 19.93],
      viewport: phone,
      padding: framePadding(phone, phoneCovers),
    },
  ])('fits $name inside the padded viewport, touching it on one axis', ({ bbox, viewport, padding }) => {
    const [west, south, east, north] = bbox;
    const { zoom, center } = fitBBox(bbox, viewport, padding, 20);
    const width = projectX(east, zoom) - projectX(west, zoom);
    const height = projectY(south, zoom) - projectY(north, zoom);
    const room = {
      width: viewport.width - padding.left - padding.right,
      height: viewport.height - padding.top - padding.bottom,
    };
    expect(width).toBeLessThanOrEqual(room.width + 1e-6);
    expect(height).toBeLessThanOrEqual(room.height + 1e-6);
    expect(Math.min(room.width - width, room.height - height)).toBeLessThan(1);
    // The centre is the box's midpoint in Mercator, not the average of its latitudes.
    expect(projectX(center[0], zoom)).toBeCloseTo((projectX(west, zoom) + projectX(east, zoom)) / 2, 6);
    expect(projectY(center[1], zoom)).toBeCloseTo((projectY(north, zoom) + projectY(south, zoom)) / 2, 6);
  });

  it('never comes closer than maxZoom', () => {
    expect(fitBBox([-72.4, 18.5, -72.3, 18.6], desktop, even, 7.5).zoom).toBe(7.5);
  });

  it('zooms out for a wider box', () => {
    const narrow = fitBBox([-74.5, 18, -71.6, 19.9], desktop, even, 20);
    const wide = fitBBox([-74.5, -4.7, 41.9, 19.9], desktop, even, 20);
    expect(wide.zoom).toBeLessThan(narrow.zoom);
  });
});

describe('cameraTarget', () => {
  it('keeps a written view as it is', () => {
    const camera = {
      kind: 'view' as const,
      center: [-72.3, 18.5] as [number, number],
      zoom: 9,
      bearing: -15,
      pitch: 30,
    };
    expect(cameraTarget(camera, desktop, even)).toEqual({ center: [-72.3, 18.5], zoom: 9, bearing: -15, pitch: 30 });
  });

  it('fits a fit camera with its own maxZoom', () => {
    const camera = { kind: 'fit' as const, ids: ['x'], bbox: [10, 10, 10, 10] as BBox, maxZoom: 6 };
    expect(cameraTarget(camera, desktop, even).zoom).toBe(6);
  });
});

describe('constrain, as MapLibre keeps the frame inside the Mercator world', () => {
  const tall: Viewport = { width: 390, height: 844 };
  const none: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

  it('moves a low camera on a tall screen south until the frame meets the top of the world', () => {
    const target = cameraTarget({ kind: 'view', center: [-100, 60], zoom: 1.2, bearing: 0, pitch: 0 }, tall, none);
    expect(target.zoom).toBe(1.2);
    expect(projectY(target.center[1], target.zoom)).toBeCloseTo(tall.height / 2, 6);
  });

  it('zooms in until the world fills the frame when the world is shorter than it', () => {
    const target = cameraTarget({ kind: 'view', center: [30, 40], zoom: 0, bearing: 0, pitch: 0 }, tall, none);
    expect(worldSize(target.zoom)).toBeCloseTo(tall.height, 6);
    expect(target.center).toEqual([30, 0]);
  });

  it('leaves a camera whose frame is inside the world as it is', () => {
    const view = { kind: 'view' as const, center: [-72.3, 18.5] as [number, number], zoom: 6, bearing: 0, pitch: 0 };
    expect(cameraTarget(view, tall, none)).toEqual({ center: [-72.3, 18.5], zoom: 6, bearing: 0, pitch: 0 });
  });
});

describe('a camera set by centre and zoom keeps what its step shows in view', () => {
  const none: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  const view = (subject: [number, number][]): Camera => ({
    kind: 'view',
    center: [180, -18],
    zoom: 6,
    bearing: 0,
    pitch: 0,
    subject,
  });

  it('keeps its zoom when the places are in the frame', () => {
    expect(cameraTarget(view([[179, -18]]), desktop, none).zoom).toBe(6);
  });

  it('zooms out, no further than needed, for a place beyond the frame, across 180°', () => {
    // Nukuʻalofa is 4.8° east of 180°, written as -175.2: on a phone it is off a zoom-6 frame.
    const target = cameraTarget(view([[-175.2, -21.14]]), phone, none);
    expect(target.zoom).toBeLessThan(6);
    const world = 512 * 2 ** target.zoom;
    const dx = (4.8 / 360) * world;
    // Nukuʻalofa ends SUBJECT_ROOM px inside the frame's edge, room for its marker.
    expect(dx).toBeCloseTo(phone.width / 2 - SUBJECT_ROOM, 0);
  });
});
