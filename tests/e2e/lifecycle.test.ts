// @vitest-environment node
// Sift across the MV3 life cycle (issue 21, part 3): the service worker stopped between actions,
// a page left and come back to (restored from the back/forward cache, or loaded again), and the
// extension reloaded while reader mode is on. Chromium runs with its back/forward cache here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, openFixture, openPopup, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { stopWorker, workerRestarted } from './worker-stop';

const sift = useSiftBrowser({ bfcache: true });

/** The reader switched the way the background does it (scripting.executeScript of /reader.js). */
function toggleInPage(tabId: number): Promise<boolean | undefined> {
  return sift.browser.worker.evaluate(async (id) => {
    const [injected] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/reader.js'] });
    return (injected?.result as { active?: boolean } | undefined)?.active;
  }, tabId);
}

/**
 * The popup opened as a tab (popup.html?tab=…): unlike tests/support's openPopup it asks nothing of
 * the worker, so it is the popup's own request that wakes a stopped one.
 */
async function popupTab(tabId: number): Promise<Page> {
  const popup = await sift.browser.context.newPage();
  await popup.goto(`chrome-extension://${sift.browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * Goes to `away`, waits until Sift has had its say there, and comes back with the Back button.
 * Resolves to whether the page came back from the back/forward cache: the `pageshow` event said
 * `persisted` and a window global set before leaving survived; else (it was loaded again) the
 * reasons Chromium gave for not restoring it.
 */
async function leaveAndComeBack(page: Page, tabId: number, away: string): Promise<{ restored: boolean; notRestored: string[] }> {
  const cdp = await sift.browser.context.newCDPSession(page);
  const notRestored: string[] = [];
  cdp.on('Page.backForwardCacheNotUsed', ({ notRestoredExplanations }) => {
    for (const e of notRestoredExplanations as { reason: string }[]) notRestored.push(e.reason);
  });
  await cdp.send('Page.enable');
  await page.evaluate(() => {
    const w = window as unknown as { siftLeft?: boolean; siftShown?: boolean[] };
    w.siftLeft = true;
    w.siftShown = [];
    addEventListener('pageshow', (event) => w.siftShown!.push(event.persisted));
  });
  await page.goto(away, { waitUntil: 'load' });
  // The other page's report is in: the badge is that page's (no article there: empty).
  await expect.poll(() => sift.browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), WAIT).toContain('no article');
  // A page restored from the cache fires no load event: wait for the document to be back instead.
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false), WAIT).not.toBe(false);
  const back = await page.evaluate(() => {
    const w = window as unknown as { siftLeft?: boolean; siftShown?: boolean[] };
    return { left: w.siftLeft === true, persisted: w.siftShown?.includes(true) ?? false };
  });
  await cdp.detach().catch(() => {});
  return { restored: back.left && back.persisted, notRestored };
}

describe('the MV3 life cycle', () => {
  it('keeps the badge, the opened items, reader mode and the popup\'s answer when the service worker is stopped between actions', async () => {
    const { browser } = sift;
    const { page, tabId } = await openFixture(browser, `${sift.server.urlOf('seed-dedecms')}?worker-stop`);
    // Read once with the worker up: the extraction's related count is the badge from then on.
    let popup = await popupTab(tabId);
    const title = (await popup.locator('.sift-title').first().textContent(WAIT))!.trim();
    expect(title.length).toBeGreaterThan(0);
    await popup.close();
    await expect.poll(() => badgeText(browser, tabId), WAIT).toMatch(/^\d+$/);
    const count = await badgeText(browser, tabId);

    // 1. Stopped; the popup's request wakes it: the same article, the same badge.
    await stopWorker(browser, page);
    popup = await popupTab(tabId);
    await expect.poll(async () => (await popup.locator('.sift-title').first().textContent())?.trim(), WAIT).toBe(title);
    expect(await workerRestarted(browser)).toBe(true);
    expect(await badgeText(browser, tabId)).toBe(count);
    // An item opened from it is marked.
    const link = popup.locator('.sift-item-link').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await popup.locator('.sift-item.is-opened').first().waitFor(WAIT);
    await popup.close();
    await expect.poll(() => browser.worker.evaluate((id) => chrome.tabs.query({}).then((all) => all.filter((t) => t.openerTabId === id).length), tabId), WAIT).toBe(1);

    // 2. Stopped; the popup opened again still marks the item.
    await stopWorker(browser, page);
    popup = await popupTab(tabId);
    await expect.poll(() => popup.locator('.sift-item.is-opened .sift-item-link').first().getAttribute('href').catch(() => null), WAIT).toBe(href);
    expect(await popup.locator('.sift-item.is-opened').count()).toBe(1);
    expect(await workerRestarted(browser)).toBe(true);
    await popup.close();

    // 3. Stopped; reader mode switched on from the popup: the page and the badge follow.
    await stopWorker(browser, page);
    popup = await popupTab(tabId);
    const button = popup.getByRole('button', { name: 'Reader mode' }); // 'Exit reader mode' once on
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(await workerRestarted(browser)).toBe(true);
    await page.locator('sift-reader .sift-title').waitFor(WAIT);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe('ON');
    await popup.close();

    // 4. Stopped; the popup opened again says reader mode is on, and the badge still does.
    await stopWorker(browser, page);
    popup = await popupTab(tabId);
    await popup.locator('.sift-state-reader-on').waitFor(WAIT);
    expect(await popup.getByRole('button', { name: 'Exit reader mode', exact: true }).count()).toBeGreaterThan(0);
    expect(await workerRestarted(browser)).toBe(true);
    expect(await badgeText(browser, tabId)).toBe('ON');
    await popup.close();

    // 5. Stopped; reader mode left from the page (Esc): its message wakes the worker, the badge
    // gives the count back.
    await stopWorker(browser, page);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe(count);
    expect(await workerRestarted(browser)).toBe(true);

    // 6. Stopped; the popup shows the article again, reader mode off, the item still marked.
    await stopWorker(browser, page);
    popup = await popupTab(tabId);
    await expect.poll(async () => (await popup.locator('.sift-title').first().textContent())?.trim(), WAIT).toBe(title);
    await expect.poll(() => popup.locator('.sift-item.is-opened').count(), WAIT).toBe(1);
    expect(await popup.getByRole('button', { name: 'Reader mode', exact: true }).getAttribute('aria-pressed')).toBe('false');
    expect(await workerRestarted(browser)).toBe(true);
    await popup.close();
    await page.close();
  }, 180_000);

  it('agrees with the page when it comes back from the back/forward cache: the badge, reader mode, the popup', async () => {
    const { browser } = sift;
    // Served without no-store, so that Chromium may keep it in its back/forward cache.
    const url = `${sift.server.urlOf('seed-dedecms')}?cacheable`;
    const away = sift.server.urlOf('zh-homepage-not-article');
    const { page, tabId } = await openFixture(browser, url);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toMatch(/^\d+$/);
    const count = await badgeText(browser, tabId);

    // Reader mode off: the count comes back with the page.
    const first = await leaveAndComeBack(page, tabId, away);
    expect(first, `not restored from the cache: ${first.notRestored.join(', ')}`).toMatchObject({ restored: true });
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe(count);

    // Reader mode on: the page comes back with its reader, and the button says ON.
    await readerOn(browser, tabId, page);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe('ON');
    const second = await leaveAndComeBack(page, tabId, away);
    expect(second, `not restored from the cache: ${second.notRestored.join(', ')}`).toMatchObject({ restored: true });
    expect(await page.locator('sift-reader .sift-title').count()).toBe(1);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe('ON');
    const popup = await openPopup(browser, tabId);
    await popup.locator('.sift-state-reader-on').waitFor(WAIT);
    await popup.close();
    // …and leaving reader mode there gives the count back.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe(count);
    await page.close();
  });

  it('agrees with the page when it is loaded again on coming back (not cacheable): reader mode off everywhere', async () => {
    const { browser } = sift;
    const { page, tabId } = await openFixture(browser, `${sift.server.urlOf('seed-dedecms')}?no-store`);
    // Chromium 156 keeps even a no-store page, unless its cookies change, as a signed-in site's do.
    await page.evaluate(() => {
      document.cookie = `sift-test=${Date.now()}`;
    });
    await expect.poll(() => badgeText(browser, tabId), WAIT).toMatch(/^\d+$/);
    const count = await badgeText(browser, tabId);
    await readerOn(browser, tabId, page);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe('ON');
    const back = await leaveAndComeBack(page, tabId, sift.server.urlOf('zh-homepage-not-article'));
    expect(back.restored, 'restored from the back/forward cache').toBe(false);
    expect(back.notRestored.length).toBeGreaterThan(0); // CacheControlNoStoreCookieModified
    expect(await page.locator('sift-reader').count()).toBe(0);
    await expect.poll(() => badgeText(browser, tabId), WAIT).toBe(count);
    const popup = await openPopup(browser, tabId);
    await popup.locator('.sift-body').waitFor(WAIT);
    expect(await popup.getByRole('button', { name: 'Reader mode', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await popup.close();
    await page.close();
  });

  it('ignores a pageshow that the page\'s scripts make up: the opened items stay marked', async () => {
    const { browser } = sift;
    const { page, tabId } = await openFixture(browser, `${sift.server.urlOf('seed-dedecms')}?forged-pageshow`);
    let popup = await openPopup(browser, tabId);
    await popup.locator('.sift-item-link').first().click();
    await popup.locator('.sift-item.is-opened').first().waitFor(WAIT);
    await popup.close();
    // What a page could send if it were taken for a restore: a fresh report, opened list cleared.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await page.waitForTimeout(1_000); // nothing to wait for when nothing happens; a report takes milliseconds
    popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.locator('.sift-item.is-opened').count(), WAIT).toBe(1);
    await popup.close();
    await page.close();
  });

  it('leaves no dead overlay or locked page when the extension is reloaded with reader mode on', async () => {
    const url = `${sift.server.urlOf('seed-dedecms')}?reload`;
    const { page, tabId } = await openFixture(sift.browser, url);
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      overflow: getComputedStyle(document.documentElement).overflow,
    }));
    expect(await toggleInPage(tabId)).toBe(true);
    await expect.poll(() => page.locator('sift-reader .sift-title').count(), WAIT).toBe(1);

    // (The test does not wait for the new service worker: put any test that needs it before this one.)
    await sift.browser.worker.evaluate(() => setTimeout(() => chrome.runtime.reload(), 50)).catch(() => {});

    // The orphaned reader takes itself down and gives the page back, scrolling included.
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    expect(
      await page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        overflow: getComputedStyle(document.documentElement).overflow,
      })),
    ).toEqual(before);
    await page.close();
  });
});
