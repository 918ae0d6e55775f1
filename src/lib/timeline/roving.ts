/**
 * Keyboard moves between timeline items: the timeline is one tab stop (a roving tabindex), so a
 * story of 150 events does not take 150 presses of Tab to pass; the arrow keys go through the
 * items in time order, Home and End to the first and last.
 */

/** The index the key moves to among `count` items, or undefined if the key does not move. */
export function moveTo(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, index + 10);
    case 'PageUp':
      return Math.max(0, index - 10);
    default:
      return undefined;
  }
}

/** Items in the order the keys visit them: by axis (overview first), then left to right. */
export function visitOrder<T extends { id: string; x0: number; x1: number }>(
  axes: readonly (readonly T[])[],
): string[] {
  return axes.flatMap((items) => [...items].sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1).map((i) => i.id));
}
