/**
 * The Vite plugin that turns `data/stories/*` into pages: for each story `<slug>/index.html` and
 * its embed page `<slug>/embed/index.html`, and the list of every story (index-page.ts). The site's
 * settings (`data/site.yaml`, site.ts) say which story, if any, is also the front page `index.html`;
 * without one the list is the front page, else it is `stories/index.html`. Stories are
 * inlined into their pages; basemaps, static maps, previews, oEmbed answers and the host script
 * `embed.js` are emitted as static files. In dev the same pages and files are served from memory.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import {
  buildStory,
  decodeErrors,
  storyFiles as storyFilesIn,
  slugOf,
  StoryBuildError,
  type BuiltStory,
} from './stories.ts';
import { encodeImage, type ImageJob } from './images.ts';
import { inlineCss } from './inline-css.ts';
import { lazyCode } from './lazy-code.ts';
import { subsetFonts } from './subset-fonts.ts';
import { formatErrors } from '../lib/story/parse.ts';
import { CSP, escapeHtml, pageData, pageHead, withLanguage, type PageKind } from './page.ts';
import { storyFileJobs } from './files.ts';
import { loadRenderers, type Renderers } from './renderers.ts';
import { locatorLandFile } from './locator-land.ts';
import { PALETTE_CSS, RESOLVED_PALETTE_CSS, paletteCss } from './palette-css.ts';
import { LIST_FOLDER, loadSettings, type SiteSettings } from './site.ts';
import { STORY_UPDATED } from '../lib/page-ids.ts';

export interface StoryPagesOptions {
  /** Folder of story files, relative to the project root. */
  dir: string;
  /** The site's settings file (site.ts), relative to the project root: title and home story. */
  settings?: string;
  /**
   * Slug of the story also served as the site's `index.html`, overriding the settings' `home`
   * (for tests that build a site from a folder of fixture stories); `null` for no home story.
   */
  home?: string | null;
  /** Absolute address the site is published at (share tags and oEmbed need absolute URLs). */
  site: string;
}

const HEAD = '<!-- storymap:head -->';
const BODY = '<!-- storymap:body -->';
const HOST_SCRIPT = new URL('../lib/embed/host-script.js', import.meta.url);

/** The page body's renderer: it imports Svelte components, which Node cannot load on its own. */
const PRERENDER = fileURLToPath(new URL('./prerender.ts', import.meta.url));
const INDEX_PAGE = fileURLToPath(new URL('./index-page.ts', import.meta.url));

/** In dev, the renderers through the server's own SSR loader: an edited component shows at once. */
const ssrPrerender = async (server: ViteDevServer) =>
  ((await server.ssrLoadModule(PRERENDER)) as typeof import('./prerender.ts')).prerender;
const ssrRenderIndex = async (server: ViteDevServer) =>
  ((await server.ssrLoadModule(INDEX_PAGE)) as typeof import('./index-page.ts')).renderIndex;

/**
 * The list page's HTML before its body is rendered: the page's style sheet (app.css and a few
 * rules of its own) and the palette's colours inline, and no script at all.
 */
const indexTemplate = () => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    ${HEAD}
    <link rel="stylesheet" href="/src/lib/ui/story-index.css" />
    <style>
${paletteCss()}
    </style>
  </head>
  <body>
    ${BODY}
  </body>
