/**
 * A small static server for the built site (`npm start`): sends the `.br`/`.gz` copies that
 * src/build/compress.ts wrote when the browser accepts them, and lets browsers keep the hashed
 * files under assets/ for a year (their names change whenever their content does).
 * Run: `tsx src/build/serve.ts [dir=dist] [--port=4173]`. Binds 127.0.0.1 only.
 */
import { createServer, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Hashed build output: Vite's `name-hash.ext`, and the plugin's own names, the hash before a dot
 * (`font.hash.woff2`) or before a second extension (`basemap-slug-hash.fine.json`).
 */
const HASHED = /\/assets\/[^/]*[-.][\w-]{8,}(?:\.\w+)+$/;

/** Hashed files are safe to cache for good; everything else (pages, oEmbed, static maps) must revalidate. */
function cacheHeaders(res: ServerResponse, pathname: string): void {
  res.setHeader('Cache-Control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port) until `close()`. */
export async function serveDir(dir: string, port = 4173): Promise<Served> {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build the site first`);
  const files = sirv(dir, { dev: false, etag: true, brotli: true, gzip: true, setHeaders: cacheHeaders });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const port = Number(args.find((a) => a.startsWith('--port='))?.slice(7) ?? 4173);
  const served = await serveDir(dir, port);
  console.log(`serving ${dir} at ${served.url} (Ctrl-C to stop)`);
}
