/**
 * The Vite plugin that turns `data/stories/*` into pages: for each story `<slug>/index.html` and
 * its embed page `<slug>/embed/index.html`, with the home story also as `index.html`. Stories are
 * inlined into their pages; basemaps, static maps, previews, oEmbed answers and the host script
 * `embed.js` are emitted as static files. In dev the same pages and files are served from memory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { createServer, type Plugin, type ResolvedConfig, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildStory, storyFiles as storyFilesIn, slugOf, StoryBuildError, type BuiltStory } from './stories.ts';
import { pageData, pageHead, type PageKind } from './page.ts';
import { storyFiles } from './files.ts';
import { PALETTE_CSS, RESOLVED_PALETTE_CSS, paletteCss } from './palette-css.ts';

export interface StoryPagesOptions {
  /** Folder of story files, relative to the project root. */
  dir: string;
  /** Slug of the story also served as the site's `index.html`. */
  home: string;
  /** Absolute address the site is published at (share tags and oEmbed need absolute URLs). */
  site: string;
}

const HEAD = '<!-- storymap:head -->';
const BODY = '<!-- storymap:body -->';
const HOST_SCRIPT = new URL('../lib/embed/host-script.js', import.meta.url);

type Prerender = (typeof import('./prerender.ts'))['prerender'];
/** The page body's renderer: it imports Svelte components, which Node cannot load on its own. */
const PRERENDER = fileURLToPath(new URL('./prerender.ts', import.meta.url));
const KIT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Loads prerender.ts through the SSR loader of a dev server: `vite build` runs no other. */
const ssrPrerender = async (server: ViteDevServer) =>
  ((await server.ssrLoadModule(PRERENDER)) as typeof import('./prerender.ts')).prerender;

/**
 * For a build, a short-lived server that compiles the components for `svelte/server` and nothing
 * else (no config file, no watcher, no other plugins). Once loaded, the renderer needs it no more.
 */
async function loadPrerender(): Promise<Prerender> {
  const server = await createServer({
    configFile: false,
    root: KIT_ROOT,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    // Svelte from node_modules, as Node loads it: one copy for `render` and the compiled components
    // (a pre-bundled copy beside it, as under Vitest, leaves the components without their context).
    ssr: { external: ['svelte'], optimizeDeps: { noDiscovery: true, include: [] } },
    plugins: [svelte()],
  });
  try {
    return await ssrPrerender(server);
  } finally {
    await server.close();
  }
}

/** `/index.html` → home; `/<slug>/index.html` → story; `/<slug>/embed/index.html` → embed. */
export function pageOf(path: string, home: string): { slug: string; kind: PageKind } {
  const match = /^\/([a-z0-9-]+)\/(embed\/)?(?:index\.html)?$/.exec(path);
  if (!match?.[1]) return { slug: home, kind: 'home' };
  return { slug: match[1], kind: match[2] ? 'embed' : 'story' };
}

/**
 * A story's errors as the terminal should show them: the reporter's message (file:line:col field:
 * reason) and nothing else. `vite build` prints `util.inspect(error)`, which for a plain error
 * adds a JavaScript stack trace that says nothing to a reporter and buries the message.
 */
function withoutStack(error: unknown): unknown {
  if (!(error instanceof StoryBuildError)) return error;
  error.stack = `${error.name}: ${error.message}`;
  Object.defineProperty(error, inspect.custom, { value: () => error.message });
  return error;
}

