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
  // Registered after the harness's catch-all abort, so it takes precedence for *.example.
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

/** Fills the slots of ../shared/security/page-template.html (its README §3.1). */
export function fillTemplate(template: string, slots: { head?: string; article?: string; related?: string }): string {
  const head = slots.head ?? '';
  const title = /<title[\s>]/i.test(head)
    ? ''
    : '<title>Regional council approves long-debated transit plan | Example News</title>\n';
  // Function replacers: a vector's `$&` or `$'` must stay literal.
  return template
    .replace('{{HEAD}}', () => title + head)
    .replace('{{ARTICLE}}', () => slots.article ?? '')
    .replace('{{RELATED}}', () => slots.related ?? '');
}

/**
 * A vector's place in the article body: a block of its own, as a CMS embeds a snippet. Its end tag
 * closes what the vector leaves open (an unclosed <form>, <button> or <div>), which would
 * otherwise carry every following marker into an element that clean-up, Readability or the
 * sanitiser rightly drops with its content. What no end tag closes (raw text such as <xmp> or
 * <noembed>, foreign content under <mtext>) is still found by the markers (markersInPage).
 */
export function articleSlot(html: string): string {
  // The newline first, as before a marker: a vector that ends inside a tag (ow-25's `</script`)
  // must meet whitespace, not `</div>`, to end as the raw page would end it.
  return `<div class="vector">${html}\n</div>`;
}

/** An ordinary paragraph after each vector in the article: Readability keeps it, and it shows the vector did not swallow what follows. */
export function articleMarker(id: string): string {
  return `<p class="marker" data-marker="${id}">Marker ${id}. Council members also discussed parking, bus frequency and the cost of fares over the coming decade, and promised a further public hearing.</p>`;
}

/** An ordinary related item after each vector in the related list, for the same reason. */
export function relatedMarker(id: string): string {
  return `<li class="related-item" data-marker="${id}"><a href="/2024/05/marker-${id}.html"><h3>Marker story after ${id}</h3></a><p class="snippet">An ordinary snippet after ${id}.</p></li>`;
}
