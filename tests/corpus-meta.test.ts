// The meta line on real pages (issue 17.4): author, site and date from the page's info line,
// its JSON-LD and its <title>, and bylines without labels, counters or e-mail placeholders. Reads
// ../shared/corpus/pages in place (never copied here); skipped with a message when it is absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extract } from '../lib/extract/index';
import type { Article } from '../lib/extract/types';
import { listPageDirs, loadPage } from './support/load-page';
import { CORPUS_PAGES } from './support/paths';

const present = existsSync(CORPUS_PAGES);
if (!present) console.warn(`corpus-meta.test: ${CORPUS_PAGES} is absent; its tests are skipped`);

async function articleOf(id: string): Promise<Article | null> {
  const page = loadPage(resolve(CORPUS_PAGES, id));
  try {
    return extract(page.document, page.url).article;
  } finally {
    await page.close();
  }
}

describe.skipIf(!present)('meta line on Chinese portals (../shared/corpus/pages)', () => {
  test.each([
    // id, byline, site, date (its start)
    // Its editor credit ("责任编辑：张申") is cleaned out of the article (issue 17.3); the source
    // comes from the line under the headline, a date and a name without a label.
    ['gne-sina-sina', '北京日报', '新浪新闻', '2019-09-07'],
    ['gne-sina-1', '参考消息', '新浪新闻', '2019-11-25'],
    ['gne-huanqiu-1', undefined, undefined, '2020-06-05T20:35'],
    ['gne-thepaper-1', undefined, '澎湃新闻-The Paper', '2019-09-24T09:10'],
    ['gne-ifeng-1', '澎湃新闻网', '凤凰网', '2019-11-25T16:04:30'],
    ['gne-xinhuanet-1', undefined, '新华网', undefined],
    ['gne-guancha-2', 'EETOP', undefined, '2019-09-07'],
    ['gne-njxfhn-1', undefined, '富达传媒', '2019-09-11'],
    ['gne-baijiahao-1', '加拿大必读', undefined, undefined],
  ])('%s', async (id, byline, site, date) => {
    const article = (await articleOf(id))!;
    expect(article).not.toBeNull();
    if (byline) expect(article.byline).toBe(byline);
    if (site) expect(article.siteName).toBe(site);
    if (date) expect(article.publishedTime?.startsWith(date), `${article.publishedTime}`).toBe(true);
  });

  test('no byline on any labelled page carries a label, a date, a counter or an e-mail placeholder', async () => {
    const bad: string[] = [];
    for (const dir of listPageDirs(CORPUS_PAGES)) {
      const page = loadPage(dir);
      try {
        const byline = extract(page.document, page.url).article?.byline;
        if (byline && /@|责任编辑|发布时间|^by\s|\d{4}[-/年]\d|\d+人参与|总篇数/i.test(byline)) bad.push(`${dir}: ${byline}`);
      } finally {
        await page.close();
      }
    }
    expect(bad).toEqual([]);
  }, 300_000);
});
