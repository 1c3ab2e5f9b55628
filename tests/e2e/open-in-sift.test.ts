// @vitest-environment node
// Issue 19, "Open in Sift": a related item's button (in the popup and in reader mode) and the link
// menu item open the link in a new tab that shows reader mode, asking for the link's site at the
// click; without that site's access nothing opens in reader mode. Sift is loaded as shipped, with
// no host access (tests/support/site-access.ts: a site is approved in Chrome's settings first,
// as the browser's own prompt cannot be answered by a test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, openFixture, openPopup, readerOn, tabIdOf, useSiftBrowser } from '../support/sift-browser';
import { WAIT, type Browser } from '../support/chromium';
import { FIXTURES } from '../support/paths';
import { approveInBrowserSettings, openOptions, setStoredSites, siteGranted } from '../support/site-access';
import { stopWorker, workerRestarted } from './worker-stop';

const sift = useSiftBrowser({ hostAccess: false });

/** The article whose related list links to www.harborlinenews.com (/business/… and //…/science/…). */
const ARTICLE = readFileSync(join(FIXTURES, 'en-news-related', 'source.html'), 'utf8');
const OHIO = 'Ohio county weighs water limits for new server farms';
const HEAT = 'Inside the race to recycle data-center heat';
const ohioUrl = (host: string) => `https://${host}/business/2024/04/29/ohio-county-water-limits-data-centers`;
const heatUrl = (host: string) => `http://${host}/science/2024/04/18/data-center-waste-heat-reuse`;

/**
 * Serves `source` (http://<source>/<target>.html: the article, its related items moved to the
 * site `target`) and `target` (every page an article without a related list).
 */
async function serveSites(browser: Browser, source: string, target: string): Promise<void> {
  const html = (body: string) => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body });
  await browser.context.route(`http://${source}/${target}.html`, (route) => route.fulfill(html(ARTICLE.replaceAll('www.harborlinenews.com', target))));
  const other = readFileSync(join(FIXTURES, 'en-blog-no-related', 'source.html'), 'utf8');
  await browser.context.route(new RegExp(`^https?://${target.replaceAll('.', '\\.')}/`), (route) => route.fulfill(html(other)));
}

/** The page Sift can read: granted as "always" from the ask page, then the choice taken back (the access stays). */
async function grantSource(browser: Browser, host: string): Promise<void> {
  await approveInBrowserSettings(browser, host);
  const ask = await openOptions(browser, `?allow=${host}`);
  await ask.getByRole('button', { name: 'Allow' }).click();
  await expect.poll(() => siteGranted(browser, host), WAIT).toBe(true);
  await ask.close();
  await setStoredSites(browser, {});
}

/** The open page whose URL is `url`, once there is one. */
async function pageAt(browser: Browser, url: string): Promise<Page> {
  let found: Page | undefined;
  await expect.poll(() => (found = browser.context.pages().find((p) => p.url() === url)) !== undefined, WAIT).toBe(true);
  return found!;
}

/** The linked page opened in reader mode, its badge ON. */
async function expectReader(browser: Browser, url: string): Promise<Page> {
  const page = await pageAt(browser, url);
  await page.locator('sift-reader .sift-title').waitFor(WAIT);
  const tabId = await tabIdOf(browser, page);
  await expect.poll(() => badgeText(browser, tabId), WAIT).toBe('ON');
  return page;
}

const SOURCE = 'news-source.test';

