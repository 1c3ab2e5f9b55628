import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ON_PAGE_LOAD, detect, scoreDocument } from '../../lib/detect';
import { listPageDirs, loadHtml, loadPage } from '../tools/load-page';

const FIXTURES = listPageDirs(resolve(__dirname, '../fixtures'));
const URL = 'https://news.example/2024/05/story.html';

const paragraph = (text: string) => `<p>${text}</p>`;
const ZH = '联合国贸发会议发布了年度贸易和发展报告，即使忽略最坏的下行风险，全球经济增长率也将下降。';

describe('detect on the fixtures', () => {
  it.each(FIXTURES.map((d) => [d.split('/').pop()!, d]))('%s: is_article and lang as labelled', async (_id, dir) => {
    const page = loadPage(dir);
    const d = detect(page.document, page.url);
    expect(d.isArticle).toBe(page.labels.is_article);
    expect(d.lang).toBe(page.labels.lang);
    if (!page.labels.is_article) expect(d.relatedCount).toBe(0);
    // What the content script asks for: the same, without the language.
    expect(detect(page.document, page.url, ON_PAGE_LOAD)).toEqual({ ...d, lang: '' });
    await page.close();
  });
});

describe('detect rules', () => {
  it('counts Chinese paragraphs in characters: five short zh paragraphs make an article', () => {
    const { document } = loadHtml(`<html><body><div class="c">${paragraph(ZH).repeat(5)}</div></body></html>`, URL);
    expect(scoreDocument(document).isArticle).toBe(true);
  });

  it('the same number of Latin characters is not an article', () => {
    const latin = 'word '.repeat(Math.ceil(ZH.length / 5)).slice(0, ZH.length);
    const { document } = loadHtml(`<html><body><div>${paragraph(latin).repeat(5)}</div></body></html>`, URL);
    expect(scoreDocument(document).isArticle).toBe(false);
  });

  it('a long English article in one container is an article', () => {
    const p = 'The council voted on Tuesday to approve the plan after a long public hearing that ran into the night. '.repeat(3);
    const { document } = loadHtml(`<html lang="en-GB"><body><nav><a href="/">Home</a></nav><article>${paragraph(p).repeat(6)}</article></body></html>`, URL);
    const d = detect(document, URL);
    expect(d.isArticle).toBe(true);
    expect(d.lang).toBe('en');
  });

  it('hidden text does not count', () => {
    const p = 'The council voted on Tuesday to approve the plan after a long public hearing that ran into the night. '.repeat(3);
    const { document } = loadHtml(`<html><body><div style="display: none">${paragraph(p).repeat(6)}</div><div hidden>${paragraph(p).repeat(6)}</div></body></html>`, URL);
    expect(scoreDocument(document).isArticle).toBe(false);
  });

  it('a list of teasers (title link + snippet each) is not an article', () => {
    const teaser = (i: number) => `<li><h3><a href="/a/${i}.html">标题 ${i}</a></h3><p>${ZH}${ZH}</p></li>`;
    const { document } = loadHtml(`<html><body><ul>${Array.from({ length: 30 }, (_, i) => teaser(i)).join('')}</ul></body></html>`, URL);
    expect(scoreDocument(document).isArticle).toBe(false);
  });

  it('a flat list of linked headings with snippets is not an article either', () => {
    const snippet = 'A short teaser for the story, cut after a couple of sentences so that readers click through to read the rest of it.';
    const teaser = (i: number) => `<h3><a href="/a/${i}.html">Headline ${i}</a></h3><p>${snippet}</p>`;
    const { document } = loadHtml(`<html><body><div>${Array.from({ length: 30 }, (_, i) => teaser(i)).join('')}</div></body></html>`, URL);
    expect(scoreDocument(document).isArticle).toBe(false);
  });

  it('link text is not paragraph text', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<a href="/n/${i}">A fairly long headline number ${i} about something</a>`).join(' ');
    const { document } = loadHtml(`<html><body><div>${paragraph(links).repeat(3)}</div></body></html>`, URL);
    expect(scoreDocument(document).isArticle).toBe(false);
  });

  it('counts related items on both paths: after the fast path, and from the full pass\'s candidate headings', () => {
    const text = 'The council voted on Tuesday to approve the plan after a long public hearing that ran into the night. '.repeat(3);
    const list = `<h3>Related stories</h3><ul>${Array.from({ length: 4 }, (_, i) => `<li><a href="/r/${i}.html">Another headline about the council ${i}</a></li>`).join('')}</ul>`;
    const header = `<header><h3>Related stories</h3><ul><li><a href="/h/1.html">A link in the page header here</a></li></ul></header>`;
    // <p> paragraphs: the fast path decides; <div> paragraphs (royal-road): the full pass does.
    for (const [tag, full] of [['p', false], ['div', true]] as const) {
      const { document } = loadHtml(`<html lang="en"><body>${header}<main><div><article>${`<${tag}>${text}</${tag}>`.repeat(6)}</article></div>${list}</main></body></html>`, URL);
      const headings: Node[] = [];
      const score = scoreDocument(document, headings);
      expect(score.full).toBe(full);
      expect(headings.length).toBe(full ? 2 : 0);
      // The list before the article's region (the page header) is not counted.
      expect(detect(document, URL)).toEqual({ isArticle: true, relatedCount: 4, lang: 'en' });
    }
  });

  it('guesses the language from the text when the page declares none', () => {
    const { document } = loadHtml(`<html><body><div>${paragraph(ZH).repeat(5)}</div></body></html>`, URL);
    expect(detect(document, URL).lang).toBe('zh');
  });

  it.each([
    ['en-GB', 'en'],
    ['zh_CN', 'zh'],
    ['FR', 'fr'],
    ['de, en', 'de'],
    [' ja ', 'ja'],
    ['english', 'zh'], // not a language tag: the text decides
    ['x-klingon', 'zh'],
  ])('<html lang="%s"> gives %j', (lang, expected) => {
    const { document } = loadHtml(`<html lang="${lang}"><body><div>${paragraph(ZH).repeat(5)}</div></body></html>`, URL);
    expect(detect(document, URL).lang).toBe(expected);
  });

  it('reads Content-Language when <html lang> is missing', () => {
    const { document } = loadHtml(`<html><head><meta http-equiv="Content-Language" content="fr-FR"></head><body><p>x</p></body></html>`, URL);
    expect(detect(document, URL).lang).toBe('fr');
  });

  it('a document without a body scores nothing and makes no full pass', () => {
    const { window } = loadHtml('<html><body></body></html>', URL);
    const svg = new window.DOMParser().parseFromString('<svg xmlns="http://www.w3.org/2000/svg"><text>A caption</text></svg>', 'image/svg+xml');
    const headings: Node[] = [];
    expect(scoreDocument(svg as unknown as Document, headings)).toEqual({ isArticle: false, main: 0, share: 0, teasers: 0, sample: '', mainEl: null, full: false });
    expect(headings).toEqual([]);
  });

  it('does not change the document', () => {
    const { document } = loadHtml(`<html><body><div>${paragraph(ZH).repeat(5)}</div></body></html>`, URL);
    const before = document.documentElement.outerHTML;
    detect(document, URL);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
