/**
 * Several events can share one place (five of the Haiti story's happen "somewhere in Haiti").
 * Their markers are spread on a small ring around it so that each one can be seen and clicked.
 */
export type Offset = [number, number];

/** Pixel offsets for `count` markers at one place, in order; one marker sits on the place itself. */
export function ringOffsets(count: number, spacing = 30): Offset[] {
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

/**
 * Pushes points apart until no two are closer than `distance` (px), moving each pair
 * symmetrically along the line between them. Markers of nearby places (Port-au-Prince and
 * "somewhere in Haiti") meet on screen at low zoom; this keeps every one a separate target.
 */
export function separate(points: readonly Offset[], distance: number, rounds = 40): Offset[] {
  const out = points.map(([x, y]): Offset => [x, y]);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i] as Offset;
        const b = out[j] as Offset;
        let dx = b[0] - a[0];
        let dy = b[1] - a[1];
        let d = Math.hypot(dx, dy);
        if (d >= distance) continue;
        // Coincident points part along a direction fixed by their indices, so the result is stable.
        if (d < 1e-6) [dx, dy, d] = [Math.cos(i + j), Math.sin(i + j), 1];
        const push = (distance - d) / 2 + 0.01;
        a[0] -= (dx / d) * push;
        a[1] -= (dy / d) * push;
        b[0] += (dx / d) * push;
        b[1] += (dy / d) * push;
        moved = true;
      }
    if (!moved) break;
  }
  return out;
}
