// @vitest-environment node
// Related items a reader can triage (issue 15), in the built extension: the seed page's teasers
// are none of them on topic and the off-topic ones are folded; en-news-related's four stories are
// on topic and unfolded; "Related · N" takes focus to the list in the popup and in reader mode;
// a "Not related" mark is remembered for the site; the page-order and summaries settings are kept.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, badgeTitle, openFixture, openPopup, openWithPopup, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { labelsOf } from '../support/load-page';

const sift = useSiftBrowser();
const seed = labelsOf('seed-dedecms');
const news = labelsOf('en-news-related');

/** The popup on a fixture, once its related list is graded. */
async function gradedPopup(id: string) {
  const { page, tabId, popup } = await openWithPopup(sift.browser, sift.server.urlOf(id), '.sift-related-summary');
  return { page, tabId, popup };
}

const onTopicItems = (popup: Page) => popup.locator('.sift-item:not(.is-near):not(.is-off)');

describe('the seed page (seed-dedecms)', () => {
  it('shows no item as on topic, folds the off-topic ones with their reasons, and keeps the badge count', async () => {
    const { page, tabId, popup } = await gradedPopup('seed-dedecms');
    const total = seed.related.length;
    expect(await popup.locator('.sift-related-summary').textContent()).toBe(`0 of ${total} on this article's topic`);
    expect(await onTopicItems(popup).count()).toBe(0);
    // Every item is still there, on topic or not.
    const titles = await popup.locator('.sift-item-link').allTextContents();
    expect([...titles].sort()).toEqual(seed.related.map((item) => item.title).sort());

    const fold = popup.locator('details.sift-off');
    const off = fold.locator('.sift-item');
    const offCount = await off.count();
    expect(offCount).toBeGreaterThan(total / 2);
    expect(await fold.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await fold.locator('summary').textContent()).toBe(`${offCount} on other topics`);
    expect(await off.first().isVisible()).toBe(false);
    // The near ones come first, unfolded, with their note.
    const near = popup.locator('.sift-item.is-near');
    expect(await near.count()).toBe(total - offCount);
    if ((await near.count()) > 0) expect(await near.first().locator('.sift-reason').isVisible()).toBe(true);

    await fold.locator('summary').click();
    expect(await off.first().isVisible()).toBe(true);
    const reasons = await fold.locator('.sift-reason').allTextContents();
    expect(reasons).toHaveLength(offCount);
    for (const reason of reasons) expect(reason).toMatch(/different topic|only .+ in common|sponsored/);

    // The badge counts what the page lists; its tooltip now says how many are on topic.
    await expect.poll(() => badgeTitle(sift.browser, tabId), WAIT).toContain('0 on its topic');
    expect(await badgeText(sift.browser, tabId)).toBe(String(total));
    await popup.close();
    await page.close();
  });

  it('reaches the list from "Related · N": a few Tabs, then Enter moves focus there', async () => {
    const { page, popup } = await gradedPopup('seed-dedecms');
    const jump = popup.locator('.sift-jump');
    expect(await jump.textContent()).toBe(`Related · ${seed.related.length}`);
    let steps = 0;
    while (steps < 4 && !(await jump.evaluate((el) => el === document.activeElement))) {
      await popup.keyboard.press('Tab');
      steps++;
    }
    expect(await jump.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    const list = popup.locator('.sift-related-all');
    await expect.poll(() => list.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    // Scrolled to it: the list's top is in the window, below the sticky bar.
    await expect
      .poll(() => list.evaluate((el) => Math.round(el.getBoundingClientRect().top)), WAIT)
      .toBeLessThan(await popup.evaluate(() => innerHeight / 2));
    // Tab goes on into the list.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => !!document.activeElement?.closest('.sift-related-all'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('reaches the list from "Related · N" in reader mode too', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    const popup = await openPopup(sift.browser, tabId);
    await popup.getByRole('button', { name: 'Reader mode' }).click();
    await popup.close();
    await page.bringToFront();
    const jump = page.locator('sift-reader .sift-jump');
    await jump.waitFor(WAIT);
    await page.locator('sift-reader .sift-related-summary').waitFor(WAIT);
    await jump.click();
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('sift-reader');
        return host?.shadowRoot?.activeElement?.classList.contains('sift-related-all') ?? false;
      });
    await expect.poll(focused, WAIT).toBe(true);
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('en-news-related', () => {
  it('shows its four on-topic stories unfolded, plain', async () => {
    const { page, popup } = await gradedPopup('en-news-related');
    expect(await popup.locator('.sift-related-summary').textContent()).toBe("4 of 4 on this article's topic");
    expect(await popup.locator('details.sift-off').count()).toBe(0);
    const items = onTopicItems(popup);
    expect(await items.count()).toBe(4);
    expect(await items.locator('.sift-item-link').allTextContents()).toEqual(news.related.map((item) => item.title));
    for (let i = 0; i < 4; i++) expect(await items.nth(i).isVisible()).toBe(true);
    expect(await popup.locator('.sift-reason').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('remembers a "Not related" mark for the site when the popup opens again, until cleared', async () => {
    const { page, tabId, popup } = await gradedPopup('en-news-related');
    const title = news.related[0].title;
    const row = (p: Page) => p.locator('.sift-item', { has: p.locator('.sift-item-link', { hasText: title }) });
    const mark = row(popup).locator('.sift-mark');
    expect(await mark.textContent()).toBe('Not related');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed'), WAIT).toBe('true');
    await popup.close();

    const again = await openPopup(sift.browser, tabId);
    await again.locator('.sift-related-summary').waitFor(WAIT);
    expect(await again.locator('.sift-related-summary').textContent()).toBe("3 of 4 on this article's topic");
    const marked = row(again);
    expect(await marked.evaluate((li) => !!li.closest('details.sift-off'))).toBe(true);
    expect(await marked.locator('.sift-reason').textContent()).toBe('you marked it not related');
    expect(await marked.locator('.sift-mark').textContent()).toBe('Related');
    await expect.poll(() => badgeTitle(sift.browser, tabId), WAIT).toContain('3 on its topic');

    // The settings can forget every mark.
    await again.getByRole('button', { name: 'Settings' }).click();
    await again.getByRole('button', { name: 'Clear my marks and reading positions' }).click();
    await again.getByText('Marks and reading positions cleared').waitFor(WAIT);
    await again.close();
    const third = await openPopup(sift.browser, tabId);
    await third.locator('.sift-related-summary').waitFor(WAIT);
    expect(await third.locator('.sift-related-summary').textContent()).toBe("4 of 4 on this article's topic");
    await third.close();
    await page.close();
  });
});

describe('a right-to-left page (rtl-ar-article)', () => {
  it('puts the block header on the reading side, with its items', async () => {
    const { page, popup } = await gradedPopup('rtl-ar-article');
    const sides = await popup.locator('details.sift-related').first().evaluate((details) => {
      const box = details.getBoundingClientRect();
      const heading = details.querySelector('.sift-related-heading')!.getBoundingClientRect();
      const link = details.querySelector('.sift-item-link')!.getBoundingClientRect();
      return { right: box.right - heading.right, left: heading.left - box.left, linkRight: box.right - link.right };
    });
    // Against the right edge (past the ▸ marker), far from the left one; the items start there too.
    expect(sides.right).toBeLessThan(40);
    expect(sides.left).toBeGreaterThan(sides.right);
    expect(sides.linkRight).toBeLessThan(60);
    await popup.close();
    await page.close();
  });
});

describe('list settings', () => {
  it('"Show summaries" opens every summary at once and is remembered; page order shows all unfolded', async () => {
    const { page, tabId, popup } = await gradedPopup('seed-dedecms');
    const panels = popup.locator('.sift-item-more');
    expect(await popup.locator('.sift-item-more:not([hidden])').count()).toBe(0);
    await popup.getByRole('button', { name: 'Show summaries' }).click();
    await expect.poll(() => popup.locator('.sift-item-more:not([hidden])').count(), WAIT).toBe(await panels.count());
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByLabel('Show related items in page order').check();
    await expect.poll(() => popup.locator('details.sift-off').count(), WAIT).toBe(0);
    expect(await popup.locator('.sift-item-link').allTextContents()).toEqual(seed.related.map((item) => item.title));
    await popup.close();

    const again = await openPopup(sift.browser, tabId);
    await again.locator('.sift-related-summary').waitFor(WAIT);
    expect(await again.getByRole('button', { name: 'Show summaries' }).getAttribute('aria-pressed')).toBe('true');
    expect(await again.locator('.sift-item-more:not([hidden])').count()).toBe(await again.locator('.sift-item-more').count());
    expect(await again.locator('details.sift-off').count()).toBe(0);
    expect(await again.locator('.sift-item-link').first().textContent()).toBe(seed.related[0].title);
    // Back to the defaults for the other tests of this browser.
    await again.getByRole('button', { name: 'Show summaries' }).click();
    await again.getByRole('button', { name: 'Settings' }).click();
    await again.getByLabel('Show related items in page order').uncheck();
    await again.close();
    await page.close();
  });
});