</html>
`;

function indexHead(settings: SiteSettings, site: string, csp: boolean, list: string): string {
  const title = escapeHtml(settings.title);
  return [
    ...(csp ? [`<meta http-equiv="Content-Security-Policy" content="${CSP}" />`] : []),
    `<title>${title}</title>`,
    ...(settings.description ? [`<meta name="description" content="${escapeHtml(settings.description)}" />`] : []),
    `<link rel="canonical" href="${new URL(list, site).href}" />`,
  ].join('\n    ');
}

/** `/index.html` → home (the list's path is told apart first); `/<slug>/index.html` → story; `/<slug>/embed/index.html` → embed. */
export function pageOf(path: string, home: string | undefined): { slug: string; kind: PageKind } {
  const match = /^\/([a-z0-9-]+)\/(embed\/)?(?:index\.html)?$/.exec(path);
  if (!match?.[1]) return { slug: home ?? '', kind: 'home' };
  return { slug: match[1], kind: match[2] ? 'embed' : 'story' };
}

/** The settings, with a home story given in code (tests) taking precedence over the file's. */
function settingsFor(options: StoryPagesOptions, root: string): SiteSettings {
  const settings = loadSettings(options.settings && resolve(root, options.settings), root);
  if (options.home === undefined) return settings;
  return {
    title: settings.title,
    ...(settings.description ? { description: settings.description } : {}),
    ...(options.home ? { home: options.home } : {}),
  };
}

/** The list of stories' address: the front page, or `stories/` beside a home story. */
const listFolder = (settings: SiteSettings) => (settings.home ? `${LIST_FOLDER}/` : '');

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

/**
 * The story pages, their style inlined once Vite has built them (inline-css.ts), then their text
 * fonts cut to their characters (subset-fonts.ts).
 */
export function storyPages(options: StoryPagesOptions): Plugin[] {
  return [...pagesPlugin(options), inlineCss(), subsetFonts(), lazyCode()];
}

function pagesPlugin(options: StoryPagesOptions): Plugin[] {
  let config: ResolvedConfig;
  /** The build's page renderer, loaded at buildStart; a dev server loads it per request instead. */
  let prerender: Renderers['prerender'] | undefined;
  let renderIndex: Renderers['renderIndex'] | undefined;
  let settings: SiteSettings;
  let devServer: ViteDevServer | undefined;
  let built = new Map<string, BuiltStory>();
  let files = new Map<string, string | Uint8Array>();
  /** A build's story files not made yet (`load(true)`): made while the bundler works (buildEnd). */
  let jobs: ReturnType<typeof storyFileJobs> = [];
  let making: Promise<void> | undefined;
  /** The stories' image files, made on demand: all of them in a build, the one asked for in dev. */
  let images = new Map<string, ImageJob>();
  /** Encoded images by file name, kept between builds and dev sessions (images.ts). */
  const imageCache = () => resolve(root(), 'node_modules/.cache/storymap-images');
  /** Set when configResolved has just loaded the stories, so buildStart needn't load them again. */
  let fresh = false;
  const root = () => config.root;
  const dir = () => resolve(root(), options.dir);
  const site = options.site.endsWith('/') ? options.site : `${options.site}/`;
  const pageIds = () =>
    new Set([...built.keys()].flatMap((slug) => [pageId(slug), pageId(`${slug}/embed`)])).add(listId());
  const listId = () => pageId(listFolder(settings));
  /** The list's path as a request or transformIndexHtml names it. */
  const isList = (path: string) => path.replace(/(^|\/)index\.html$/, '$1') === `/${listFolder(settings)}`;
  const pageId = (folder: string) => resolve(root(), folder, 'index.html');
  const template = () => readFileSync(resolve(root(), 'index.html'), 'utf8');

  const settingsPath = () => options.settings && resolve(root(), options.settings);
  const load = (later = false) => {
    settings = settingsFor(options, root());
    const paths = storyFilesIn(dir());
    const twin = paths.find((file, i) => paths.findIndex((f) => slugOf(f) === slugOf(file)) !== i);
    if (twin) throw new StoryBuildError(`two stories in ${options.dir} are named "${slugOf(twin)}": rename one`);
    if (paths.some((file) => slugOf(file) === LIST_FOLDER))
      throw new StoryBuildError(`"${LIST_FOLDER}" is the list of stories' address: rename that story file`);
    built = new Map(paths.map((file) => [slugOf(file), buildStory(file, root())]));
    if (settings.home && !built.has(settings.home))
      throw new StoryBuildError(`home story "${settings.home}" is not in ${options.dir}`);
    jobs = [...built.values()].flatMap((b) => storyFileJobs(b, site));
    files = new Map(later ? [] : jobs.map(([file, make]) => [file, make()]));
    if (!later) jobs = [];
    files.set('embed.js', readFileSync(HOST_SCRIPT, 'utf8'));
    const land = locatorLandFile();
    files.set(land.file, land.text);
    images = new Map([...built.values()].flatMap((b) => [...b.images]));
  };
  /** Every image decodes, or a StoryBuildError names each one that does not, at its story's line. */
  const checkImages = async () => {
    const withImages = storyFilesIn(dir()).filter((file) => built.get(slugOf(file))?.images.size);
    const errors = await decodeErrors(withImages, root());
    if (errors.length) throw new StoryBuildError(`Invalid story:\n${formatErrors(errors)}`);
  };

  /**
   * Each page's body, written in after Vite has processed the page: it links nothing Vite resolves
   * (the static maps and images are the plugin's own files), and Vite's parse of the whole of a
   * long story's pages, four of 260 kB, was about 0.4 s of its build.
   */
  const bodies: Plugin = {
    name: 'storymap:story-bodies',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (isList(ctx.path)) {
          const render = devServer ? await ssrRenderIndex(devServer) : renderIndex;
          if (!render) throw new Error('the page renderer is not loaded (buildStart has not run)');
          const root = settings.home ? '../' : './';
          const body = render(
            settings,
            [...built.values()].map((b) => b.story),
            root,
          );
          return html.replace(BODY, () => body);
        }
        const page = pageOf(ctx.path, settings.home);
        const story = built.get(page.slug);
        if (!story) throw new Error(`no story "${page.slug}"`);
        // In dev, the server's own loader: an edited component shows on the next reload.
        const render = devServer ? await ssrPrerender(devServer) : prerender;
        if (!render) throw new Error('the page renderer is not loaded (buildStart has not run)');
        return html.replace(BODY, () => render(pageData(story, page.kind), page.kind));
      },
    },
  };

  const pages: Plugin = {
    name: 'storymap:story-pages',
    config(userConfig) {
      const base = resolve(userConfig.root ?? process.cwd());
      const slugs = storyFilesIn(resolve(base, options.dir)).map(slugOf);
      const home = settingsFor(options, base).home;
      const input = Object.fromEntries([
        ['index', resolve(base, 'index.html')],
        ...(home ? [[`${LIST_FOLDER}/index`, resolve(base, LIST_FOLDER, 'index.html')]] : []),
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
        load(true);
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
      if (config.command === 'build') ({ prerender, renderIndex } = await loadRenderers());
    },
    resolveId(id) {
      if (id === PALETTE_CSS) return RESOLVED_PALETTE_CSS;
      return pageIds().has(id) ? id : null;
    },
    load(id) {
      // The colours' custom properties, from the palette (palette-css.ts), as main.ts imports them.
      if (id === RESOLVED_PALETTE_CSS) return paletteCss();
      if (id === listId()) return indexTemplate();
      return pageIds().has(id) ? template() : null;
    },
    transformIndexHtml: {
      order: 'pre',
      // The head, before Vite resolves what it links. The body comes last (`bodies`, above).
      handler(html, ctx) {
        const csp = config.command === 'build';
        if (isList(ctx.path)) {
          const head = indexHead(settings, site, csp, listFolder(settings));
          return html.replace(HEAD, () => head);
        }
        const page = pageOf(ctx.path, settings.home);
        const story = built.get(page.slug);
        if (!story) throw new Error(`no story "${page.slug}"`);
        const head = pageHead(story, { kind: page.kind, site, csp });
        // Replaced by functions: a replacement string would read story text's `$&` or `$'` as patterns.
        // `<html lang dir>` follow the story's language, before any script runs.
        return withLanguage(
          html.replace(HEAD, () => head),
          story.story,
        );
      },
    },
    buildEnd(error) {
      // The bundler now renders and minifies the chunks in threads of its own, for a third of a
      // second or more, while this thread waits: the static maps are drawn then, one a turn, and
      // generateBundle waits for the last. The long fixture story's build took 0.1–0.2 s less.
      if (error) return;
      const todo = jobs;
      jobs = [];
      making = (async () => {
        for (const [file, make] of todo) {
          files.set(file, make());
          await new Promise((ok) => setImmediate(ok));
        }
      })();
      // A drawing that throws fails the build in generateBundle, not as an unhandled rejection now.
      making.catch(() => undefined);
    },
    async generateBundle() {
      await making;
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
      if (images.size === 0) return;
      try {
        await checkImages();
      } catch (error) {
        throw withoutStack(error);
      }
      // One at a time: each encoder already uses every core it is given.
      for (const [fileName, job] of images)
        this.emitFile({ type: 'asset', fileName, source: await encodeImage(fileName, job, imageCache()) });
    },
    configureServer(server) {
      devServer = server;
      // A story saved (added, removed): rebuilt, and the open pages told, so they show it without
      // a reload (main.ts). A story with problems keeps the last good one on the page and shows
      // its problems there (Vite's error overlay) and in the terminal, as the build prints them.
      // The watcher (chokidar) drops a second change to a file within 50 ms of the first, as when a
      // formatter saves just after the editor: each change is looked at again a little later, and
      // the stories loaded once more if a file has changed since they were read.
      let again: ReturnType<typeof setTimeout> | undefined;
      const onStory = (file: string) => {
        if (!file.startsWith(dir()) && resolve(file) !== settingsPath()) return;
        const read = savedAt();
        clearTimeout(again);
        again = setTimeout(() => {
          const now = savedAt();
          if (now !== undefined && now !== read) onStory(file);
        }, 200).unref();
        try {
          load();
        } catch (error) {
          if (!(error instanceof StoryBuildError)) throw error;
          showError(error);
          return;
        }
        server.ws.send({ type: 'custom', event: STORY_UPDATED, data: { slugs: [...built.keys()] } });
        // An image that will not decode is found after the page has updated: shown as any mistake.
        checkImages().catch((error: unknown) => {
          if (error instanceof StoryBuildError) showError(error);
          else server.config.logger.error(String(error));
        });
      };
      /** When each story file (and the settings) was last saved, as one string to compare. */
      const savedAt = (): string | undefined => {
        try {
          return [...storyFilesIn(dir()), settingsPath() ?? '']
            .map((path) => `${path} ${path && statSync(path, { throwIfNoEntry: false })?.mtimeMs}`)
            .join('\n');
        } catch {
          return undefined; // the folder is gone (the server closing): nothing to look at again
        }
      };
      const showError = (error: StoryBuildError) => {
        server.config.logger.error(error.message, { timestamp: true });
        server.ws.send({ type: 'error', err: { message: error.message, stack: '', plugin: 'storymap' } });
      };
      for (const event of ['change', 'add', 'unlink'] as const) server.watcher.on(event, onStory);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const image = images.get(path.slice(1));
        if (image) {
          encodeImage(path.slice(1), image, imageCache())
            .then((data) => {
              res.setHeader('Content-Type', `image/${image.format}`);
              res.end(data);
            })
            .catch(next);
          return;
        }
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
        const list = isList(path);
        const page = list ? undefined : pageOf(path, settings.home);
        if (list || (page && page.kind !== 'home' && built.has(page.slug))) {
          server
            .transformIndexHtml(
              path.endsWith('/') ? `${path}index.html` : path,
              list ? indexTemplate() : template(),
              req.originalUrl,
            )
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
  return [pages, bodies];
}
