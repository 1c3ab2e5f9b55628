// Grading where the reader view shows the extraction: article HTML as text, a page without an
// article by what it says it is about, and the reader's marks over the grader's word.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleText, gradeCounts, gradePage, relevanceArticleOf } from '@/lib/reader/grade-related';
import { extract } from '@/lib/extract/index';
import type { Extraction } from '@/lib/extract/types';
import { loadPage } from '../../support/load-page';
import { FIXTURES } from '../../support/paths';

const seed = loadPage(join(FIXTURES, 'seed-dedecms'));
const news = loadPage(join(FIXTURES, 'en-news-related'));
const home = loadPage(join(FIXTURES, 'zh-homepage-not-article'));
afterAll(() => [seed, news, home].forEach((p) => p.close()));

describe('articleText', () => {
  it('is the text of the HTML, tags gone, white space squashed', () => {
    expect(articleText('<p>One <b>two</b></p>\n<p>three</p>')).toBe('One two three');
    expect(articleText('')).toBe('');
  });
});

describe('gradePage', () => {
  it('grades the seed page: no item on topic, most off', () => {
    const counts = gradeCounts(gradePage(extract(seed.document, seed.url)));
    expect(counts.total).toBe(29);
    expect(counts.on).toBe(0);
    expect(counts.off).toBeGreaterThan(20);
  });

  it('grades the four related stories of en-news-related on topic', () => {
    const blocks = gradePage(extract(news.document, news.url));
    expect(blocks.flatMap((b) => b.items.map((i) => i.relevance?.grade))).toEqual(['on', 'on', 'on', 'on']);
  });

  it('lets the reader\'s marks decide, and says so', () => {
    const extraction = extract(news.document, news.url);
    const [first, second] = extraction.related[0].items;
    const blocks = gradePage(extraction, { [first.url]: 'off' });
    expect(blocks[0].items[0]).toMatchObject({ marked: 'off', relevance: { grade: 'off' } });
    expect(blocks[0].items[1].marked).toBeUndefined();
    expect(blocks[0].items[1].url).toBe(second.url);
    expect(gradeCounts(blocks)).toEqual({ total: 4, on: 3, near: 0, off: 1 });
  });

  it('grades a page without an article against its title and description', () => {
    const extraction = extract(home.document, home.url);
    expect(extraction.article).toBeNull();
    expect(extraction.page?.title).toBeTruthy();
    const article = relevanceArticleOf(extraction);
    expect(article.title).toBe(extraction.page!.title);
    expect(article.url).toBe(home.url);
  });

  it('grades a page with no article nor page info without failing', () => {
    const bare: Extraction = {
      url: 'https://x.example/a',
      detection: { isArticle: false, relatedCount: 1, lang: '' },
      article: null,
      related: [{ heading: '', items: [{ title: 'Something', url: 'https://x.example/b' }] }],
    };
    expect(gradePage(bare)[0].items[0].relevance).toBeDefined();
  });
});
