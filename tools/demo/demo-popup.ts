// The demo's pictures of the popup and of reader mode on the seed page (popup-overview, settings,
// reading-tools, reader-mode, state-reader-on), and of the popup on a page that is no article
// (state-not-article, state-show-anyway). Each takes the demo's browser as it left it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';

const JPEG = { type: 'jpeg', quality: 80 } as const;

/** Two 720×600 screenshots side by side, small enough for the README (docs/screenshots/). */
async function sideBySide(context: BrowserContext, outDir: string, files: [string, string], out: string) {
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1456, height: 616 });
  await sheet.setContent(
    `<body style="margin:0;padding:8px;background:#d8dee4;display:flex;gap:8px">${files
      .map((f) => `<img width="720" height="600" src="data:image/png;base64,${readFileSync(join(outDir, f)).toString('base64')}">`)
      .join('')}</body>`,
  );
  await sheet.screenshot({ path: join(outDir, out), ...JPEG });
  await sheet.close();
}

/** The popup on the seed page: its top and its related list side by side, then the settings panel. */
export async function popupShots(context: BrowserContext, popup: Page, popupUrl: string, outDir: string) {
  await popup.setViewportSize({ width: 720, height: 600 });
  await popup.goto(popupUrl);
  await popup.locator('.sift-title, .sift-state').first().waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: join(outDir, 'popup.png') });
  await popup.locator('.sift-related-all').scrollIntoViewIfNeeded().catch(() => {});
  await popup.locator('.sift-more').first().click().catch(() => {});
  await popup.screenshot({ path: join(outDir, 'popup-related.png') });
  await sideBySide(context, outDir, ['popup.png', 'popup-related.png'], 'popup-overview.jpg');

  // The settings panel, open at the top of the popup.
  await popup.evaluate(() => window.scrollTo(0, 0));
  await popup.getByRole('button', { name: 'Settings' }).click();
  await popup.locator('.sift-settings').waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: join(outDir, 'settings.jpg'), ...JPEG });
  await popup.getByRole('button', { name: 'Settings' }).click();
}

/**
 * Issue 18: the Export panel and the contents open at the top (left); further down, the folded
 * contents line naming the section being read and the progress bar along the top (right).
 */
export async function readingToolsShot(context: BrowserContext, popup: Page, worker: Worker, outDir: string) {
  if (!(await popup.locator('nav.sift-toc:not([hidden])').count())) return;
  await popup.locator('details.sift-export > summary').click();
  await popup.locator('nav.sift-toc summary').click();
  await popup.screenshot({ path: join(outDir, 'reading-tools-top.png') });
  await popup.locator('nav.sift-toc summary').click();
  await popup.locator('details.sift-export > summary').click();
  await popup.evaluate(() => {
    const heading = document.querySelectorAll('.sift-body :is(h2, h3)')[3];
    const line = document.querySelector('.sift-bar')!.getBoundingClientRect().bottom + document.querySelector<HTMLElement>('.sift-toc summary')!.offsetHeight;
    window.scrollBy(0, heading.getBoundingClientRect().top - line - 8);
  });
  await popup.waitForFunction(() => document.querySelector('.sift-toc-current'));
  await popup.screenshot({ path: join(outDir, 'reading-tools-scrolled.png') });
  await sideBySide(context, outDir, ['reading-tools-top.png', 'reading-tools-scrolled.png'], 'reading-tools.jpg');
  // The scroll saved a reading position: forgotten, so reader mode below opens at the top.
  await popup.evaluate(() => window.scrollTo(0, 0));
  await worker.evaluate(() => chrome.storage.local.remove('readingPositions'));
}

/** Reader mode over the page, then the popup while it is on (it says so instead of showing the article twice). */
export async function readerModeShots(page: Page, popup: Page, outDir: string) {
  await popup.getByRole('button', { name: 'Reader mode' }).click();
  await page.bringToFront();
  await page.locator('sift-reader .sift-title, sift-reader .sift-state').first().waitFor({ timeout: 20_000 });
  await page.screenshot({ path: join(outDir, 'reader-mode.png') });
  await page.screenshot({ path: join(outDir, 'reader-mode.jpg'), ...JPEG });
  await popup.reload();
  await popup.locator('.sift-state').first().waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: join(outDir, 'state-reader-on.jpg'), ...JPEG });
  await page.bringToFront();
  await page.keyboard.press('Escape');
}

/** The popup on a page that is not an article (open in tab `homeTab`): the state, then "Show anyway". */
export async function notArticleShots(popup: Page, popupBase: string, homeTab: number, outDir: string) {
  await popup.goto(`${popupBase}?tab=${homeTab}`);
  await popup.locator('.sift-state').first().waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: join(outDir, 'state-not-article.jpg'), ...JPEG });
  await popup.getByRole('button', { name: 'Show anyway' }).click();
  await popup.locator('.sift-body, .sift-reader .sift-note').first().waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: join(outDir, 'state-show-anyway.jpg'), ...JPEG });
}
