/**
 * Several events can share one place (five of the Haiti story's happen "somewhere in Haiti").
 * Their markers are spread on a small ring around it so that each one can be seen and clicked.
 */
export type Offset = [number, number];

/** Pixel offsets for `count` markers at one place, in order; one marker sits on the place itself. */
export function ringOffsets(count: number, spacing = 26): Offset[] {
  if (count <= 1) return [[0, 0]];
  // Radius so neighbouring markers on the ring are `spacing` px apart.
  const radius = Math.max(spacing * 0.75, spacing / (2 * Math.sin(Math.PI / count)));
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
  });
}

/** Offsets for a list of items keyed by place, keeping the list order within each place. */
export function spreadByPlace<T>(items: readonly T[], placeOf: (item: T) => string): Map<T, Offset> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(placeOf(item), [...(groups.get(placeOf(item)) ?? []), item]);
  const out = new Map<T, Offset>();
  for (const group of groups.values()) {
    const offsets = ringOffsets(group.length);
    group.forEach((item, i) => out.set(item, offsets[i] ?? [0, 0]));
  }
  return out;
}
