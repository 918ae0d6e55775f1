/**
 * The Vite plugin that turns `data/stories/*` into pages: `<slug>/index.html` for each story and
 * `index.html` for the home story, each with its story inlined and its basemap emitted as a
 * static file. In dev it serves the same pages from memory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { buildStory, storyFiles, slugOf, type BuiltStory } from './stories.ts';
import { pageHead } from './page.ts';

export interface StoryPagesOptions {
  /** Folder of story files, relative to the project root. */
  dir: string;
  /** Slug of the story also served as the site's `index.html`. */
  home: string;
}

const HEAD = '<!-- storymap:head -->';

export function storyPages(options: StoryPagesOptions): Plugin {
  let config: ResolvedConfig;
  let built = new Map<string, BuiltStory>();
  const root = () => config.root;
  const dir = () => resolve(root(), options.dir);
  const pageId = (slug: string) => resolve(root(), slug, 'index.html');

  const load = () => {
    built = new Map(storyFiles(dir()).map((file) => [slugOf(file), buildStory(file, root())]));
    if (!built.has(options.home)) throw new Error(`home story "${options.home}" is not in ${options.dir}`);
  };
  /** `/index.html` is the home story; `/<slug>/index.html` is that story. */
  const slugOfPath = (path: string) => /^\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(path)?.[1] ?? options.home;

  return {
    name: 'storymap:story-pages',
    config(userConfig) {
      const base = resolve(userConfig.root ?? process.cwd());
      const slugs = storyFiles(resolve(base, options.dir)).map(slugOf);
      const input = Object.fromEntries([
        ['index', resolve(base, 'index.html')],
        ...slugs.map((slug) => [slug, resolve(base, slug, 'index.html')]),
      ]);
      return { build: { rollupOptions: { input } } };
    },
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      load();
      for (const file of storyFiles(dir())) this.addWatchFile(file);
    },
    resolveId(id) {
      for (const slug of built.keys()) if (id === pageId(slug)) return id;
      return null;
    },
    load(id) {
      for (const slug of built.keys())
        if (id === pageId(slug)) return readFileSync(resolve(root(), 'index.html'), 'utf8');
      return null;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const slug = slugOfPath(ctx.path);
        const story = built.get(slug);
        if (!story) throw new Error(`no story "${slug}"`);
        return html.replace(HEAD, pageHead(story, ctx.path === '/index.html' ? 0 : 1));
      },
    },
    generateBundle() {
      for (const story of built.values())
        this.emitFile({ type: 'asset', fileName: story.basemapFile, source: story.basemap });
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(dir())) {
          load();
          server.ws.send({ type: 'full-reload' });
        }
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const basemap = [...built.values()].find((b) => path === `/${b.basemapFile}`);
        if (basemap) {
          res.setHeader('Content-Type', 'application/json');
          res.end(basemap.basemap);
          return;
        }
        const slug = /^\/([a-z0-9-]+)\/$/.exec(path)?.[1];
        if (slug && built.has(slug)) {
          const template = readFileSync(resolve(root(), 'index.html'), 'utf8');
          server
            .transformIndexHtml(`/${slug}/index.html`, template, req.originalUrl)
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
