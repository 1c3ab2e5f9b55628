// @vitest-environment node
// The reading experience in the built extension (issue 6): axe-core on the popup and on reader
// mode in every theme, a right-to-left article, awkward content that must not widen the page,
// keyboard-only use of reader mode, and printing from reader mode.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openFixture, openPopup, openWithPopup, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';

const sift = useSiftBrowser();

/** Serious and critical axe-core violations in Sift's UI ("rule (impact): selector"); the article body is the page's. */
function seriousViolations(page: Page, within: string): Promise<string[]> {
  return axeViolations(page, within, ['serious', 'critical']);
}

async function setTheme(theme: string) {
  await sift.browser.worker.evaluate(async (value) => {
    const { settings } = (await chrome.storage.sync.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.sync.set({ settings: { fontSize: 18, contentWidth: 'medium', fontFamily: 'sans', ...settings, theme: value } });
  }, theme);
}

const THEMES: { theme: string; scheme: 'light' | 'dark' }[] = [
  { theme: 'light', scheme: 'light' },
  { theme: 'dark', scheme: 'light' },
  { theme: 'sepia', scheme: 'light' },
  { theme: 'auto', scheme: 'light' },
  { theme: 'auto', scheme: 'dark' },
];

/** Each theme in turn (`root` shows it as data-theme), then axe-core within `within`: no serious or critical violation in any. */
async function expectNoViolationsInEveryTheme(page: Page, root: string, within: string) {
  const themed = page.locator(root).first();
  const found: Record<string, string[]> = {};
  for (const { theme, scheme } of THEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await setTheme(theme);
    await expect.poll(() => themed.getAttribute('data-theme'), WAIT).toBe(theme);
    found[`${theme}/${scheme}`] = await seriousViolations(page, within);
  }
  expect(found).toEqual(Object.fromEntries(THEMES.map(({ theme, scheme }) => [`${theme}/${scheme}`, []])));
}

describe('axe-core in every theme (serious and critical violations fail)', () => {
  it('popup: article, settings open, a summary open', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await setTheme('light');
    const popup = await openPopup(sift.browser, tabId);
    await popup.locator('.sift-item-link').first().waitFor(WAIT);
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.locator('.sift-more').first().click();
    await expectNoViolationsInEveryTheme(popup, '.sift', 'html');
    await popup.close();
    await page.close();
  });

  it('reader mode: article, settings open', async () => {
    await setTheme('light');
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await readerOn(sift.browser, tabId, page);
    await page.locator('sift-reader').getByRole('button', { name: 'Settings' }).click();
    await expectNoViolationsInEveryTheme(page, 'sift-reader .sift', 'sift-reader');
    await page.emulateMedia({ colorScheme: 'light' });
    await setTheme('auto');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await page.close();
  });
});

/** Direction of the article and whether anything widens the scrolling box `box` (a selector). */
function layoutOf(page: Page, scope: string) {
  return page.evaluate((sel) => {
    const host = document.querySelector('sift-reader');
    const root: Document | ShadowRoot = sel === 'shadow' && host?.shadowRoot ? host.shadowRoot : document;
    const box = sel === 'shadow' ? (root.querySelector('.sift-overlay') as HTMLElement) : document.scrollingElement!;
    const article = root.querySelector('article.sift-article') as HTMLElement;
    const body = root.querySelector('.sift-body') as HTMLElement;
    const table = root.querySelector('.sift-body table') as HTMLElement;
    const pre = root.querySelector('.sift-body pre') as HTMLElement;
    const longLink = [...root.querySelectorAll('.sift-body a')].find((a) => a.textContent!.startsWith('https://')) as HTMLElement;
    const p = body.querySelector('p')!;
    return {
      // Sift's own bar keeps the interface's direction (English: ltr) around the RTL article.
      barDirection: getComputedStyle(root.querySelector('.sift-bar')!).direction,
      dir: article.getAttribute('dir'),
      lang: article.getAttribute('lang'),
      direction: getComputedStyle(p).direction,
      textAlign: getComputedStyle(p).textAlign,
      pageWidens: box.scrollWidth > box.clientWidth,
      bodyWidens: body.scrollWidth > body.clientWidth,
      // A table wider than the column scrolls in its own box; a narrower one simply fits.
      tableContained: table.getBoundingClientRect().width <= body.clientWidth + 0.5 && getComputedStyle(table).overflowX === 'auto',
      preScrolls: pre.scrollWidth > pre.clientWidth && getComputedStyle(pre).overflowX === 'auto',
      linkFits: longLink.getBoundingClientRect().width <= body.getBoundingClientRect().width + 0.5,
    };
  }, scope);
}

