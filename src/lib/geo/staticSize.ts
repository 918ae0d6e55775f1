/**
 * The size static step maps are drawn at. Wide proportions, so they are framed with no room kept
 * for a card; small enough that their labels stay readable when a phone shrinks them.
 */
export const STATIC_MAP_SIZE = { width: 600, height: 400 };

/**
 * The static map drawn again at other sizes, for the live map's stand-in only (MapView): placed at
 * the live camera (stillPlacement.ts), a drawing is shown larger or smaller than it was drawn, and
 * its markers and names with it. The drawing chosen is the one shown nearest its own size on the
 * boxes the page gives the map: a phone's whole width (or a phone on its side), a wide desktop's
 * 1150 px; the 600 px drawing for the rest. Chosen by media query, first match, as `<picture>`
 * chooses, so the page and the browser agree on which drawing is shown.
 */
export const STILL_SIZES = [
  { folder: '360', width: 360, height: 240, media: '(max-width: 600px), (max-height: 480px)' },
  { folder: '960', width: 960, height: 640, media: '(min-width: 1700px) and (min-height: 900px)' },
] as const;
