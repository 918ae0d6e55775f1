/**
 * One marker per located event: a real <button> (named by the event's title) placed by MapLibre.
 * Country-level events get a hollow, dashed marker so they never read as a pin on a city.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Story, StoryEvent, Place } from '../story/model.ts';
import { eventLabel } from '../story/describe.ts';
import { separate, spreadByPlace, type Offset } from '../geo/spread.ts';

/** Centre-to-centre distance that keeps two markers' 24 px targets (active: 28 px) apart. */
const MIN_DISTANCE = 30;

export interface MarkerSet {
  setActive(active: ReadonlySet<string>): void;
  remove(): void;
}

export function addMarkers(
  map: MapLibreMap,
  story: Story,
  onOpen: (id: string, button: HTMLElement) => void,
): MarkerSet {
  const located = story.events.filter((e): e is StoryEvent & { place: Place } => e.place !== undefined);
  const offsets = spreadByPlace(located, (e) => e.place.id);
  const markers = located.map((event) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `marker marker--${event.place.precision}`;
    button.dataset.event = event.id;
    button.setAttribute('aria-label', eventLabel(event));
    button.setAttribute('aria-haspopup', 'dialog');
    button.addEventListener('click', () => onOpen(event.id, button));
    const marker = new Marker({ element: button, anchor: 'center', offset: offsets.get(event) ?? [0, 0] })
      .setLngLat(event.place.coordinates)
      .addTo(map);
    return { id: event.id, button, marker, ring: offsets.get(event) ?? ([0, 0] as Offset) };
  });
  /** Keeps markers of nearby places from covering each other at the camera's new zoom. */
  const relayout = () => {
    const anchors = markers.map(({ marker }) => map.project(marker.getLngLat()));
    const wanted = markers.map(({ ring }, i): Offset => [
      (anchors[i]?.x ?? 0) + ring[0],
      (anchors[i]?.y ?? 0) + ring[1],
    ]);
    separate(wanted, MIN_DISTANCE).forEach(([x, y], i) => {
      const anchor = anchors[i];
      if (anchor) markers[i]?.marker.setOffset([Math.round(x - anchor.x), Math.round(y - anchor.y)]);
    });
  };
  relayout();
  map.on('moveend', relayout);
  return {
    setActive(active) {
      for (const { id, button } of markers) {
        const on = active.has(id);
        button.dataset.active = String(on);
        // Active markers draw above the rest where they overlap.
        button.style.zIndex = on ? '2' : '1';
      }
    },
    remove() {
      map.off('moveend', relayout);
      for (const { marker } of markers) marker.remove();
    },
  };
}