const RTL_NARROW = {
  barDirection: 'ltr',
  dir: 'rtl',
  lang: 'ar',
  direction: 'rtl',
  textAlign: 'start',
  pageWidens: false,
  bodyWidens: false,
  tableContained: true,
  preScrolls: true,
  linkFits: true,
};

describe('a right-to-left article with a wide table, a long URL and a long code line', () => {
  it('reads right to left in the popup, and nothing widens it', async () => {
    const { page, popup } = await openWithPopup(sift.browser, sift.server.urlOf('rtl-ar-article'));
    expect(await layoutOf(popup, 'document')).toEqual(RTL_NARROW);
    // The srcset image is told the column's width.
    const sizes = await popup.locator('.sift-body img[srcset]').getAttribute('sizes');
    const column = await popup.locator('.sift-body').evaluate((el) => Math.round(el.clientWidth));
    expect(sizes).toBe(`${column}px`);
    await popup.close();
    await page.close();
  });

  it('reads right to left in reader mode, on a narrow phone-sized window and a wide one', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('rtl-ar-article'));
    await readerOn(sift.browser, tabId, page);
    for (const width of [360, 1600]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await layoutOf(page, 'shadow'), `${width}px`).toEqual(RTL_NARROW);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('keyboard only in reader mode', () => {
  it('Tab reaches the buttons with a visible focus ring, Enter opens settings, Esc leaves', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await readerOn(sift.browser, tabId, page);
    const reader = page.locator('sift-reader');
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('sift-reader')!.shadowRoot!.activeElement as HTMLElement | null;
        return el ? { text: el.textContent!.trim(), outline: getComputedStyle(el).outlineStyle } : null;
      });
    // From the reader's scrolling box (focused on open): the toolbar first, "Related · 29", "Read aloud",
    // "Pick the article" and "Remove blocks" (issue 19), then settings.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Read aloud', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Pick the article', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Remove blocks', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Settings', outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await reader.getByRole('button', { name: 'Settings' }).getAttribute('aria-expanded')).toBe('true');
    expect(await reader.locator('.sift-settings').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect((await focused())?.text).toBe('Close ✕');
    // A related block folds and unfolds with Enter and Space on its summary.
    const summary = reader.locator('details.sift-related > summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await reader.locator('details.sift-related').first().evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await page.keyboard.press('Space');
    expect(await reader.locator('details.sift-related').first().evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => reader.count(), WAIT).toBe(0);
    await page.close();
  });
});

describe('printing from reader mode', () => {
  it('prints the reader (title, article, related titles with their URLs), not the page behind', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('rtl-ar-article'));
    await readerOn(sift.browser, tabId, page);
    // The related list comes after the article, once the grader has loaded.
    await page.locator('sift-reader .sift-item-link').first().waitFor(WAIT);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shadow = document.querySelector('sift-reader')!.shadowRoot!;
      const shown = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none' && (el as HTMLElement).getClientRects().length > 0;
      const link = shadow.querySelector('.sift-item-link') as HTMLAnchorElement;
      return {
        pageArticle: shown(document.querySelector('article.post')),
        pageHeader: shown(document.querySelector('.site-header')),
        readerTitle: shown(shadow.querySelector('.sift-title')),
        readerBody: shown(shadow.querySelector('.sift-body')),
        toolbar: shown(shadow.querySelector('.sift-bar')),
        linkAfter: getComputedStyle(link, '::after').content,
        href: link.href,
        overlayPosition: getComputedStyle(shadow.querySelector('.sift-overlay')!).position,
      };
    });
    expect(printed).toMatchObject({ pageArticle: false, pageHeader: false, readerTitle: true, readerBody: true, toolbar: false, overlayPosition: 'absolute' });
    // The URL is printed after each related title.
    expect(printed.linkAfter).toBe(`" (${printed.href})"`);
    // A real print (PDF): the reader flows over several pages instead of one clipped window.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'screen' });
    // On screen the page is back once reader mode is left.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    expect(await page.locator('article.post').isVisible()).toBe(true);
    await page.close();
  });
});
