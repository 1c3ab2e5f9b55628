// @vitest-environment node
// Sift across the MV3 life cycle (issue 21, part 3): the extension reloaded while reader mode is on.
import { describe, expect, it } from 'vitest';
import { openFixture, useSiftBrowser, WAIT } from './harness';

const sift = useSiftBrowser();

/** The reader switched the way the background does it (scripting.executeScript of /reader.js). */
function toggleInPage(tabId: number): Promise<boolean | undefined> {
  return sift.browser.worker.evaluate(async (id) => {
    const [injected] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/reader.js'] });
    return (injected?.result as { active?: boolean } | undefined)?.active;
  }, tabId);
}

describe('the MV3 life cycle', () => {
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
