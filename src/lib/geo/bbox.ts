/** Bounding boxes as [west, south, east, north]. The story never crosses the antimeridian. */
import type { BBox } from '../story/model.ts';

export function unionBBox(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) throw new Error('no boxes to join');
  return boxes.reduce<BBox>(
    (acc, b) => [Math.min(acc[0], b[0]), Math.min(acc[1], b[1]), Math.max(acc[2], b[2]), Math.max(acc[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

export function containsPoint(box: BBox, [lng, lat]: [number, number]): boolean {
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
}
