/**
 * Where an event's detail goes beside the marker that opened it: the first side of the marker
 * (right, left, below, above) where the whole box fits in the viewport, keeping `margin` from its
 * edges and `gap` from the marker. Where none does, the side with the most room, with the box
 * cut down to that room (it then scrolls inside): it never covers the marker it explains.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
export type Side = 'right' | 'left' | 'below' | 'above';
export interface Placement extends Box {
  side: Side;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

export function placePopover(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 16,
  gap = 10,
): Placement {
  // The room on each side of the marker, as the box the detail may take there.
  const inner = { width: viewport.width - 2 * margin, height: viewport.height - 2 * margin };
  const room: Record<Side, { width: number; height: number }> = {
    right: { width: viewport.width - margin - (anchor.left + anchor.width + gap), height: inner.height },
    left: { width: anchor.left - gap - margin, height: inner.height },
    below: { width: inner.width, height: viewport.height - margin - (anchor.top + anchor.height + gap) },
    above: { width: inner.width, height: anchor.top - gap - margin },
  };
  const sides: Side[] = ['right', 'left', 'below', 'above'];
  const fits = sides.find((s) => room[s].width >= size.width && room[s].height >= size.height);
  const area = (s: Side) =>
    Math.max(0, Math.min(room[s].width, size.width)) * Math.max(0, Math.min(room[s].height, size.height));
  const side = fits ?? sides.reduce((best, s) => (area(s) > area(best) ? s : best));
  const width = Math.max(0, Math.min(size.width, room[side].width));
  const height = Math.max(0, Math.min(size.height, room[side].height));
  // Centred on the marker along the side it sits on, then kept inside the viewport.
  const centreX = clamp(anchor.left + anchor.width / 2 - width / 2, margin, viewport.width - margin - width);
  const centreY = clamp(anchor.top + anchor.height / 2 - height / 2, margin, viewport.height - margin - height);
  const at: Record<Side, { left: number; top: number }> = {
    right: { left: anchor.left + anchor.width + gap, top: centreY },
    left: { left: anchor.left - gap - width, top: centreY },
    below: { left: centreX, top: anchor.top + anchor.height + gap },
    above: { left: centreX, top: anchor.top - gap - height },
  };
  return { side, width, height, ...at[side] };
}
