/**
 * One marker per place: a real <button> placed by MapLibre, named by its lead event's title (see
 * geo/groups.ts), with a count when several events share the place, and a label beside it.
 * Country-level places get a hollow, dashed marker so they never read as a pin on a city.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Story } from '../story/model.ts';
import { markerLabel } from '../story/describe.ts';
import { uiLang, type Lang } from '../i18n/messages.ts';
import { activeIn, groupByPlace, leadEvent, markerText, type PlaceGroup } from '../geo/groups.ts';
import type { Box } from '../geo/labelPlacement.ts';
import { layoutMarkers, wholeOnMap } from '../geo/markerLayout.ts';

export interface MarkerSet {
  setActive(active: ReadonlySet<string>): void;
  remove(): void;
}

interface PlaceMarker {
  group: PlaceGroup;
  button: HTMLButtonElement;
  label: HTMLElement;
  marker: Marker;
  /** The label's measured size, taken when its text is set: reading it on every frame of a
   * flight would force a layout each time. */
  size: [number, number];
  /**
   * Not wholly on the map (`wholeOnMap`): inert, so neither Tab, a click nor a screen reader
   * finds it, though the part of it on the map is drawn as ever.
   */
  off: boolean;
}

/** "Title. Date. Place", and for a shared place how many more events it holds, in the story's language. */
function accessibleName(group: PlaceGroup, active: ReadonlySet<string>, lang: Lang): string {
  return markerLabel(leadEvent(group, active), group.events.length - 1, group.place, lang);
}

function createButton(group: PlaceGroup, onOpen: (ids: string[], button: HTMLElement) => void) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `marker marker--${group.place.precision}`;
  button.dataset.place = group.place.id;
  button.dataset.events = group.events.map((e) => e.id).join(' ');
  button.setAttribute('aria-haspopup', 'dialog');
  if (group.events.length > 1) {
    const count = document.createElement('span');
    count.className = 'marker__count';
    count.setAttribute('aria-hidden', 'true');
    count.textContent = String(group.events.length);
    button.append(count);
  }
  // A <bdi>: a direction override left open in a story's name cannot reorder the page around it.
  const label = document.createElement('bdi');
  label.className = 'marker__label';
  label.setAttribute('aria-hidden', 'true');
  button.append(label);
  button.addEventListener('click', () => {
    // MapLibre's Marker cancels mousedown, so a click would leave focus where it was. Taking it
    // here makes it the element the dialog gives focus back to when it closes. (It was clicked,
    // so it is in view: scrolling could only shift the map's clipped container.)
    button.focus({ preventScroll: true });
    // The event the marker is named after first, so a one-event marker opens its detail.
    const lead = button.dataset.event ?? '';
    onOpen([lead, ...group.events.map((e) => e.id).filter((id) => id !== lead)], button);
  });
  return { button, label };
}

export function addMarkers(
  map: MapLibreMap,
  story: Story,
  onOpen: (ids: string[], button: HTMLElement) => void,
  /**
   * Where labels may go, in map pixels, best first: the part of the map nothing covers (the
   * card, the timeline, the key), then the map below the timeline for a label that fits nowhere else.
   */
  labelFrames: (size: readonly [number, number]) => Box[],
): MarkerSet {
  const lang = uiLang(story.lang);
  const markers: PlaceMarker[] = groupByPlace(story.events).map((group) => {
    const { button, label } = createButton(group, onOpen);
    const marker = new Marker({ element: button, anchor: 'center' }).setLngLat(group.place.coordinates).addTo(map);
    return { group, button, label, marker, size: [0, 0] as [number, number], off: false };
  });

  // The map's size, read when it changes, not on every frame of a flight: reading it after the
  // markers' positions were written would make the browser lay the page out again each frame.
  const container = map.getContainer();
  let size = [container.clientWidth, container.clientHeight];
  // MapLibre fires 'move' before 'resize': the markers are laid out again for the new size here.
  const resize = () => {
    size = [container.clientWidth, container.clientHeight];
    relayout();
  };

  /** Keeps markers of nearby places apart at the current zoom, and places the active labels. */
  const relayout = () => {
    const anchors = markers.map(({ marker }) => map.project(marker.getLngLat()));
    const { at, sides } = layoutMarkers(
      markers.map((m, i) => ({
        anchor: [anchors[i]?.x ?? 0, anchors[i]?.y ?? 0],
        active: m.button.dataset.active === 'true',
        country: m.group.place.precision === 'country',
        size: m.size,
      })),
      labelFrames([size[0] ?? 0, size[1] ?? 0]),
    );
    at.forEach(([x, y], i) => {
      const anchor = anchors[i];
      const m = markers[i];
      if (!anchor || !m) return;
      m.marker.setOffset([Math.round(x - anchor.x), Math.round(y - anchor.y)]);
      // Written only when it changes: most frames of a flight move markers, few take them off.
      const off = !wholeOnMap([x, y], [size[0] ?? 0, size[1] ?? 0]);
      if (off !== m.off) m.button.inert = m.off = off;
    });
    markers.forEach((m, i) => {
      const side = sides[i];
      if (side) m.label.dataset.side = side;
      else delete m.label.dataset.side;
    });
  };
  // On every frame of a flight, not only at its end: labels and spacing then never lag the map.
  map.on('move', relayout);
  map.on('resize', resize);
  const set: MarkerSet = {
    setActive(active) {
      const relabelled: PlaceMarker[] = [];
      for (const m of markers) {
        const { group, button, label } = m;
        const shown = activeIn(group, active);
        const lead = leadEvent(group, active);
        button.dataset.event = lead.id;
        button.dataset.active = String(shown.length > 0);
        button.dataset.activeEvents = shown.map((e) => e.id).join(' ');
        button.setAttribute('aria-label', accessibleName(group, active, lang));
        const text = markerText(group, active);
        if (label.textContent !== text) {
          label.textContent = text;
          relabelled.push(m);
        }
        // Active markers draw above the rest where they overlap.
        button.style.zIndex = shown.length > 0 ? '2' : '1';
      }
      // Measured after every label is written: one layout for them all, where reading each
      // label's size as it changed laid the page out once per marker.
      for (const m of relabelled) m.size = [m.label.offsetWidth, m.label.offsetHeight];
      relayout();
    },
    remove() {
      map.off('move', relayout);
      map.off('resize', resize);
      for (const { marker } of markers) marker.remove();
    },
  };
  set.setActive(new Set());
  return set;
}
