// A hostile "news.example" for the browser tests, served by request interception (no network):
// pages are registered by URL with their content type and, for the extraction phase, a page CSP
// under which the page's own copy of a vector cannot run (../shared/security/README.md §3.3).
// Every request to a *.example host is logged; unknown URLs get a 404.
import type { BrowserContext } from 'playwright-core';

export const ARTICLE_URL = 'https://news.example/2024/05/hostile-article.html';

// No script of the page runs ('none' cannot be combined with 'report-sample', so an unused nonce
// blocks everything instead); 'report-sample' puts the first 40 characters of a blocked inline
// script or handler into the violation event, which names the vector.
export const PAGE_CSP = "script-src 'report-sample' 'nonce-sift-never-used'; object-src 'none'";

export interface ServedPage {
  body: string | Buffer;
  contentType?: string;
  /** Serve with PAGE_CSP (default true for HTML). */
  csp?: boolean;
  status?: number;
}

export interface HostileSite {
  /** Serves `page` at `url` (an https://*.example URL) until replaced. */
  put(url: string, page: ServedPage): void;
  /** Every *.example request seen, in order. */
  requests: string[];
}

const EXAMPLE_HOST = /^https?:\/\/([a-z0-9-]+\.)*example(:\d+)?\//i;

export async function serveHostileSite(context: BrowserContext): Promise<HostileSite> {
  const pages = new Map<string, ServedPage>();
  const requests: string[] = [];
  // Registered after the launcher's catch-all abort (chromium.ts), so it takes precedence for *.example.
  await context.route(EXAMPLE_HOST, async (route) => {
    const url = route.request().url();
    requests.push(url);
    const page = pages.get(url.split('#')[0]);
    if (!page) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }).catch(() => {});
      return;
    }
    const contentType = page.contentType ?? 'text/html; charset=utf-8';
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (page.csp ?? contentType.startsWith('text/html')) headers['content-security-policy'] = PAGE_CSP;
    await route.fulfill({ status: page.status ?? 200, contentType, headers, body: page.body }).catch(() => {});
  });
  return { put: (url, page) => pages.set(url, page), requests };
}
