// The reader view of a right-to-left page (fixture rtl-ar-article, extracted for real): the
// article keeps its language and direction, images keep alt and caption and get a `sizes`,
// and the interface speaks the browser's language around it.
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract/index';
import { loadPage } from '../support/load-page';
import { FIXTURES } from '../support/paths';
import { en, zh } from '../support/locale';
import { mountReaderView } from '../support/mount';

const page = loadPage(join(FIXTURES, 'rtl-ar-article'));
const extraction = extract(page.document, page.url);
afterAll(() => page.close());

const mount = (t = en) => mountReaderView(extraction, t);

describe('a right-to-left article', () => {
  it('is an <article> with lang=ar and dir=rtl, and so is its body and related list', async () => {
    const { root, unmount } = mount();
    // The related list comes once the lazily loaded grader has answered.
    await act(async () => {
      await import('@/lib/reader/grade-related');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const article = root.querySelector('article.sift-article')!;
    expect(article.getAttribute('lang')).toBe('ar');
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(root.querySelector('.sift-body')!.getAttribute('dir')).toBe('rtl');
    const list = root.querySelector('ol.sift-items')!;
    expect(list.getAttribute('dir')).toBe('rtl');
    // The list is named by its heading, the page's own words.
    const heading = root.querySelector(`#${CSS.escape(list.getAttribute('aria-labelledby')!)}`)!;
    expect(heading.textContent).toContain('مقالات ذات صلة');
    unmount();
  });

  it('keeps the image alt text and caption, and tells the image our column width', () => {
    const { root, unmount } = mount();
    const img = root.querySelector('.sift-body figure img[srcset]')!;
    expect(img.getAttribute('alt')).toContain('قاعة القراءة');
    expect(img.getAttribute('sizes')).toMatch(/^(\d+px|100vw)$/);
    expect(root.querySelector('.sift-body figure figcaption')!.textContent).toBe('قاعة القراءة الكبيرة في أول مساء من التجربة.');
    unmount();
  });

  it("shows the reading time as a range by the article's language, in the interface language", () => {
    // Arabic: IReST's 138 ± 20 words a minute (lib/extract/article/reading-time.ts), a fast to a slow reader.
    const { fast, slow } = extraction.article!.readingTime!;
    expect(fast).toBeLessThan(slow);
    expect(extraction.article!.readingMinutes).toBe(Math.round((fast + slow) / 2));
    const english = mount(en);
    expect(english.root.querySelector('.sift-reading-time')!.textContent).toBe(`${fast}–${slow} min`);
    english.unmount();
    const chinese = mount(zh);
    expect(chinese.root.querySelector('.sift-reading-time')!.textContent).toBe(`约 ${fast}–${slow} 分钟`);
    chinese.unmount();
  });
});
