// @vitest-environment node
// Issue 19, "Pick the article" and "Remove": in reader mode the reader points at the page's
// element (mouse or keys; Esc cancels) and it becomes the article, remembered for the site, so it
// is the article on the site's next page too; a page where it is not found falls back to Sift's own
// choice with a note. "Remove" hides a block at once and on the site's pages after. Leaving reader
// mode gives the page back exactly as it was. Pages: the English news fixture at a made-up site,
// a second page of the same template (other words), and the blog fixture (another template).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openFixture, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT, type Browser } from '../support/chromium';
import { storedSites } from '../support/site-access';
import { labelsOf, mustContain } from '../support/load-page';
import { FIXTURES } from '../support/paths';

const sift = useSiftBrowser();
const news = readFileSync(join(FIXTURES, 'en-news-related', 'source.html'), 'utf8');
/** The same template with other words: the site's next story. */
const secondStory = news.replaceAll('Ferry fares to rise 8% in June', 'Tram fares to fall in July').replaceAll('Calder Grid Systems', 'Beltway Compute');
const blog = readFileSync(join(FIXTURES, 'en-blog-no-related', 'source.html'), 'utf8');

async function serve(browser: Browser, origin: string): Promise<void> {
  const pages: Record<string, string> = { '/tech/cooling.html': news, '/tech/second.html': secondStory, '/blog/post.html': blog };
  await browser.context.route(`${origin}/**`, (route) => {
    const body = pages[new URL(route.request().url()).pathname];
    if (!body) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body });
  });
}

const reader = (page: Page) => page.locator('sift-reader');
const articleText = (page: Page) => reader(page).locator('.sift-body').innerText().then((t) => t.replace(/\s+/g, ' '));
const outerHtml = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

async function openInReader(url: string): Promise<{ page: Page; tabId: number }> {
  const opened = await openFixture(sift.browser, url);
  await readerOn(sift.browser, opened.tabId, opened.page);
  return opened;
}

async function startPicking(page: Page): Promise<void> {
  await reader(page).getByRole('button', { name: 'Pick the article' }).click();
  await reader(page).locator('.sift-picker').waitFor(WAIT);
  // Reader mode stepped aside: its dialog is closed while the reader points at the page.
  await expect.poll(() => reader(page).locator('dialog.sift-overlay').evaluate((d) => (d as HTMLDialogElement).open), WAIT).toBe(false);
}

