// Shared by the browser tests: Debian's Chromium with the test build of Sift loaded, the
// fixtures served from 127.0.0.1, and nothing else ever reaches the network (see the route below).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath, extensionFlags } from '../support/chromium';
import { readLabels, type Labels } from '../support/load-page';
import { E2E_DIST, ROOT } from './global-setup';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** How long to wait for something the extension does asynchronously (a badge, a render). */
export const WAIT = { timeout: 15_000 };

/** A fixture's labels (tests/support/load-page.ts reads them for every tool and test). */
export function labelsOf(id: string): Labels {
  return readLabels(join(FIXTURES, id));
}

/** The phrases the labels say the article holds; the browser tests only use fixtures that name some. */
export function mustContain(labels: Labels): string[] {
  if (!labels.article_must_contain?.length) throw new Error('these labels name no article_must_contain phrase');
  return labels.article_must_contain;
}

/** The labelled URL of a fixture: every fixture the browser tests serve has one. */
function urlOf(id: string): URL {
  const { url } = labelsOf(id);
  if (!url) throw new Error(`fixture ${id} has no url in its labels.json`);
  return new URL(url);
}

/** Serves each fixture at the path of its canonical URL, so its relative links resolve as on the real site. */
export interface FixtureServer {
  origin: string;
  urlOf: (id: string) => string;
  close: () => Promise<void>;
}

export async function serveFixtures(): Promise<FixtureServer> {
  const byPath = new Map<string, string>();
  for (const id of readdirSync(FIXTURES)) {
    if (!existsSync(join(FIXTURES, id, 'labels.json'))) continue;
    const url = urlOf(id);
    byPath.set(url.pathname + url.search, id);
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const id = byPath.get(path);
    if (!id) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    // no-store keeps every test's page fresh, and out of the back/forward cache; a URL with
    // ?cacheable leaves it out, for the tests of that cache (lifecycle.test.ts).
    const cacheable = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.has('cacheable');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(cacheable ? {} : { 'cache-control': 'no-store' }) });
    res.end(readFileSync(join(FIXTURES, id, 'source.html')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlOf: (id) => {
      const url = urlOf(id);
      return origin + url.pathname + url.search;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  /** Sift's background service worker: the tests read badges and tabs through it. */
  worker: Worker;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Keep Chromium's back/forward cache, which Playwright turns off by default. */
  bfcache?: boolean;
  /** Another unpacked copy of the test build (issue 19's tests load one without host access). */
  dist?: string;
}

export async function launchWithSift(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'sift-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...extensionFlags(options.dist ?? E2E_DIST), ...CHROMIUM_FLAGS],
    ...(options.bfcache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
  context.setDefaultTimeout(WAIT.timeout);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '127.0.0.1') return route.continue();
    // A tab opened on another site gets a local stand-in page, so it keeps its URL for the test
    // to read; everything else from outside (ads, analytics, images) is refused.
    if (route.request().isNavigationRequest()) {
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>offline</title>offline stand-in' });
    }
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `page`, asked of the extension (the test build has `tabs`). */
export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === href)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`No tab found for ${url}`);
  return id;
}

export function badgeText(browser: Browser, tabId: number): Promise<string> {
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export function badgeTitle(browser: Browser, tabId: number): Promise<string> {
  return browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

/**
 * The popup, pointed at `tabId` (popup.html?tab=…) and opened in a window of its own, as the
 * toolbar popup floats outside the tab strip: tabs it opens land next to the page's tab.
 */
export async function openPopup(browser: Browser, tabId: number): Promise<Page> {
  const url = `chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`;
  const [popup] = await Promise.all([
    browser.context.waitForEvent('page'),
    browser.worker.evaluate((href) => chrome.windows.create({ url: href, type: 'popup', width: 720, height: 600 }), url),
  ]);
  await popup.waitForURL(url);
  await popup.waitForLoadState('load');
  return popup;
}

/**
 * Switches reader mode on from the popup's button, as a reader would, and waits until `ready`
 * (a selector under the reader's host) is in the page.
 */
export async function readerOn(browser: Browser, tabId: number, page: Page, ready = '.sift-title'): Promise<void> {
  const popup = await openPopup(browser, tabId);
  const button = popup.getByRole('button', { name: 'Reader mode' });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed'), WAIT).toBe('true');
  await popup.close();
  await page.bringToFront();
  await page.locator(`sift-reader ${ready}`).waitFor(WAIT);
}

/** Opens a fixture page and waits until Sift's content script has had its say. */
export async function openFixture(browser: Browser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await tabIdOf(browser, page) };
}

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's violations in Sift's own UI on `page` ("rule: selector" strings). The article body is
 * the page's content, not Sift's, and is left out. `within` limits the check (the reader overlay).
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(AXE); // evaluate, not a <script>: the popup's CSP allows no inline script
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const context = { include: include ? [[include]] : [['html']], exclude: [['.sift-body']] };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  }, within ?? null);
}

/**
 * The fixtures served and Chromium launched with the test build of Sift, for the whole file
 * (beforeAll), closed after it (afterAll). Read `.browser` and `.server` inside the tests.
 */
/** `options` may be a function, read in beforeAll (a build another setup step makes). */
export function useSiftBrowser(options: LaunchOptions | (() => LaunchOptions) = {}): { readonly browser: Browser; readonly server: FixtureServer } {
  const state = {} as { browser: Browser; server: FixtureServer };
  beforeAll(async () => {
    state.server = await serveFixtures();
    state.browser = await launchWithSift(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