describe('Open in Sift', () => {
  it('from the popup\'s related list: the item opens in a new tab in reader mode, its site asked for at the click', async () => {
    const { browser } = sift;
    const target = 'popup-target.test';
    await serveSites(browser, SOURCE, target);
    await grantSource(browser, SOURCE);
    await approveInBrowserSettings(browser, target);
    expect(await siteGranted(browser, target)).toBe(false);

    const source = await openFixture(browser, `http://${SOURCE}/${target}.html`);
    const popup = await openPopup(browser, source.tabId);
    const button = popup.getByRole('button', { name: `Open in Sift: ${OHIO}` });
    await button.click();
    const opened = await expectReader(browser, ohioUrl(target));
    expect(await siteGranted(browser, target)).toBe(true);
    // The item shows as opened, and the page it came from is left as it was.
    await popup.locator('.sift-item.is-opened').getByRole('link', { name: OHIO }).waitFor(WAIT);
    expect(await source.page.locator('sift-reader').count()).toBe(0);
    await Promise.all([popup.close(), opened.close(), source.page.close()]);
  });

  it('from reader mode\'s related list: without the site, Sift\'s page asks at a click, then the link opens in reader mode', async () => {
    const { browser } = sift;
    const target = 'reader-target.test';
    await serveSites(browser, SOURCE, target);
    await grantSource(browser, SOURCE);
    await approveInBrowserSettings(browser, target);
    const source = await openFixture(browser, `http://${SOURCE}/${target}.html`);
    await readerOn(browser, source.tabId, source.page);

    // A content script cannot ask for a site: the background opens the page that asks.
    await source.page.locator('sift-reader').getByRole('button', { name: `Open in Sift: ${OHIO}` }).click();
    const ask = await pageAt(browser, `chrome-extension://${browser.extensionId}/options.html?open=${encodeURIComponent(ohioUrl(target))}&tab=${source.tabId}`);
    await ask.locator('.sift-ask h2').getByText(target).waitFor(WAIT);
    expect(await siteGranted(browser, target)).toBe(false);
    await ask.getByRole('button', { name: 'Open in Sift' }).click();
    const first = await expectReader(browser, ohioUrl(target));

    // The site held, the next item opens at once, and shows as opened in the reader.
    await source.page.locator('sift-reader').getByRole('button', { name: `Open in Sift: ${HEAT}` }).click();
    const second = await expectReader(browser, heatUrl(target));
    await source.page.locator('sift-reader .sift-item.is-opened').getByRole('link', { name: HEAT }).waitFor(WAIT);
    await Promise.all([first.close(), second.close(), source.page.close()]);
  });

  it('the link menu item: there after a worker restart, and its click opens the link in reader mode', async () => {
    const { browser } = sift;
    const target = 'menu-target.test';
    await serveSites(browser, SOURCE, target);
    await approveInBrowserSettings(browser, target);
    const source = await openFixture(browser, `http://${SOURCE}/${target}.html`);

    // A test cannot click a native menu: the item is updated (which fails for an item that is not
    // there), the listener is asked for, and its function is called as the browser would call it.
    const menu = () =>
      browser.worker.evaluate(async () => {
        const exists = await new Promise<boolean>((resolve) => chrome.contextMenus.update('open-in-sift', {}, () => resolve(!chrome.runtime.lastError)));
        return { exists, listening: chrome.contextMenus.onClicked.hasListeners() };
      });
    expect(await menu()).toEqual({ exists: true, listening: true });
    await stopWorker(browser, source.page);
    await source.page.reload(); // the reader's next move wakes the worker
    expect(await workerRestarted(browser)).toBe(true);
    expect(await menu()).toEqual({ exists: true, listening: true });

    const click = (linkUrl: string) =>
      browser.worker.evaluate(
        async ([url, tabId, pageUrl]) => {
          const tab = await chrome.tabs.get(tabId);
          const handler = (globalThis as unknown as { siftLinkMenu: (info: object, tab: object) => Promise<void> }).siftLinkMenu;
          await handler({ menuItemId: 'open-in-sift', linkUrl: url, pageUrl, editable: false }, tab);
        },
        [linkUrl, source.tabId, source.page.url()] as const,
      );
    // Called from here the request has no click behind it, and the browser does not make it: the
    // click then goes the way reader mode's does, through the page that asks.
    await click(ohioUrl(target));
    const ask = await pageAt(browser, `chrome-extension://${browser.extensionId}/options.html?open=${encodeURIComponent(ohioUrl(target))}&tab=${source.tabId}`);
    await ask.getByRole('button', { name: 'Open in Sift' }).click();
    const first = await expectReader(browser, ohioUrl(target));
    // The site held, a click opens the next link at once.
    await click(heatUrl(target));
    const second = await expectReader(browser, heatUrl(target));
    // Not an http(s) link, or another item's click: nothing.
    const before = browser.context.pages().length;
    await click('javascript:alert(1)');
    await browser.worker.evaluate(async () => {
      const handler = (globalThis as unknown as { siftLinkMenu: (info: object) => Promise<void> }).siftLinkMenu;
      await handler({ menuItemId: 'other', linkUrl: 'https://menu-target.test/x', editable: false, pageUrl: 'https://menu-target.test/' });
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(browser.context.pages().length).toBe(before);
    await Promise.all([first.close(), second.close(), source.page.close()]);
  });

  it('without the site\'s access nothing opens in reader mode', async () => {
    const { browser } = sift;
    const target = 'refused-target.test';
    await serveSites(browser, SOURCE, target);
    await grantSource(browser, SOURCE);
    // Not approved in Chrome's settings: the browser would have to ask, and no test can answer.
    const source = await openFixture(browser, `http://${SOURCE}/${target}.html`);
    const popup = await openPopup(browser, source.tabId);
    await popup.getByRole('button', { name: `Open in Sift: ${OHIO}` }).click();
    // The prompt is up (Chromium shows it to no one here); the link waits for an answer that never comes.
    await expect
      .poll(() => browser.worker.evaluate(async () => Object.keys((await chrome.storage.session.get('open-in-sift-waiting'))['open-in-sift-waiting'] ?? {})), WAIT)
      .toEqual([target]);
    await readerOn(browser, source.tabId, source.page);
    await source.page.locator('sift-reader').getByRole('button', { name: `Open in Sift: ${HEAT}` }).click();
    const ask = await pageAt(browser, `chrome-extension://${browser.extensionId}/options.html?open=${encodeURIComponent(heatUrl(target))}&tab=${source.tabId}`);
    await ask.getByRole('button', { name: 'Not now' }).click();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await siteGranted(browser, target)).toBe(false);
    const onTarget = browser.context.pages().filter((p) => new URL(p.url()).hostname === target);
    expect(onTarget).toEqual([]);
    await Promise.all([popup.close(), ask.close(), source.page.close()]);
  });
});