describe('pick the article, remove a block', () => {
  it('a picked element becomes the article and the rule applies on the site\'s next page; where it is not found, a note', async () => {
    const host = 'news-pick.test';
    const origin = `http://${host}`;
    await serve(sift.browser, origin);
    const { page, tabId } = await openFixture(sift.browser, `${origin}/tech/cooling.html`);
    // The page loads its lazy images as they scroll into view (its own script): the picking below
    // scrolls, so they are loaded first, and the page is then what reader mode must give back.
    await page.evaluate(async () => {
      for (const img of document.querySelectorAll('img.lazy')) {
        img.scrollIntoView();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await expect.poll(() => page.locator('img.lazy[src^="data:"]').count(), WAIT).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await outerHtml(page);
    await readerOn(sift.browser, tabId, page);
    expect(await articleText(page)).toContain('Calder Grid Systems');

    // Esc cancels: reader mode comes back as it was, nothing is remembered.
    await startPicking(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => reader(page).locator('.sift-picker').count(), WAIT).toBe(0);
    await reader(page).locator('.sift-title').waitFor({ state: 'visible', ...WAIT });
    expect(await storedSites(sift.browser)).toEqual({});

    // The mouse: hovering outlines the element under the pointer, a click picks it. The point is
    // in the "Most read" box between its heading and its list (the page scrolled there by the wheel).
    await startPicking(page);
    const heading = page.locator('#most-read-heading');
    await page.mouse.move(640, 360);
    for (let i = 0; i < 50 && ((await heading.boundingBox())?.y ?? 0) > 500; i++) await page.mouse.wheel(0, 300);
    const box = (await heading.boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + box.height + 6);
    const status = reader(page).locator('.sift-picker-target');
    await expect.poll(() => status.textContent(), WAIT).toBe('section.most-read');
    await expect.poll(() => reader(page).locator('.sift-picker-outline').count(), WAIT).toBe(1);
    expect(await axeViolations(page, 'sift-reader')).toEqual([]);
    await page.mouse.click(box.x + 10, box.y + box.height + 6);

    await expect.poll(() => articleText(page), WAIT).toContain('Ferry fares to rise 8% in June');
    expect(await articleText(page)).not.toContain('Calder Grid Systems');
    expect(await storedSites(sift.browser)).toEqual({ [host]: { auto: false, rules: [{ action: 'article', selector: 'section.most-read' }] } });
    // The page is not the picker's: leaving reader mode gives it back exactly as it was.
    await page.keyboard.press('Escape');
    await expect.poll(() => reader(page).count(), WAIT).toBe(0);
    expect(await outerHtml(page)).toBe(before);

    // The site's next page: the rule finds its "Most read" box, which is the article there too.
    const second = await openInReader(`${origin}/tech/second.html`);
    await expect.poll(() => articleText(second.page), WAIT).toContain('Tram fares to fall in July');
    expect(await articleText(second.page)).not.toContain('Beltway Compute');
    expect(await reader(second.page).locator('.sift-rule-note').count()).toBe(0);

    // A page of another template: the rule finds nothing, Sift chooses the article, and says so.
    const other = await openInReader(`${origin}/blog/post.html`);
    await reader(other.page).getByText('Your picked article for this site was not found on this page; Sift chose the article itself.').waitFor(WAIT);
    await expect.poll(() => articleText(other.page), WAIT).toContain(mustContain(labelsOf('en-blog-no-related'))[0]);
    await Promise.all([page.close(), second.page.close(), other.page.close()]);
  });

  it('picks with the keys: the arrows move the outline, Enter picks', async () => {
    const host = 'news-keys.test';
    await serve(sift.browser, `http://${host}`);
    const { page } = await openInReader(`http://${host}/tech/cooling.html`);
    await startPicking(page);
    // From a paragraph of the story (under the pointer) up to the story's body.
    const paragraph = page.locator('.story__body > p').first();
    await paragraph.scrollIntoViewIfNeeded();
    const box = (await paragraph.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    const status = reader(page).locator('.sift-picker-target');
    await expect.poll(() => status.textContent(), WAIT).toBe('p');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => status.textContent(), WAIT).toBe('div.story__body');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status.textContent(), WAIT).toBe('p');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => storedSites(sift.browser).then((s) => (s as Record<string, unknown>)[host]), WAIT).toEqual({
      auto: false,
      rules: [{ action: 'article', selector: 'div.story__body' }],
    });
    await expect.poll(() => articleText(page), WAIT).toContain('Calder Grid Systems');
    await page.close();
  });

  it('"Remove" hides a block at once, and it stays gone on reload and on the site\'s next page', async () => {
    const host = 'news-remove.test';
    const origin = `http://${host}`;
    await serve(sift.browser, origin);
    const list = 'whether server vendors will honor warranties';
    const { page, tabId } = await openInReader(`${origin}/tech/cooling.html`);
    await expect.poll(() => articleText(page), WAIT).toContain(list);
    await reader(page).getByRole('button', { name: 'Remove blocks' }).click();
    const block = reader(page).locator('.sift-body ul').filter({ hasText: list });
    await block.click();
    await expect.poll(() => block.isVisible(), WAIT).toBe(false);
    await expect.poll(() => storedSites(sift.browser).then((s) => (s as Record<string, unknown>)[host]), WAIT).toEqual({
      auto: false,
      rules: [{ action: 'remove', selector: 'div.story__body ul' }],
    });
    await reader(page).getByText("Removed. Sift hides that block on this site's pages").waitFor(WAIT);
    expect(await articleText(page)).toContain('Calder Grid Systems');
    // A paragraph with nothing of its own to find it by elsewhere ("the fifth paragraph" would be
    // another one on the next page): hidden here only, and no rule.
    const plain = reader(page).locator('.sift-body p').filter({ hasText: 'Operators weighing the options' });
    await plain.click();
    await expect.poll(() => plain.isVisible(), WAIT).toBe(false);
    await reader(page).getByText('Hidden on this page only').waitFor(WAIT);
    expect(((await storedSites(sift.browser)) as Record<string, { rules: unknown[] }>)[host].rules).toHaveLength(1);

    await page.reload({ waitUntil: 'load' });
    await readerOn(sift.browser, tabId, page);
    await expect.poll(() => articleText(page), WAIT).toContain('Calder Grid Systems');
    expect(await articleText(page)).not.toContain(list);
    expect(await articleText(page)).toContain('Operators weighing the options');

    const second = await openInReader(`${origin}/tech/second.html`);
    await expect.poll(() => articleText(second.page), WAIT).toContain('Beltway Compute');
    expect(await articleText(second.page)).not.toContain(list);
    await Promise.all([page.close(), second.page.close()]);
  });
});
