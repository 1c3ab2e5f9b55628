// @vitest-environment node
// Issue 18's contents, position and export in the built extension: the table of contents (marking
// the section being read while the view scrolls, reachable and usable from the keyboard), the
// progress bar, the reading position restored when reader mode opens again, copy as Markdown (read
// back from the clipboard) and saving Markdown and HTML (the download itself), in the popup and in
// reader mode; axe-core on the new controls.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, openFixture, openPopup, openWithPopup, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';

const sift = useSiftBrowser();
const SEED = 'seed-dedecms'; // 8 headings in its article, 29 related items

/** Runs in the view's document: puts heading `index` of the article `offset` px under the folded contents line. */
async function scrollHeadingTo(view: Page, root: string, index: number, offset: number): Promise<void> {
  await view.evaluate(
    ({ root, index, offset }) => {
      const host = root ? document.querySelector(root)!.shadowRoot! : document;
      const headings = host.querySelectorAll<HTMLElement>('.sift-body :is(h1, h2, h3, h4, h5, h6)');
      const bar = host.querySelector('.sift-bar')!.getBoundingClientRect().bottom;
      const summary = host.querySelector<HTMLElement>('.sift-toc summary')!.offsetHeight;
      const dialog = host.querySelector<HTMLElement>('.sift-overlay');
      const dy = headings[index].getBoundingClientRect().top - (bar + summary + offset);
      if (dialog) dialog.scrollTop += dy;
      else window.scrollBy(0, dy);
    },
    { root, index, offset },
  );
}

/** Forgets every saved reading position (a test that scrolls saves one for the seed page). */
async function forgetPositions(): Promise<void> {
  await sift.browser.worker.evaluate(() => chrome.storage.local.remove('readingPositions'));
}

/** The headings' texts, in order, as the contents list them. */
async function tocTexts(toc: Locator): Promise<string[]> {
  return toc.locator('.sift-toc-list a').allTextContents();
}

/** The seed page in reader mode with no saved position, once its contents are there. */
async function seedInReaderMode() {
  await forgetPositions();
  const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf(SEED));
  await readerOn(sift.browser, tabId, page, '.sift-body');
  const reader = page.locator('sift-reader');
  const toc = reader.locator('nav.sift-toc');
  await toc.waitFor(WAIT);
  return { page, tabId, reader, toc, texts: await tocTexts(toc) };
}

