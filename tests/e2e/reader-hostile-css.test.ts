// @vitest-environment node
// Page CSS against reader mode (issue 21, part 2): whatever the page's styles say, the reader is
// painted over the whole window, its controls take real clicks, and leaving it gives the page's
// styles back exactly (every sheet's `disabled` state, the computed style of its elements).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openFixture, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { labelsOf } from '../support/load-page';

const sift = useSiftBrowser();
const labels = labelsOf('seed-dedecms');

interface Hostile {
  name: string;
  /** A style sheet the page has before reader mode opens. */
  css?: string;
  /** Or something the page does to its own elements. */
  script?: () => void;
}

const HOSTILE: Hostile[] = [
  { name: 'control' },
  { name: 'html and body display:none', css: 'html, body { display: none !important; }' },
  { name: 'everything visibility:hidden', css: '* { visibility: hidden !important; }' },
  { name: 'everything pointer-events:none', css: '* { pointer-events: none !important; }' },
  { name: 'opacity 0 on html', css: 'html { opacity: 0 !important; }' },
  { name: 'filter on html', css: 'html { filter: opacity(0) !important; }' },
  { name: 'zoom on html', css: 'html { zoom: 0.05 !important; }' },
  { name: 'content-visibility on body', css: 'body { content-visibility: hidden !important; }' },
  { name: 'transform, clip-path and mask on html and body', css: 'html { transform: scale(0.01) !important; mask-image: linear-gradient(transparent, transparent) !important; } body { clip-path: inset(50%) !important; }' },
  { name: "the reader's own host styled", css: 'sift-reader { display: none !important; zoom: 0.05 !important; visibility: hidden !important; }' },
  {
    name: 'a fixed element with the largest z-index',
    script: () => {
      const cover = document.createElement('div');
      cover.id = 'hostile-cover';
      cover.setAttribute('style', 'position:fixed!important;inset:0!important;z-index:2147483647!important;background:#f0f!important');
      document.body.append(cover);
    },
  },
  {
    name: 'inline styles on html and body',
    script: () => {
      // (Not display or visibility: Readability reads an inline one as "not part of the article".)
      document.documentElement.setAttribute('style', 'zoom: 0.05 !important; filter: opacity(0) !important');
      document.body.setAttribute('style', 'content-visibility: hidden !important');
    },
  },
];

/** Reader mode switched the way the background does it (scripting.executeScript of /reader.js). */
function toggle(tabId: number): Promise<boolean | undefined> {
  return sift.browser.worker.evaluate(async (id) => {
    const [injected] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/reader.js'] });
    return (injected?.result as { active?: boolean } | undefined)?.active;
  }, tabId);
}

/** The page's styles as the reader must leave them: sheets' `disabled`, computed style of a few elements. */
function styleSnapshot(page: Page) {
  return page.evaluate(() => {
    const pick = (el: Element | null) => {
      if (!el) return null;
      const s = getComputedStyle(el);
      return ['display', 'visibility', 'opacity', 'filter', 'zoom', 'pointer-events', 'color', 'background-color', 'font-size', 'overflow'].map(
        (p) => `${p}:${s.getPropertyValue(p)}`,
      );
    };
    return {
      html: document.documentElement.outerHTML,
      sheets: [...document.styleSheets].map((s) => s.disabled),
      adopted: document.adoptedStyleSheets.map((s) => s.disabled),
      computed: ['html', 'body', 'h1', 'p', '#hostile-cover'].map((sel) => pick(document.querySelector(sel))),
      scrollY: window.scrollY,
    };
  });
}

/**
 * How much of `box` (in CSS pixels of the window) is painted in something other than its most
 * common colour: the text of a visible title covers a few per cent; a blank or hidden one none.
 */
async function inkShare(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip: box, caret: 'initial' });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    return 1 - Math.max(...counts.values()) / total;
  }, png.toString('base64'));
}

/** The close button's box in the window, and what the browser would hit at its centre. */
function closeButton(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('sift-reader')?.shadowRoot;
    const button = root?.querySelector<HTMLElement>('.sift-close');
    if (!root || !button) return null;
    const r = button.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    return { x, y, width: r.width, height: r.height, hit: root.elementFromPoint(x, y) === button };
  });
}

describe('page CSS cannot hide, cover or disable reader mode', () => {
  for (const hostile of HOSTILE) {
    it(hostile.name, async () => {
      // A URL of its own: tabs are found by URL, and a failed case may leave its tab open.
      const url = `${sift.server.urlOf('seed-dedecms')}?case=${encodeURIComponent(hostile.name)}`;
      const { page, tabId } = await openFixture(sift.browser, url);
      try {
      await page.evaluate(() => {
        // Two sheets of the page's own, one of them switched off by the page: both come back as they were.
        const on = document.createElement('style');
        on.textContent = 'h1 { color: rgb(200, 0, 0); font-size: 41px; } p { background-color: rgb(1, 2, 3); }';
        const off = document.createElement('style');
        off.textContent = 'h1 { color: rgb(0, 0, 200); }';
        document.head.append(on, off);
        off.sheet!.disabled = true;
        const adopted = new CSSStyleSheet();
        adopted.replaceSync('p { color: rgb(0, 90, 0); }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
        window.scrollTo(0, 800);
      });
      if (hostile.css) await page.addStyleTag({ content: hostile.css });
      if (hostile.script) await page.evaluate(hostile.script);
      const before = await styleSnapshot(page);

      expect(await toggle(tabId)).toBe(true);
      const title = page.locator('sift-reader .sift-title');
      await expect.poll(() => title.textContent(), WAIT).toBe(labels.title);

      // Painted: the title is full size and its text shows in a screenshot of the window.
      const box = await title.boundingBox();
      expect(box, 'the title has a box').not.toBeNull();
      expect(box!.height).toBeGreaterThan(20);
      expect(await inkShare(page, box!)).toBeGreaterThan(0.02);
      // Covering: the reader is what the window shows at its corners and centre.
      const covered = await page.evaluate(() =>
        [
          [5, 5],
          [innerWidth / 2, innerHeight / 2],
          [innerWidth - 5, innerHeight - 5],
        ].every(([x, y]) => document.elementFromPoint(x, y)?.localName === 'sift-reader'),
      );
      expect(covered).toBe(true);

      // Usable: a real click on the close button reaches it and closes the reader.
      const close = await closeButton(page);
      expect(close?.hit, 'the close button is what a click there hits').toBe(true);
      await page.mouse.click(close!.x, close!.y);
      await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);

      expect(await styleSnapshot(page)).toEqual(before);
      } finally {
        await page.close();
      }
    });
  }
});
