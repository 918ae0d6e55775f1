/**
 * Geometry of a full-height embed: the frame is as tall as the story and the host page scrolls,
 * so the story learns where the frame is from the host's messages and places its map itself.
 */

/**
 * Where the map's stage goes inside the story's scrolly section (px from its top): it follows
 * the host's viewport while the section is on screen, and stops at the section's ends.
 */
export function stageTop(frameTop: number, sectionTop: number, sectionHeight: number, viewportHeight: number): number {
  const visibleTop = -frameTop - sectionTop;
  return Math.round(Math.min(Math.max(0, visibleTop), Math.max(0, sectionHeight - viewportHeight)));
}

/** Which way the story is laid out, from what the query string says and what the host has sent. */
export type EmbedMode =
  /** The full page, not in a frame. */
  | 'page'
  /** A fixed-height frame: the story scrolls inside it, exactly like the full page. */
  | 'frame'
  /** The frame grows with the story but the host says nothing of where it is: steps unrolled, each with its map. */
  | 'unrolled'
  /** The frame grows with the story and the host reports its position: sticky map placed by us. */
  | 'hosted';

export interface EmbedSignals {
  embedPage: boolean;
  /** pym's childId, or `resize=1` in the query string: the host will size the frame to the story. */
  resizing: boolean;
  /** The host has reported where the frame is. */
  positioned: boolean;
}

export function embedMode(s: EmbedSignals): EmbedMode {
  if (!s.embedPage) return 'page';
  if (!s.resizing) return 'frame';
  return s.positioned ? 'hosted' : 'unrolled';
}