describe('table of contents', () => {
  it('popup: reached by Tab, opened with Enter, a link moves focus to its heading and marks it', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf(SEED));
    const popup = await openPopup(sift.browser, tabId);
    const toc = popup.locator('nav.sift-toc');
    await toc.waitFor(WAIT);
    const texts = await tocTexts(toc);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts).toContain('ChatGPT 的起源');
    expect(await toc.getAttribute('aria-label')).toBe('Table of contents');

    // From the top of the popup, Tab reaches the contents' line.
    await popup.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => document.activeElement?.matches('.sift-toc summary') ?? false);
    }
    expect(reached).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => toc.locator('details').evaluate((d) => (d as HTMLDetailsElement).open), WAIT).toBe(true);
    // Tab to the fourth entry and follow it.
    for (let i = 0; i < 4; i++) await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe(texts[3]);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(() => {
      const el = document.activeElement;
      return el && /^H[1-6]$/.test(el.tagName) ? el.textContent?.trim() : null;
    }), WAIT).toBe(texts[3]);
    // The list folded again, and its line names the section now read; the link is marked.
    await expect.poll(() => toc.locator('.sift-toc-current').textContent(), WAIT).toBe(texts[3]);
    expect(await toc.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await toc.locator('a[aria-current="location"]').textContent()).toBe(texts[3]);
    // The heading is under the stuck line, not behind it.
    const [line, top] = await popup.evaluate(() => [
      document.querySelector('.sift-toc summary')!.getBoundingClientRect().bottom,
      document.activeElement!.getBoundingClientRect().top,
    ]);
    expect(top).toBeGreaterThanOrEqual(line - 1);
    // Tab goes on from the heading into the article, not back to the top.
    await popup.keyboard.press('Tab');
    const next = await popup.evaluate(() => document.activeElement!.getBoundingClientRect().top);
    expect(next).toBeGreaterThanOrEqual(top);

    await toc.locator('summary').click();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('reader mode: the section being read is marked while the view scrolls, and the bar fills', async () => {
    const { page, reader, toc, texts } = await seedInReaderMode();
    const progress = reader.locator('.sift-progress');
    expect(await progress.getAttribute('role')).toBe('progressbar');
    await expect.poll(() => progress.getAttribute('aria-valuenow'), WAIT).toBe('0');
    // At the top, before the first heading: no section yet.
    expect(await toc.locator('.sift-toc-current').count()).toBe(0);

    for (const index of [1, 5, 2, texts.length - 1]) {
      await scrollHeadingTo(page, 'sift-reader', index, 4); // just reached
      await expect.poll(() => toc.locator('.sift-toc-current').textContent(), WAIT).toBe(texts[index]);
      await scrollHeadingTo(page, 'sift-reader', index, 120); // not reached yet: the one before
      await expect.poll(() => toc.locator('.sift-toc-current').textContent(), WAIT).toBe(texts[index - 1]);
    }
    // The contents line stays in view, under the toolbar, while the article scrolls.
    const [bar, line] = await page.evaluate(() => {
      const root = document.querySelector('sift-reader')!.shadowRoot!;
      return [root.querySelector('.sift-bar')!.getBoundingClientRect().bottom, root.querySelector('.sift-toc')!.getBoundingClientRect().top];
    });
    expect(Math.abs(line - bar)).toBeLessThanOrEqual(2);

    // Progress: part way, then the whole article.
    await scrollHeadingTo(page, 'sift-reader', 4, 4);
    const percent = async () => Number(await progress.getAttribute('aria-valuenow'));
    // (Polled until it leaves the 100 of the last heading above: the bar follows a frame later.)
    await expect.poll(async () => { const p = await percent(); return p > 30 && p < 100; }, WAIT).toBe(true);
    const width = () => reader.locator('.sift-progress-fill').evaluate((el) => el.getBoundingClientRect().width);
    const partWidth = await width();
    expect(partWidth).toBeGreaterThan(0);
    await page.evaluate(() => {
      const dialog = document.querySelector('sift-reader')!.shadowRoot!.querySelector<HTMLElement>('.sift-overlay')!;
      dialog.scrollTop = dialog.scrollHeight;
    });
    await expect.poll(percent, WAIT).toBe(100);
    // (The fill slides to its new width: polled, not read once.)
    await expect.poll(width, WAIT).toBeGreaterThan(partWidth);

    // Keyboard in reader mode too: Tab reaches the line.
    let reached = false;
    for (let i = 0; i < 25 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.querySelector('sift-reader')!.shadowRoot!.activeElement?.matches('.sift-toc summary') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    expect(await axeViolations(page, 'sift-reader')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await page.close();
  });

  it('is not offered for an article with fewer than three headings', async () => {
    const { page, popup } = await openWithPopup(sift.browser, sift.server.urlOf('rtl-ar-article'), '.sift-body');
    expect(await popup.locator('nav.sift-toc:not([hidden])').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('reading position', () => {
  it('is saved as reader mode scrolls and restored when reader mode opens again on that URL', async () => {
    const { page, tabId, reader, toc, texts } = await seedInReaderMode();
    await scrollHeadingTo(page, 'sift-reader', 5, 4);
    await expect.poll(() => toc.locator('.sift-toc-current').textContent(), WAIT).toBe(texts[5]);
    const saved = () =>
      sift.browser.worker.evaluate(async (url) => {
        const { readingPositions } = (await chrome.storage.local.get('readingPositions')) as { readingPositions?: Record<string, { at: number }> };
        return readingPositions?.[url]?.at ?? null;
      }, page.url());
    await expect.poll(saved, WAIT).toBeGreaterThan(0.2);
    const at = (await saved())!;
    const headingTop = () =>
      page.evaluate((index) => {
        const root = document.querySelector('sift-reader')!.shadowRoot!;
        return root.querySelectorAll('.sift-body :is(h1, h2, h3, h4, h5, h6)')[index].getBoundingClientRect().top;
      }, 5);
    const before = await headingTop();

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await readerOn(sift.browser, tabId, page, '.sift-body');
    // Back where it was: the same heading at the same place, the same section marked.
    await expect.poll(async () => Math.abs((await headingTop()) - before), WAIT).toBeLessThanOrEqual(3);
    await expect.poll(() => page.locator('sift-reader nav.sift-toc .sift-toc-current').textContent(), WAIT).toBe(texts[5]);
    expect(Number(await page.locator('sift-reader .sift-progress').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    // Opening the popup (which only saves, at its top) did not overwrite it.
    expect(await saved()).toBeCloseTo(at, 3);

    // Cleared with the marks, from the settings: reader mode then opens at the top.
    await reader.getByRole('button', { name: 'Settings' }).click();
    await reader.getByRole('button', { name: 'Clear my marks and reading positions' }).click();
    await reader.getByText('Marks and reading positions cleared').waitFor(WAIT);
    expect(await saved()).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await readerOn(sift.browser, tabId, page, '.sift-body');
    await page.locator('sift-reader .sift-body').waitFor(WAIT);
    expect(await page.evaluate(() => document.querySelector('sift-reader')!.shadowRoot!.querySelector('.sift-overlay')!.scrollTop)).toBe(0);
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('export', () => {
  it('popup: copies the Markdown to the clipboard and saves Markdown and HTML files', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf(SEED));
    // The clipboard is the system's: read back from the page (an extension origin cannot be granted clipboard-read).
    await sift.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sift.server.origin });
    const clipboard = async () => {
      await page.bringToFront();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await popup.bringToFront();
      return text;
    };
    const popup = await openPopup(sift.browser, tabId);
    await popup.locator('.sift-item-link').first().waitFor(WAIT); // graded list there
    const panel = popup.locator('details.sift-export');
    await panel.locator('summary').click();

    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await popup.locator('.sift-export-status', { hasText: 'Copied as Markdown' }).waitFor(WAIT);
    const copied = await clipboard();
    expect(copied.startsWith('---\ntitle: "Azure OpenAI 官方指南02|ChatGPT 的架构设计与应用实例"\n')).toBe(true);
    expect(copied).toMatch(/^url: "http:\/\/127\.0\.0\.1:\d+\/news\/372915\.html"$/m);
    expect(copied).toContain('\nlang: "zh"\n---\n\n# Azure OpenAI');
    expect(copied).toMatch(/^## .*ChatGPT 的起源/m);
    expect(copied).toContain('## 相关文章');
    // The seed page's items are on other topics: under their own sub-heading (the UI's words).
    expect(copied).toContain('### Other topics');
    expect(copied.slice(copied.indexOf('## 相关文章')).match(/^- \[.+\]\(https?:\/\/[^)]+\)/gm)).toHaveLength(29);

    const [md] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Save as Markdown' }).click()]);
    expect(md.suggestedFilename()).toBe('Azure OpenAI 官方指南02 ChatGPT 的架构设计与应用实例.md');
    expect(readFileSync((await md.path())!, 'utf8')).toBe(copied);
    await popup.locator('.sift-export-status', { hasText: 'Saved as' }).waitFor(WAIT);

    // Leaving the off-topic items out, a choice kept for next time.
    await panel.getByLabel('Leave out related items on other topics').check();
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await popup.locator('.sift-export-status', { hasText: 'Copied as Markdown' }).waitFor(WAIT);
    const without = await clipboard();
    expect(without).not.toContain('### Other topics');
    expect(without).toContain('## 相关文章'); // the near ones stay
    await panel.getByLabel('Leave out related items on other topics').uncheck();

    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('reader mode: saves one self-contained HTML file with no script, and copies on an http page', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf(SEED));
    await sift.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sift.server.origin });
    await readerOn(sift.browser, tabId, page, '.sift-body');
    const reader = page.locator('sift-reader');
    await reader.locator('.sift-item-link').first().waitFor(WAIT);
    await reader.locator('details.sift-export summary').click();
    const [file] = await Promise.all([page.waitForEvent('download'), reader.getByRole('button', { name: 'Save as HTML' }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await file.path())!, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-Hans" dir="ltr">')).toBe(true);
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/<style>[^<]*\.sift-body pre/);
    expect(html).toContain('ChatGPT 的起源');
    expect(html).toContain('相关文章');
    expect(html).toContain('class="sift-related-off">Other topics</h3>');
    // Opened on its own, offline, it shows the article styled as the reader does.
    const view = await sift.browser.context.newPage();
    await view.setContent(html);
    expect(await view.locator('h1.sift-title').textContent()).toContain('ChatGPT');
    expect(await view.locator('.sift-reader').evaluate((el) => getComputedStyle(el).maxWidth)).not.toBe('none');
    expect(await view.locator('.sift-item-link').count()).toBe(29);
    await view.close();

    await reader.getByRole('button', { name: 'Copy as Markdown' }).click();
    await reader.locator('.sift-export-status', { hasText: 'Copied as Markdown' }).waitFor(WAIT);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('## 相关文章');
    await page.keyboard.press('Escape');
    await page.close();
  });
});
