/** The size static step maps are drawn at: wide-screen proportions, so no room is kept for a card. */
export const STATIC_MAP_SIZE = { width: 960, height: 640 };