export function storyPages(options: StoryPagesOptions): Plugin {
  let config: ResolvedConfig;
  /** The build's page renderer, loaded at buildStart; a dev server loads it per request instead. */
  let prerender: Prerender | undefined;
  let devServer: ViteDevServer | undefined;
  let built = new Map<string, BuiltStory>();
  let files = new Map<string, string | Uint8Array>();
  /** Set when configResolved has just loaded the stories, so buildStart needn't load them again. */
  let fresh = false;
  const root = () => config.root;
  const dir = () => resolve(root(), options.dir);
  const site = options.site.endsWith('/') ? options.site : `${options.site}/`;
  const pageIds = () => new Set([...built.keys()].flatMap((slug) => [pageId(slug), pageId(`${slug}/embed`)]));
  const pageId = (folder: string) => resolve(root(), folder, 'index.html');
  const template = () => readFileSync(resolve(root(), 'index.html'), 'utf8');

  const load = () => {
    built = new Map(storyFilesIn(dir()).map((file) => [slugOf(file), buildStory(file, root())]));
    if (!built.has(options.home)) throw new StoryBuildError(`home story "${options.home}" is not in ${options.dir}`);
    files = new Map([...built.values()].flatMap((b) => [...storyFiles(b, site)]));
    files.set('embed.js', readFileSync(HOST_SCRIPT, 'utf8'));
  };

  return {
    name: 'storymap:story-pages',
    config(userConfig) {
      const base = resolve(userConfig.root ?? process.cwd());
      const slugs = storyFilesIn(resolve(base, options.dir)).map(slugOf);
      const input = Object.fromEntries([
        ['index', resolve(base, 'index.html')],
        ...slugs.flatMap((slug) => [
          [slug, resolve(base, slug, 'index.html')],
          [`${slug}/embed`, resolve(base, slug, 'embed', 'index.html')],
        ]),
      ]);
      return { build: { rollupOptions: { input } } };
    },
    configResolved(resolved) {
      config = resolved;
      // A build checks its stories here, before the bundler starts: an error thrown from a
      // bundler hook reaches the terminal wrapped in the bundler's own error and stack trace.
      if (resolved.command !== 'build') return;
      try {
        load();
      } catch (error) {
        throw withoutStack(error);
      }
      fresh = true;
    },
    async buildStart() {
      // Dev servers and rebuilds in watch mode (re)load here.
      if (!fresh) load();
      fresh = false;
      for (const file of storyFilesIn(dir())) this.addWatchFile(file);
      if (config.command === 'build') prerender = await loadPrerender();
    },
    resolveId(id) {
      if (id === PALETTE_CSS) return RESOLVED_PALETTE_CSS;
      return pageIds().has(id) ? id : null;
    },
    load(id) {
      // The colours' custom properties, from the palette (palette-css.ts), as main.ts imports them.
      if (id === RESOLVED_PALETTE_CSS) return paletteCss();
      return pageIds().has(id) ? template() : null;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html, ctx) {
        const page = pageOf(ctx.path, options.home);
        const story = built.get(page.slug);
        if (!story) throw new Error(`no story "${page.slug}"`);
        // In dev, the server's own loader: an edited component shows on the next reload.
        const render = devServer ? await ssrPrerender(devServer) : prerender;
        if (!render) throw new Error('the page renderer is not loaded (buildStart has not run)');
        const head = pageHead(story, { kind: page.kind, site, csp: config.command === 'build' });
        const body = render(pageData(story, page.kind), page.kind);
        // Replaced by functions: a replacement string would read story text's `$&` or `$'` as patterns.
        return html.replace(HEAD, () => head).replace(BODY, () => body);
      },
    },
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      devServer = server;
      server.watcher.on('change', (file) => {
        if (file.startsWith(dir())) {
          load();
          server.ws.send({ type: 'full-reload' });
        }
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const file = files.get(path.slice(1));
        if (file !== undefined) {
          const types: Record<string, string> = {
            json: 'application/json',
            svg: 'image/svg+xml',
            png: 'image/png',
            js: 'text/javascript',
          };
          res.setHeader('Content-Type', types[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
          res.end(file);
          return;
        }
        const page = pageOf(path, options.home);
        if (page.kind !== 'home' && built.has(page.slug)) {
          server
            .transformIndexHtml(path.endsWith('/') ? `${path}index.html` : path, template(), req.originalUrl)
            .then((html) => {
              res.setHeader('Content-Type', 'text/html');
              res.end(html);
            })
            .catch(next);
          return;
        }
        next();
      });
    },
  };
}
