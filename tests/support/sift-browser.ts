// What every browser test file starts from: Chromium with Sift for the whole file, opened by one
// hook (useSiftBrowser, or useHostileSiftBrowser for the hostile news.example of the security
// tests), and the few moves every test makes in it: open a page, find its tab, read the badge,
// open the popup, switch reader mode on, ask axe-core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchWithSift, WAIT, type Browser, type LaunchOptions } from './chromium';
import { serveHostileSite, type HostileSite } from './hostile-site';
import { serveFixtures, type IdServer } from './page-server';
import { ROOT } from './paths';

/**
 * Opens what `open` opens (filling `state` as it goes, so a half-open state is still closed)
 * before the file's tests (beforeAll), and closes it after them (afterAll).
 */
function useForFile<S extends object>(open: (state: Partial<S>) => Promise<void>, close: (state: Partial<S>) => Promise<void>): S {
  const state: Partial<S> = {};
  beforeAll(() => open(state));
  afterAll(() => close(state));
  return state as S;
}

/**
 * The fixtures served (tests/support/page-server.ts) and Chromium launched with the test build of
 * Sift, for the whole file. Read `.browser` and `.server` inside the tests.
 */
export function useSiftBrowser(options: LaunchOptions = {}): { readonly browser: Browser; readonly server: IdServer } {
  return useForFile<{ browser: Browser; server: IdServer }>(
    async (state) => {
      state.server = await serveFixtures();
      state.browser = await launchWithSift(options);
    },
    async (state) => {
      await state.browser?.close();
      await state.server?.close();
    },
  );
}

/**
 * Chromium with Sift and the hostile news.example (tests/support/hostile-site.ts) served in it, for
 * the whole file: the security tests put their pages there. Read `.browser` and `.site` in the tests.
 */
export function useHostileSiftBrowser(): { readonly browser: Browser; readonly site: HostileSite } {
  return useForFile<{ browser: Browser; site: HostileSite }>(
    async (state) => {
      state.browser = await launchWithSift();
      state.site = await serveHostileSite(state.browser.context);
    },
    async (state) => {
      await state.browser?.close();
    },
  );
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

/** Opens a fixture page and the popup on it, and waits until `ready` is in the popup. */
export async function openWithPopup(browser: Browser, url: string, ready = '.sift-title'): Promise<{ page: Page; tabId: number; popup: Page }> {
  const { page, tabId } = await openFixture(browser, url);
  const popup = await openPopup(browser, tabId);
  await popup.locator(ready).waitFor(WAIT);
  return { page, tabId, popup };
}

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's violations in Sift's own UI on `page` ("rule: selector" strings). The article body is
 * the page's content, not Sift's, and is left out. `within` limits the check (the reader overlay);
 * `impacts` keeps only violations of those impacts ("rule (impact): selector").
 */
export async function axeViolations(page: Page, within?: string, impacts?: readonly string[]): Promise<string[]> {
  await page.evaluate(AXE); // evaluate, not a <script>: the popup's CSP allows no inline script
  return page.evaluate(
    async ([include, only]) => {
      type Result = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
      const context = { include: include ? [[include]] : [['html']], exclude: [['.sift-body']] };
      const result = await axe.run(context, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => !only || only.includes(v.impact ?? ''))
        .flatMap((v) => v.nodes.map((n) => `${v.id}${only ? ` (${v.impact})` : ''}: ${JSON.stringify(n.target)}`));
    },
    [within ?? null, impacts ?? null] as const,
  );
}
