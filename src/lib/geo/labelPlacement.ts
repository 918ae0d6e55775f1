/**
 * Where each active marker's label goes: a small greedy placement, in pixels. Each label tries the
 * right of its marker, then the left, above and below, and takes the first spot inside the frame
 * that touches no marker and no label placed before it; with no such spot it is left out, since a
 * label over another mark or cut by the map's edge misleads more than a missing one.
 */
export type Side = 'right' | 'left' | 'above' | 'below';
/** [left, top, right, bottom]. */
export type Box = [number, number, number, number];

export interface LabelRequest {
  id: string;
  /** The marker's centre. */
  at: [number, number];
  /** Half the marker's size: the label starts `gap` px beyond it. */
  radius: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  side: Side;
  box: Box;
}

const SIDES: Side[] = ['right', 'left', 'above', 'below'];

export const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const within = (a: Box, frame: Box) => a[0] >= frame[0] && a[1] >= frame[1] && a[2] <= frame[2] && a[3] <= frame[3];

/** The label's box on one side of its marker. */
export function candidate({ at: [x, y], radius, width, height }: LabelRequest, side: Side, gap: number): Box {
  const d = radius + gap;
  if (side === 'right') return [x + d, y - height / 2, x + d + width, y + height / 2];
  if (side === 'left') return [x - d - width, y - height / 2, x - d, y + height / 2];
  if (side === 'above') return [x - width / 2, y - d - height, x + width / 2, y - d];
  return [x - width / 2, y + d, x + width / 2, y + d + height];
}

/** Places labels in the given order (put the most important first); obstacles are the markers. */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  frame: Box,
  gap = 4,
): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  return requests.flatMap((request) => {
    for (const side of SIDES) {
      const box = candidate(request, side, gap);
      if (!within(box, frame) || taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      return [{ id: request.id, side, box }];
    }
    return [];
  });
}
