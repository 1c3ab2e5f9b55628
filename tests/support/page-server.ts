// The one local page server of the tests and tools: pages from disk on 127.0.0.1, nothing else.
// - Fixtures are served at the path of their labelled URL (seed-dedecms at /news/372915.html), so
//   root-relative links such as a page's self-link resolve as they do on the real site.
// - Corpus pages are served at /corpus/<id> as they were saved: their <meta charset> decides.
// - It can also be a browser's proxy (Firefox sends all its traffic to it, firefox-launch.ts): a
//   request for another host, or an HTTPS tunnel, is refused and logged, so neither a page's ad
//   scripts nor the browser reach the network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { labelsOf } from './load-page';
import { CORPUS_PAGES, FIXTURES } from './paths';

/** What the server answers for one address. */
export interface ServedPage {
  /** The file whose bytes are the body, served as they are. */
  file: string;
  contentType: string;
  /** Send `cache-control: no-store`: the page stays fresh and out of the back/forward cache. */
  noStore?: boolean;
  /** More response headers (the Firefox race's CSP that keeps page scripts off). */
  headers?: Record<string, string>;
}

export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Requests refused because they were bound elsewhere (only a proxy gets them), for the log. */
  refused: string[];
  close(): Promise<void>;
}

/** A server of pages by id: `urlOf(id)` is the page's address on it. */
export interface IdServer extends PageServer {
  urlOf(id: string): string;
}

/** Serves what `pageAt` finds for each request's URL (404 where it finds nothing). */
export async function servePages(pageAt: (url: URL) => ServedPage | undefined): Promise<PageServer> {
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    // Proxied requests carry an absolute URL; direct ones a path.
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.hostname !== '127.0.0.1' || Number(url.port) !== port) {
      refused.push(url.href);
      res.writeHead(403, { 'content-type': 'text/plain' }).end('offline test');
      return;
    }
    const page = pageAt(url);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': page.contentType, ...(page.noStore ? { 'cache-control': 'no-store' } : {}), ...page.headers });
    res.end(readFileSync(page.file));
  });
  // HTTPS through a proxy starts with CONNECT: refuse the tunnel.
  server.on('connect', (req, socket) => {
    refused.push(`https://${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The labelled URL of a fixture: every fixture the browser tests serve has one. */
function labelledUrl(id: string): URL {
  const { url } = labelsOf(id);
  if (!url) throw new Error(`fixture ${id} has no url in its labels.json`);
  return new URL(url);
}

/**
 * Every fixture of tests/fixtures at the path of its labelled URL, as UTF-8, with no-store; a URL
 * with ?cacheable leaves no-store out, for the tests of the back/forward cache (lifecycle.test.ts).
 */
export async function serveFixtures(): Promise<IdServer> {
  const byPath = new Map<string, string>();
  for (const id of readdirSync(FIXTURES)) {
    if (existsSync(join(FIXTURES, id, 'labels.json'))) byPath.set(labelledUrl(id).pathname, id);
  }
  const server = await servePages((url) => {
    const id = byPath.get(url.pathname);
    if (!id) return undefined;
    return { file: join(FIXTURES, id, 'source.html'), contentType: 'text/html; charset=utf-8', noStore: !url.searchParams.has('cacheable') };
  });
  return {
    ...server,
    urlOf: (id) => {
      const url = labelledUrl(id);
      return server.origin + url.pathname + url.search;
    },
  };
}

/** The pages `ids` of ../shared/corpus at /corpus/<id>, bytes as saved (their <meta charset> decides). */
export async function serveCorpusPages(ids: readonly string[]): Promise<IdServer> {
  const server = await servePages((url) => {
    const id = decodeURIComponent(url.pathname.replace(/^\/corpus\//, ''));
    return ids.includes(id) ? { file: join(CORPUS_PAGES, id, 'source.html'), contentType: 'text/html' } : undefined;
  });
  return { ...server, urlOf: (id) => `${server.origin}/corpus/${encodeURIComponent(id)}` };
}
