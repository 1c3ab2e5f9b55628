// @vitest-environment node
// What a new user meets in the first ten minutes (issue 17), in the built extension: "Show
// anyway" shows text, the popup fits a phone's width, the header does not jump, reader mode's
// state in the popup, the keyboard, broken images, and the related block of a right-to-left page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, openFixture, openPopup, openWithPopup, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';

const sift = useSiftBrowser();

/** The popup as a page of `width` CSS pixels (Firefox for Android opens popups as a page). */
async function popupAt(tabId: number, width: number): Promise<Page> {
  const popup = await sift.browser.context.newPage();
  await popup.setViewportSize({ width, height: 700 });
  await popup.goto(`chrome-extension://${sift.browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

const textOf = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('"Show anyway" on a page that is not an article', () => {
  it('runs Readability regardless and shows its text in the popup', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('zh-homepage-not-article'));
    const popup = await openPopup(sift.browser, tabId);
    await popup.getByRole('button', { name: 'Show anyway' }).click();
    await popup.locator('.sift-body').waitFor(WAIT);
    expect((await textOf(popup, '.sift-body')).length).toBeGreaterThan(200);
    expect(await popup.locator('.sift-reader > .sift-note').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('shows the text in reader mode too, not one sentence over the whole window', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('zh-homepage-not-article'));
    await readerOn(sift.browser, tabId, page, '.sift-reader');
    await page.locator('sift-reader .sift-body').waitFor(WAIT);
    expect((await textOf(page, 'sift-reader .sift-body')).length).toBeGreaterThan(200);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await page.close();
  });
});

describe('the popup at any width from 320 px', () => {
  it('never scrolls sideways and keeps the title, the bar and the settings inside the window', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    for (const width of [320, 360, 414, 600]) {
      const popup = await popupAt(tabId, width);
      await popup.locator('.sift-title').waitFor(WAIT);
      await popup.getByRole('button', { name: 'Settings' }).click();
      await popup.locator('.sift-settings').waitFor(WAIT);
      const fit = await popup.evaluate(() => {
        const box = document.scrollingElement!;
        const overflowing = [...document.querySelectorAll('.sift-bar > *, .sift-title, .sift-settings fieldset, .sift-body')]
          .filter((el) => el.getBoundingClientRect().right > box.clientWidth + 0.5)
          .map((el) => el.className || el.localName);
        return { widens: box.scrollWidth > box.clientWidth, overflowing };
      });
      expect(fit, `${width}px`).toEqual({ widens: false, overflowing: [] });
      await popup.close();
    }
    await page.close();
  });
});

describe('keyboard and state', () => {
  it('the bar does not move when the article arrives: "Reader mode" is there from the start', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    const popup = await sift.browser.context.newPage();
    await popup.setViewportSize({ width: 720, height: 600 });
    // Every change to the popup's DOM: where the bar's buttons were while the skeleton showed.
    await popup.addInitScript(() => {
      const seen: { loading: boolean; buttons: string[] }[] = [];
      (window as unknown as { barSeen: typeof seen }).barSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.sift-bar');
        if (!bar) return;
        const buttons = [...bar.querySelectorAll('button')]
          .filter((b) => !b.classList.contains('sift-jump'))
          .map((b) => `${b.textContent}@${Math.round(b.getBoundingClientRect().left)}`);
        seen.push({ loading: !!document.querySelector('.sift-skeleton'), buttons });
      }).observe(document, { childList: true, subtree: true });
    });
    await popup.goto(`chrome-extension://${sift.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.sift-title').waitFor(WAIT);
    const seen = await popup.evaluate(() => (window as unknown as { barSeen: { loading: boolean; buttons: string[] }[] }).barSeen);
    const loading = seen.filter((s) => s.loading);
    expect(loading.length).toBeGreaterThan(0);
    const final = seen[seen.length - 1].buttons;
    expect(final.some((b) => b.startsWith('Reader mode@'))).toBe(true);
    for (const s of loading) expect(s.buttons).toEqual(final);
    await popup.close();
    await page.close();
  });

  it('with reader mode on, the popup says "Exit reader mode" and does not render the article again', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await readerOn(sift.browser, tabId, page, '.sift-reader');
    const popup = await openPopup(sift.browser, tabId);
    const exit = popup.getByRole('button', { name: 'Exit reader mode', exact: true });
    await exit.first().waitFor(WAIT);
    await popup.locator('.sift-state-reader-on').waitFor(WAIT);
    expect(await popup.locator('.sift-body').count()).toBe(0);
    await exit.first().click();
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    // Off again: the popup shows the article, the button says "Reader mode".
    await popup.locator('.sift-body').waitFor(WAIT);
    expect(await popup.getByRole('button', { name: 'Reader mode', exact: true }).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('in reader mode the first Tab reaches the toolbar', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await readerOn(sift.browser, tabId, page, '.sift-reader');
    await page.keyboard.press('Tab');
    const inBar = await page.evaluate(() => {
      const el = document.querySelector('sift-reader')!.shadowRoot!.activeElement;
      return !!el?.closest('.sift-bar');
    });
    expect(inBar).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
    await page.close();
  });

  it('Esc in the popup closes an open settings panel first, and focus goes back to its button', async () => {
    const { page, popup } = await openWithPopup(sift.browser, sift.server.urlOf('seed-dedecms'));
    const settings = popup.getByRole('button', { name: 'Settings' });
    await settings.click();
    await popup.locator('.sift-settings input').first().focus();
    await popup.keyboard.press('Escape');
    await expect.poll(() => settings.getAttribute('aria-expanded'), WAIT).toBe('false');
    expect(await popup.locator('.sift-settings').count()).toBe(0);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Settings');
    expect(popup.isClosed()).toBe(false);
    await popup.close();
    await page.close();
  });

  it('broken or blocked images collapse instead of leaving icons or empty boxes', async () => {
    // The seed page's images are on its own site, which the test server does not serve (404).
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    const popup = await openPopup(sift.browser, tabId);
    await popup.locator('.sift-body img').first().waitFor({ state: 'attached', ...WAIT });
    const shown = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.sift-body img')]
          .filter((img) => img.complete && img.naturalWidth === 0)
          .map((img) => Math.round(img.getBoundingClientRect().height)),
      );
    await expect.poll(async () => (await shown()).length, WAIT).toBeGreaterThan(0);
    await expect.poll(async () => (await shown()).filter((h) => h > 0), WAIT).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('fonts by the article\'s language', () => {
  it('Japanese, Traditional and Simplified faces by lang, the CJK face first so Latin words match it', async () => {
    const { page, popup } = await openWithPopup(sift.browser, sift.server.urlOf('seed-dedecms'), '.sift-body');
    const faces = await popup.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.sift')!;
      const first = (el: Element) => getComputedStyle(el).fontFamily.split(',')[0].trim().replace(/"/g, '');
      const probe = (font: string) =>
        Object.fromEntries(
          ['ja', 'zh-Hant', 'zh-TW', 'zh-Hans', 'zh', 'en'].map((lang) => {
            const el = document.createElement('article');
            el.lang = lang;
            el.innerHTML = '<p>Sift 閱讀 テスト</p>';
            root.append(el);
            root.dataset.font = font;
            const face = first(el.querySelector('p')!);
            el.remove();
            return [lang, face];
          }),
        );
      const article = document.querySelector('article.sift-article')!;
      return { page: [article.getAttribute('lang'), first(article.querySelector('p')!)], sans: probe('sans'), serif: probe('serif') };
    });
    // The seed page is Simplified Chinese without a lang attribute: judged from its characters.
    expect(faces.page).toEqual(['zh-Hans', 'PingFang SC']);
    expect(faces.sans).toEqual({ ja: 'Hiragino Sans', 'zh-Hant': 'PingFang TC', 'zh-TW': 'PingFang TC', 'zh-Hans': 'PingFang SC', zh: 'PingFang SC', en: 'system-ui' });
    expect(faces.serif).toEqual({ ja: 'Hiragino Mincho ProN', 'zh-Hant': 'Songti TC', 'zh-TW': 'Songti TC', 'zh-Hans': 'Songti SC', zh: 'Songti SC', en: 'Georgia' });
    await popup.close();
    await page.close();
  });
});

describe('the source of the article', () => {
  it('shows its domain as a link in the popup, in reader mode and in print', async () => {
    const url = sift.server.urlOf('seed-dedecms');
    const { page, tabId } = await openFixture(sift.browser, url);
    const popup = await openPopup(sift.browser, tabId);
    const link = popup.locator('.sift-meta a.sift-source');
    await link.waitFor(WAIT);
    expect([await link.textContent(), await link.getAttribute('href')]).toEqual(['127.0.0.1', url]);
    await popup.close();
    await readerOn(sift.browser, tabId, page, '.sift-reader');
    const inReader = page.locator('sift-reader .sift-meta a.sift-source');
    expect([await inReader.textContent(), await inReader.getAttribute('href')]).toEqual(['127.0.0.1', url]);
    await page.emulateMedia({ media: 'print' });
    expect(await inReader.isVisible()).toBe(true);
    // In print the full address follows it.
    expect(await inReader.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(url);
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('the badge setting', () => {
  it('shows the count, only a dot, or nothing, on every open tab as soon as it changes', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    const setBadge = (badge: string) =>
      sift.browser.worker.evaluate(async (value) => {
        const { settings } = (await chrome.storage.sync.get('settings')) as { settings?: Record<string, unknown> };
        await chrome.storage.sync.set({ settings: { ...settings, badge: value } });
      }, badge);
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('29');
    await setBadge('dot');
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('•');
    await setBadge('off');
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('');
    await setBadge('count');
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('29');
    await page.close();
  });
});

/** Where the related block's parts sit in a right-to-left list: distance from the box's right and left edges. */
function rtlSides(root: Document | ShadowRoot) {
  const box = root.querySelector('.sift-related-all')!.getBoundingClientRect();
  const sideOf = (el: Element | null) => {
    if (!el) return null;
    // The text itself, not its box: a block is as wide as its parent whichever way it reads.
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { right: Math.round(box.right - r.right), left: Math.round(r.left - box.left) };
  };
  const summary = root.querySelector('details.sift-related > summary')!;
  return {
    heading: sideOf(root.querySelector('.sift-related-heading')),
    tools: sideOf(root.querySelector('.sift-related-summary')),
    marker: getComputedStyle(summary, '::before').content,
    direction: getComputedStyle(root.querySelector('.sift-related-all')!).direction,
  };
}

describe('the related block of a right-to-left article', () => {
  const check = (sides: ReturnType<typeof rtlSides>) => {
    expect(sides.direction).toBe('rtl');
    // The header, past the disclosure marker, against the right edge; the marker points left (closed) as RTL reads.
    expect(sides.heading!.right).toBeLessThan(40);
    expect(sides.heading!.left).toBeGreaterThan(sides.heading!.right);
    expect(sides.marker).toBe('"◂"');
    if (sides.tools) expect(sides.tools.right).toBeLessThan(sides.tools.left);
  };

  it('sits on the right in the popup and in reader mode', async () => {
    const { page, tabId, popup } = await openWithPopup(sift.browser, sift.server.urlOf('rtl-ar-article'), '.sift-related-heading');
    check(await popup.evaluate(`(${rtlSides})(document)`));
    await popup.close();
    await readerOn(sift.browser, tabId, page, '.sift-reader');
    await page.locator('sift-reader .sift-related-heading').waitFor(WAIT);
    check(await page.evaluate(`(${rtlSides})(document.querySelector('sift-reader').shadowRoot)`));
    await page.keyboard.press('Escape');
    await page.close();
  });
});
