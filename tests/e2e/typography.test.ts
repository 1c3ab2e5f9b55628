// @vitest-environment node
// Typography (issue 18) in the built extension: each setting, changed in the settings panel,
// changes the computed style of the article at once, in the popup and in reader mode on the same
// page; the column width changes the popup's column, as a toolbar popup and as a page.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openFixture, openPopup, openWithPopup, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';

const sift = useSiftBrowser();

async function resetSettings() {
  await sift.browser.worker.evaluate(() => chrome.storage.sync.remove('settings'));
}

/** What the typography settings decide, read from the first paragraph of the article. */
function styleOf(scope: Page | Locator) {
  return scope.locator('.sift-body p').first().evaluate((p) => {
    const style = getComputedStyle(p);
    return {
      lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
      letterSpacing: style.letterSpacing,
      marginBottom: parseFloat(style.marginBottom) / parseFloat(style.fontSize),
      textAlign: style.textAlign,
      lineBreak: style.lineBreak,
      fontFamily: style.fontFamily,
    };
  });
}

const round = (n: number) => Math.round(n * 100) / 100;

describe('typography settings', () => {
  it('apply at once in the popup and in reader mode on the same page', async () => {
    await resetSettings();
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await readerOn(sift.browser, tabId, page);
    const reader = page.locator('sift-reader');
    const popup = await openPopup(sift.browser, tabId);
    // Reader mode is on: the popup says so; the panel is there all the same.
    await popup.getByRole('button', { name: 'Settings' }).click();
    const panel = popup.locator('.sift-settings');

    const before = await styleOf(reader);
    expect({ ...before, lineHeight: round(before.lineHeight), marginBottom: round(before.marginBottom) }).toMatchObject({
      lineHeight: 1.75,
      letterSpacing: 'normal',
      marginBottom: 1,
      textAlign: 'start',
    });

    await panel.getByLabel('Line spacing').fill('2.2');
    await expect.poll(async () => round((await styleOf(reader)).lineHeight), WAIT).toBe(2.2);
    await panel.getByLabel('Letter spacing').fill('0.1');
    // 0.1 em of the 18 px text.
    await expect.poll(async () => (await styleOf(reader)).letterSpacing, WAIT).toBe('1.8px');
    await panel.getByLabel('Paragraph spacing').fill('2');
    await expect.poll(async () => round((await styleOf(reader)).marginBottom), WAIT).toBe(2);
    await panel.getByLabel('Justify text').check();
    // A Chinese article: justified, with strict line breaking.
    await expect.poll(async () => (await styleOf(reader)).textAlign, WAIT).toBe('justify');
    expect((await styleOf(reader)).lineBreak).toBe('strict');
    await panel.getByRole('radio', { name: 'Kai' }).check({ force: true });
    await expect.poll(async () => (await styleOf(reader)).fontFamily, WAIT).toMatch(/^"Kaiti SC", STKaiti, KaiTi/);
    await page.close();
    await popup.close();
  });

  it('apply in the popup, where the column width changes the column too', async () => {
    await resetSettings();
    const { page, popup } = await openWithPopup(sift.browser, sift.server.urlOf('en-news-related'));
    await popup.getByRole('button', { name: 'Settings' }).click();
    const panel = popup.locator('.sift-settings');
    await panel.getByLabel('Line spacing').fill('1.5');
    await panel.getByLabel('Letter spacing').fill('0.05');
    await panel.getByLabel('Paragraph spacing').fill('0.5');
    await panel.getByLabel('Justify text').check();
    await expect.poll(async () => {
      const s = await styleOf(popup);
      return [round(s.lineHeight), s.letterSpacing, round(s.marginBottom), s.textAlign];
    }, WAIT).toEqual([1.5, '0.9px', 0.5, 'justify']);
    // A Latin article keeps its Latin face first in the Kai preset, with CJK Kai faces after it.
    await panel.getByRole('radio', { name: 'Kai' }).check({ force: true });
    await expect.poll(async () => (await styleOf(popup)).fontFamily, WAIT).toMatch(/^"Palatino Linotype".*KaiTi/);

    const column = () => popup.locator('.sift-reader').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    const widths: Record<string, number> = {};
    for (const width of ['Narrow', 'Medium', 'Wide']) {
      await panel.getByRole('radio', { name: width }).check({ force: true });
      await expect.poll(() => popup.locator('.sift').getAttribute('data-width'), WAIT).toBe(width.toLowerCase());
      widths[`page ${width}`] = await column();
      // As the toolbar popup (not opened as a page): the popup's own width follows the setting.
      await popup.evaluate(() => document.documentElement.classList.remove('sift-as-page'));
      widths[`toolbar ${width}`] = await column();
      await popup.evaluate(() => document.documentElement.classList.add('sift-as-page'));
    }
    // In the 720 px window: 32em of 18 px, then the window's width less the padding for both others.
    expect(widths['page Narrow']).toBeLessThan(widths['page Medium']);
    // As the toolbar popup, three different columns: 600, 720 and 800 px less 2 × 28 px.
    expect([widths['toolbar Narrow'], widths['toolbar Medium'], widths['toolbar Wide']]).toEqual([544, 664, 744]);
    await popup.close();
    await page.close();
  });
});
