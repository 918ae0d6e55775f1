/**
 * The live map's own files, by their built addresses: MapLibre's worker and the markers' label
 * font. Strings only (Vite's `?url`), so the page can name them before the map's code has loaded
 * (prefetch.ts) without loading that code.
 */
export { default as workerUrl } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
export { default as labelFontUrl } from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
