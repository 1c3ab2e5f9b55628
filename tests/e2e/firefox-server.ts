// One local HTTP server on 127.0.0.1 with two jobs for the Firefox test:
// - it serves a fixture page at the path of its labelled URL (seed-dedecms at /news/372915.html),
//   so root-relative links such as its self-link resolve as they do on the real site;
// - it is the proxy Firefox sends all its traffic to (firefox-launch.ts), and refuses every
//   request for another host, so neither the page's ad scripts nor Firefox reach the network.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readLabels } from '../support/load-page';

export interface FixtureServer {
  /** The fixture page's address on this server. */
  pageUrl: string;
  port: number;
  /** Requests refused because they were bound elsewhere (for the test's log). */
  refused: string[];
  close(): Promise<void>;
}

export async function serveFixture(fixtureDir: string): Promise<FixtureServer> {
  const html = readFileSync(join(fixtureDir, 'source.html'));
  const labels = readLabels(fixtureDir);
  const path = labels.url ? new URL(labels.url).pathname : '/';
  const refused: string[] = [];

  const server: Server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    // Proxied requests carry an absolute URL; direct ones a path.
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const local = url.hostname === '127.0.0.1' && Number(url.port) === port;
    if (!local) {
      refused.push(url.href);
      res.writeHead(403, { 'content-type': 'text/plain' }).end('offline test');
    } else if (url.pathname === path) {
      // The page declares its own charset in a <meta>; bytes are served as they are.
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // HTTPS through a proxy starts with CONNECT: refuse the tunnel.
  server.on('connect', (req, socket) => {
    refused.push(`https://${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://127.0.0.1:${port}${path}`,
    port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
