// @vitest-environment node
// Sift across the MV3 life cycle (issue 21, part 3): the service worker stopped between actions,
// and the extension reloaded while reader mode is on.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, openFixture, useSiftBrowser, WAIT } from './harness';
import { stopWorker, workerRestarted } from './worker-stop';

const sift = useSiftBrowser();

/** The reader switched the way the background does it (scripting.executeScript of /reader.js). */
function toggleInPage(tabId: number): Promise<boolean | undefined> {
  return sift.browser.worker.evaluate(async (id) => {
    const [injected] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/reader.js'] });
    return (injected?.result as { active?: boolean } | undefined)?.active;
  }, tabId);
}

/**
 * The popup opened as a tab (popup.html?tab=…): unlike the harness's openPopup it asks nothing of
 * the worker, so it is the popup's own request that wakes a stopped one.
 */
async function popupTab(tabId: number): Promise<Page> {
  const popup = await sift.browser.context.newPage();
  await popup.goto(`chrome-extension://${sift.browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
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
