// @vitest-environment node
// Sift across the MV3 life cycle (issue 21, part 3): the service worker stopped between two
// actions, the page left and restored from the back/forward cache with reader mode on, and the
// extension reloaded while reader mode is on.
import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { badgeText, labelsOf, openFixture, openPopup, useSiftBrowser, WAIT } from './harness';

const sift = useSiftBrowser();
const labels = labelsOf('seed-dedecms');

/** Sift's service worker now; after it was stopped, the one a message woke up. */
async function currentWorker(): Promise<Worker> {
  const live = sift.browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${sift.browser.extensionId}/`));
  return live ?? (await sift.browser.context.waitForEvent('serviceworker', WAIT));
}

/** Stops Sift's service worker the way DevTools does (Chrome does it after 30 s idle). */
async function stopServiceWorker(page: Page): Promise<void> {
  const closed = new Promise<void>((resolve) => sift.browser.worker.once('close', () => resolve()));
  const cdp = await sift.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await closed;
  await cdp.detach();
}

/** The reader switched the way the background does it (scripting.executeScript of /reader.js). */
function toggleInPage(tabId: number): Promise<boolean | undefined> {
  return sift.browser.worker.evaluate(async (id) => {
    const [injected] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/reader.js'] });
    return (injected?.result as { active?: boolean } | undefined)?.active;
  }, tabId);
}

describe('the MV3 life cycle', () => {
  it('keeps badge, opened marks, reader state and the popup answer when the service worker is stopped', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe(String(labels.related.length));

    const popup = await openPopup(sift.browser, tabId);
    const links = popup.locator('.sift-item-link');
    await expect.poll(() => links.count(), WAIT).toBe(labels.related.length);
    await links.nth(0).click({ button: 'middle' });
    await expect.poll(() => popup.locator('.sift-item.is-opened').count(), WAIT).toBe(1);
    const button = popup.getByRole('button', { name: 'Reader mode' });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => page.locator('sift-reader .sift-title').count(), WAIT).toBe(1);
    await popup.close();
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('ON');

    await stopServiceWorker(page);
    expect(sift.browser.context.serviceWorkers().filter((w) => w.url().includes(sift.browser.extensionId))).toEqual([]);

    // The popup wakes it: the same answer as before it stopped.
    const again = await openPopup(sift.browser, tabId);
    sift.browser.worker = await currentWorker();
    await expect.poll(() => again.locator('.sift-title').textContent(), WAIT).toBe(labels.title);
    const pressed = again.getByRole('button', { name: 'Reader mode' });
    await expect.poll(() => pressed.getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => again.locator('.sift-item.is-opened').count(), WAIT).toBe(1);
    expect(await badgeText(sift.browser, tabId)).toBe('ON');

    // And stopped again between two clicks: the toggle still reaches the page and the badge follows.
    await stopServiceWorker(page);
    await pressed.click();
    sift.browser.worker = await currentWorker();
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await expect.poll(() => pressed.getAttribute('aria-pressed'), WAIT).toBe('false');
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe(String(labels.related.length));
    await again.close();
    await page.close();
  });

  it('agrees with the page after the back/forward cache brings it back with reader mode on', async () => {
    const url = `${sift.server.urlOf('seed-dedecms')}?bfcache`;
    const { page, tabId } = await openFixture(sift.browser, url);
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe(String(labels.related.length));
    expect(await toggleInPage(tabId)).toBe(true);
    await expect.poll(() => page.locator('sift-reader .sift-title').count(), WAIT).toBe(1);
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).not.toBe(String(labels.related.length));

    // Another page in the same tab, then back.
    await page.goto(sift.server.urlOf('en-blog-no-related'), { waitUntil: 'load' });
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).not.toBe('ON');
    await page.goBack({ waitUntil: 'load' });
    const restored = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type);
    const fromCache = await page.evaluate(() => document.querySelector('sift-reader') !== null);
    console.log(`back/forward: navigation ${restored}, reader still in the page: ${fromCache}`);

    // Badge and page agree, whichever way the browser brought the page back.
    const readerShown = () => page.evaluate(() => document.querySelector('sift-reader') !== null);
    await expect
      .poll(async () => {
        const shown = await readerShown();
        const badge = await badgeText(sift.browser, tabId);
        return shown === (badge === 'ON');
      }, WAIT)
      .toBe(true);
    // And the popup says the same, and its toggle works from there.
    const popup = await openPopup(sift.browser, tabId);
    const button = popup.getByRole('button', { name: 'Reader mode' });
    await expect.poll(() => button.getAttribute('aria-pressed'), WAIT).toBe(String(await readerShown()));
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

    // (Last in this file: the test does not wait for the new service worker.)
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
