/**
 * Markers of different places can meet on screen at low zoom (Port-au-Prince and the marker for
 * "somewhere in Haiti"); they are pushed apart so each stays a target of its own. Events at one
 * place share one marker (groups.ts), so a place is never spread into a ring of guesses.
 */
export type Offset = [number, number];

/**
 * Pushes points apart until no two are closer than `distance` (px), moving each pair
 * symmetrically along the line between them. Markers of nearby places (Port-au-Prince and
 * "somewhere in Haiti") meet on screen at low zoom; this keeps every one a separate target.
 */
export function separate(
  points: readonly Offset[],
  distance: number,
  rounds = 40,
  /**
   * Points that stay put when they meet one that may move (a country's marker sits on its anchor,
   * on land inside it; a city's moves, its real spot still shown by the map's city dot).
   */
  pinned: readonly boolean[] = [],
): Offset[] {
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
        // Each moves half the way, or the whole way if the other is pinned and it is not.
        const [pa, pb] = [pinned[i] === true, pinned[j] === true];
        const share = (self: boolean, other: boolean) => (self === other ? 0.5 : self ? 0 : 1);
        const push = distance - d + 0.02;
        a[0] -= (dx / d) * push * share(pa, pb);
        a[1] -= (dy / d) * push * share(pa, pb);
        b[0] += (dx / d) * push * share(pb, pa);
        b[1] += (dy / d) * push * share(pb, pa);
        moved = true;
      }
    if (!moved) break;
  }
  return out;
}
