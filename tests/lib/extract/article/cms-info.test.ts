import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cmsInfo } from '../../../../lib/extract/article/cms-info';
import { extractArticle } from '../../../../lib/extract/article/extract-article';
import { loadHtml, loadPage, type LoadedPage } from '../../../support/load-page';
import { FIXTURES } from '../../../support/paths';

const URL_ = 'https://www.example.cn/news/1.html';
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});
function info(body: string) {
  const { window, document } = loadHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`, URL_);
  closers.push(() => window.happyDOM.close());
  return cmsInfo(document);
}

describe('cmsInfo: the info line of Chinese CMS pages', () => {
  it('seed-dedecms: the date and time, and the source since the author is "admin"', () => {
    const page: LoadedPage = loadPage(join(FIXTURES, 'seed-dedecms'));
    closers.push(page.close);
    expect(cmsInfo(page.document)).toEqual({ date: '2023-03-15T10:32:00', byline: '微软科技' });
    const article = extractArticle(page.document, page.url)!;
    expect(article.publishedTime).toBe('2023-03-15T10:32:00');
    expect(article.byline).toBe('微软科技');
  });

  it('reads other layouts: 发布时间 with 年月日, a named author first', () => {
    expect(info('<h1>标题</h1><p class="info">发布时间：2024年5月3日 作者：张三 来源：新华网</p><p>正文。</p>')).toEqual({ date: '2024-05-03', byline: '张三' });
    expect(info('<div><span>日期:</span>2022/11/09 <span>作者:</span>佚名</div>')).toEqual({ date: '2022-11-09' });
  });

  it('nothing without a dated info line, or when the "line" is prose', () => {
    expect(info('<p>作者:张三</p>')).toEqual({});
    expect(info(`<p>时间:2023-03-15 ${'很长的正文。'.repeat(60)}</p>`)).toEqual({});
    expect(info('<p>Published 2023-03-15 by Jane</p>')).toEqual({});
  });
});
