// The reader's per-site rules in extract() (issue 19): a picked element is the article, whole and
// sanitised; a removed block leaves it; a rule that finds nothing on the page is ignored and
// reported; the related items are found as without rules; the page is never changed.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extract } from '@/lib/extract/index';
import type { ExtractRule } from '@/lib/extract/types';
import { loadPage, type LoadedPage } from '../../support/load-page';
import { FIXTURES } from '../../support/paths';

const opened: LoadedPage[] = [];
const fixture = (id: string) => {
  const page = loadPage(join(FIXTURES, id));
  opened.push(page);
  return page;
};
afterAll(async () => {
  for (const p of opened) await p.close();
});
const text = (html = '') => html.replace(/<[^>]+>/g, ' ');

describe('extract with site rules', () => {
  it('makes the picked element the article, whole, with the page\'s metadata and the same related items', () => {
    const page = fixture('en-news-related');
    const plain = extract(page.document, page.url);
    const before = page.document.documentElement.outerHTML;
    const rules: ExtractRule[] = [{ action: 'article', selector: 'section.most-read' }];
    const picked = extract(page.document, page.url, { rules });
    expect(page.document.documentElement.outerHTML).toBe(before);
    const body = text(picked.article?.contentHtml);
    expect(body).toContain('Ferry fares to rise 8% in June');
    expect(body).toContain('Most read');
    expect(body).not.toContain('Calder Grid Systems');
    expect(picked.article?.title).toBe(plain.article?.title);
    expect(picked.related).toEqual(plain.related);
    expect(picked.ruleNotes).toEqual([{ action: 'article', selector: 'section.most-read', matched: true }]);
    // Sanitised as any article: the list is a list, its links absolute, nothing the page could run.
    expect(picked.article?.contentHtml).toMatch(/^<ol[\s>]|<ol[\s>]/);
    expect(picked.article?.contentHtml).toContain('href="https://www.harborlinenews.com/local/2024/05/13/ferry-fare-increase-june"');
    expect(picked.article?.contentHtml).not.toMatch(/<script|<section class/);
  });

  it('the newest matching article rule wins; one that finds nothing is ignored and reported', () => {
    const page = fixture('en-news-related');
    const plain = extract(page.document, page.url);
    const rules: ExtractRule[] = [
      { action: 'article', selector: 'div.story__body' },
      { action: 'article', selector: 'section.most-read' },
      { action: 'article', selector: 'div.no-such-block' },
    ];
    const result = extract(page.document, page.url, { rules });
    expect(text(result.article?.contentHtml)).toContain('Ferry fares');
    expect(result.ruleNotes?.map((n) => n.matched)).toEqual([true, true, false]);

    const missing = extract(page.document, page.url, { rules: [{ action: 'article', selector: '#gone .article' }, { action: 'remove', selector: 'p[' }] });
    expect(missing.article).toEqual(plain.article);
    expect(missing.ruleNotes).toEqual([
      { action: 'article', selector: '#gone .article', matched: false },
      { action: 'remove', selector: 'p[', matched: false },
    ]);
    expect(plain.ruleNotes).toBeUndefined();
  });

  it('takes the blocks of remove rules out of the article', () => {
    const page = fixture('en-news-related');
    const plain = extract(page.document, page.url);
    const list = 'whether server vendors will honor warranties';
    expect(text(plain.article?.contentHtml)).toContain(list);
    const result = extract(page.document, page.url, { rules: [{ action: 'remove', selector: 'div.story__body ul' }] });
    expect(text(result.article?.contentHtml)).not.toContain(list);
    expect(text(result.article?.contentHtml)).toContain('Calder Grid Systems');
    expect(result.ruleNotes).toEqual([{ action: 'remove', selector: 'div.story__body ul', matched: true }]);
  });

  it('shows a picked element even on a page detection calls no article', () => {
    const page = fixture('zh-homepage-not-article');
    expect(extract(page.document, page.url).article).toBeNull();
    const block = page.document.querySelector('body *:not(script):not(style) p')!.parentElement!;
    block.setAttribute('class', 'picked-here');
    const result = extract(page.document, page.url, { rules: [{ action: 'article', selector: '.picked-here' }] });
    expect(result.article?.contentHtml).toBeTruthy();
  });
});
