// Issue 18's controls in the reader view, in the interface's language: the contents (only for three
// or more headings), the progress bar, the Export panel and the reading-time range. The browser
// test (tests/e2e/reading-tools.test.ts) checks how they behave; this one what they say.
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract/index';
import { loadPage } from '../support/load-page';
import { FIXTURES } from '../support/paths';
import { en, zh } from '../support/locale';
import { mountReaderView } from '../support/mount';

const seedPage = loadPage(join(FIXTURES, 'seed-dedecms'));
const seed = extract(seedPage.document, seedPage.url);
const rtlPage = loadPage(join(FIXTURES, 'rtl-ar-article'));
const rtl = extract(rtlPage.document, rtlPage.url);
afterAll(async () => {
  await seedPage.close();
  await rtlPage.close();
});

describe('contents, progress and export', () => {
  it('lists the headings of an article with three or more, in the page words, under the UI words', async () => {
    for (const [t, label, title, exportTitle, time] of [
      [en, 'Table of contents', 'Contents', 'Export', /^\d+–\d+ min$/],
      [zh, '文章目录', '目录', '导出', /^约 \d+–\d+ 分钟$/],
    ] as const) {
      const { root, unmount } = mountReaderView(seed, t);
      await act(async () => new Promise((r) => setTimeout(r, 0)));
      const nav = root.querySelector('nav.sift-toc')!;
      expect(nav.hasAttribute('hidden')).toBe(false);
      expect(nav.getAttribute('aria-label')).toBe(label);
      expect(nav.querySelector('.sift-toc-label')!.textContent).toBe(title);
      const links = [...nav.querySelectorAll('.sift-toc-list a')].map((a) => a.textContent);
      expect(links).toHaveLength(8);
      expect(links[0]).toBe('ChatGPT 的起源');
      // h3 under h2: one step in.
      expect(nav.querySelector('.sift-toc-list li:nth-child(3)')!.className).toBe('sift-toc-d1');
      expect(root.querySelector('.sift-progress')!.getAttribute('aria-label')).toBe(t('readingProgress'));
      expect(root.querySelector('.sift-export > summary')!.textContent).toBe(exportTitle);
      expect([...root.querySelectorAll('.sift-export button')].map((b) => b.textContent)).toEqual([
        t('exportCopyMarkdown'),
        t('exportSaveMarkdown'),
        t('exportSaveHtml'),
      ]);
      expect(root.querySelector('.sift-reading-time')!.textContent).toMatch(time);
      unmount();
    }
  });

  it('offers no contents for an article with fewer than three headings', async () => {
    const { root, unmount } = mountReaderView(rtl);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelectorAll('.sift-body h2').length).toBe(2);
    expect(root.querySelector('nav.sift-toc')!.hasAttribute('hidden')).toBe(true);
    expect(root.querySelectorAll('.sift-toc-list a').length).toBe(0);
    unmount();
  });
});
