/**
 * The size static step maps are drawn at. Wide proportions, so they are framed with no room kept
 * for a card; small enough that their labels stay readable when a phone shrinks them.
 */
export const STATIC_MAP_SIZE = { width: 600, height: 400 };
