/**
 * The build's page renderers, prerender.ts and index-page.ts. They import Svelte components, which
 * Node cannot load on its own, so Vite compiles them for `svelte/server` first: about a second of
 * a one-story build on this project's 2-core machine, the same second after every edit to a story.
 *
 * So they are compiled once and kept in `node_modules/.cache/storymap-renderers/`, in a folder
 * named by a hash of everything under `src` and of the lockfile (the versions of Svelte and its
 * plugin), and by the mode Svelte compiles in: an edit to the kit's code gives a new folder, an
 * edit to a story none. The folder is compiled under a name of this process's own, then renamed,
 * so a build never reads one half written; the older versions' folders are deleted then.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { KIT_CACHE, madeFrom } from './kit-cache.ts';

export interface Renderers {
  prerender: (typeof import('./prerender.ts'))['prerender'];
  renderIndex: (typeof import('./index-page.ts'))['renderIndex'];
}

const KIT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = fileURLToPath(new URL('storymap-renderers/', KIT_CACHE));
const ENTRIES = { prerender: 'src/build/prerender.ts', 'index-page': 'src/build/index-page.ts' };
/** A folder left by a build stopped while compiling, older than any compile takes. */
const STALE_MS = 60 * 60 * 1000;

/** Both renderers as ES modules in `outDir`, Svelte and every other dependency left to Node. */
async function compile(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: KIT_ROOT,
    logLevel: 'silent',
    plugins: [svelte()],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(KIT_ROOT, file)])),
        output: { entryFileNames: '[name].js' },
      },
    },
  });
}

/** Deletes the kept folders of other versions of the code, and half-made ones long abandoned. */
function prune(dir: string, code: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const abandoned = name.endsWith('.part') && Date.now() - statSync(path).mtimeMs > STALE_MS;
    if (name.endsWith('.part') ? abandoned : !name.startsWith(`${code}-`))
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The renderers of this version of the code: read back if kept, else compiled and kept. `dir` is
 * the cache's folder (the tests' own).
 */
export async function loadRenderers(dir = DIR): Promise<Renderers> {
  // Svelte compiles for development (with checks, and hashes in its markers) unless NODE_ENV is
  // 'production', as `vite build` sets it and the tests' builds (NODE_ENV=test) do not.
  const code = madeFrom('src').slice(0, 24);
  const name = `${code}-${process.env.NODE_ENV === 'production' ? 'production' : 'development'}`;
  let folder = join(dir, name);
  if (!existsSync(folder)) {
    const part = `${folder}.${process.pid}.part`;
    await compile(part);
    try {
      renameSync(part, folder);
      prune(dir, code);
    } catch {
      // Kept by another build meanwhile (then read from there), or a cache that cannot be written.
      if (existsSync(folder)) rmSync(part, { recursive: true, force: true });
      else folder = part;
    }
  }
  const load = (entry: keyof typeof ENTRIES) => import(pathToFileURL(join(folder, `${entry}.js`)).href);
  const [pages, index] = (await Promise.all([load('prerender'), load('index-page')])) as [
    typeof import('./prerender.ts'),
    typeof import('./index-page.ts'),
  ];
  return { prerender: pages.prerender, renderIndex: index.renderIndex };
}
