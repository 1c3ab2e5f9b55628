// For the browser tests of issue 19 (sites, Open in Sift, rules), with Sift launched without host
// access as shipped (useSiftBrowser({ hostAccess: false })): made-up sites under .test served
// by routes from the fixtures; and a way to approve a site as the reader would in Chrome's own
// settings for Sift (chrome://extensions, "Site access": the page's developerPrivate API).
//
// What a test cannot reach: the browser's permission prompt. Chromium shows it for a
// permissions.request that the reader has not approved before, and no test can answer it. A site
// approved in Chrome's settings first is granted by the same request without a prompt, and only
// then: until Sift asks (permissions.contains is false before the click), it has no access.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from './chromium';
import { FIXTURES } from './paths';

/** Serves `pages` (path -> fixture id) at `origin` (http://<name>.test) in this browser. */
export async function serveSite(browser: Browser, origin: string, pages: Record<string, string>): Promise<void> {
  await browser.context.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const id = pages[path];
    if (!id) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: readFileSync(join(FIXTURES, id, 'source.html')),
    });
  });
}

/**
 * Approves `host` for Sift in Chrome's extension settings ("Site access: on specific sites"), as a
 * reader can there. Sift's own permissions.request for the host is then granted without a prompt.
 */
export async function approveInBrowserSettings(browser: Browser, host: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      async ([id, site]) => {
        const dev = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
        await dev.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
        for (const pattern of [`http://${site}/*`, `https://${site}/*`]) await dev.addHostPermission(id, pattern);
      },
      [browser.extensionId, host] as const,
    );
  } finally {
    await page.close();
  }
}

interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
}

/** Whether Sift holds `host` now (asked of its background). */
export function siteGranted(browser: Browser, host: string): Promise<boolean> {
  return browser.worker.evaluate((h) => chrome.permissions.contains({ origins: [`http://${h}/*`, `https://${h}/*`] }), host);
}

/** Sift's table of sites as stored (lib/settings.ts, local:sites). */
export function storedSites(browser: Browser): Promise<unknown> {
  return browser.worker.evaluate(async () => (await chrome.storage.local.get('sites')).sites ?? {});
}

export function setStoredSites(browser: Browser, sites: unknown): Promise<void> {
  return browser.worker.evaluate((value) => chrome.storage.local.set({ sites: value }), sites);
}

/**
 * Resolves once the background has decided about reader mode for the page in `tabId` (it records
 * that per tab, entrypoints/background/sites.ts): then a reader that did not open will not.
 */
export async function backgroundDecided(browser: Browser, tabId: number): Promise<void> {
  const key = `site-tab-${tabId}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = await browser.worker.evaluate(async (k) => k in (await chrome.storage.session.get(k)), key);
    if (found) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the background recorded nothing for tab ${tabId}`);
}

/** Sift's options page, opened as a reader would open it (or with a query: ?allow=…, ?open=…). */
export async function openOptions(browser: Browser, query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${query}`);
  await page.locator('h1').waitFor();
  return page;
}
