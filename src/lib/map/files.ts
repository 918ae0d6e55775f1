/**
 * The live map's own file, by its built address: MapLibre's worker. A string only (Vite's `?url`),
 * so the page can name it before the map's code has loaded (prefetch.ts) without loading that code.
 */
export { default as workerUrl } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
