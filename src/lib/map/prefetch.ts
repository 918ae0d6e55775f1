/**
 * The live map starts at the reader's first move (MapView's `whenPresent`), and then needs its
 * code, its worker, its fonts and the story's basemap: about half a megabyte compressed, which a
 * phone on a slow mobile network takes seconds to fetch. These files are fetched earlier, while
 * the reader reads the opening, as bytes only: `rel="prefetch"` is the browser's lowest priority,
 * runs no script and parses nothing, so the first paint and the main thread are untouched. At the
 * first move the map then starts from the browser's cache.
 */
import { PAGE_IDS } from '../page-ids.ts';
import { workerUrl } from './files.ts';
import { contextFonts } from './contextFonts.ts';

/**
 * The addresses to fetch ahead: the map's code as the build lists it in the page, the worker and
 * the context labels' font, then `data` (the story's basemap and the like). None under the dev
 * server, whose pages have no such list: there the map's code is served module by module.
 */
export function mapFiles(doc: Document, data: readonly string[]): string[] {
  const list = doc.getElementById(PAGE_IDS.lazyCode);
  if (!(list instanceof HTMLTemplateElement)) return [];
  const code = [...list.content.querySelectorAll('link')].map((link) => link.getAttribute('href') ?? '');
  // Only the Latin context font (the page's own, so already fetched): Latin Extended is fetched by
  // the map only for a label that needs it. The map draws no other text: the story's places are
  // named by the page's markers, in HTML.
  const files = [...code, workerUrl, contextFonts(doc)[0]?.url ?? '', ...data];
  return [...new Set(files.filter(Boolean).map((file) => new URL(file, doc.baseURI).href))];
}

/** Asks the browser to fetch each address at its lowest priority, into its cache. */
export function prefetch(urls: readonly string[], doc: Document = document): void {
  const asked = new Set([...doc.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href));
  for (const url of urls) {
    if (asked.has(url)) continue;
    const link = doc.createElement('link');
    link.rel = 'prefetch';
    link.href = url;
    doc.head.append(link);
  }
}

/** The reader's "save data" wish (Chrome on Android, among others): then nothing is fetched ahead. */
function savesData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/**
 * Runs `run` once the page has loaded, the browser is idle and `target` (the map) is on screen:
 * an embed far down a host's article fetches nothing until the reader reaches it (from inside a
 * frame, the observer sees the host's viewport). Never when the reader saves data. Returns a way
 * to cancel, for when the map starts loading first.
 */
export function whenIdleAndSeen(target: Element, run: () => void): () => void {
  if (savesData()) return () => {};
  let observer: IntersectionObserver | undefined;
  const idleApi = 'requestIdleCallback' in window;
  let idle: number | undefined;
  const seen = () => {
    observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      cancel();
      run();
    });
    observer.observe(target);
  };
  // Safari has no requestIdleCallback: a second after load is late enough there.
  const afterLoad = () => {
    idle = idleApi ? requestIdleCallback(seen, { timeout: 2000 }) : window.setTimeout(seen, 1000);
  };
  const cancel = () => {
    window.removeEventListener('load', afterLoad);
    if (idle !== undefined) {
      if (idleApi) cancelIdleCallback(idle);
      else clearTimeout(idle);
    }
    observer?.disconnect();
  };
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
  return cancel;
}
