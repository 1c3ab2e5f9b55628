// Clutter lines inside the article container (issue 17.3): removed by lib/extract/article/cleanup.ts
// before Readability, by what the line says and how it is built, never by a site's names.
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../lib/extract/article/extract-article';
import { loadHtml } from '../../../support/load-page';

const closers: (() => unknown)[] = [];
afterAll(() => closers.forEach((close) => close()));

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i + 1} of the story: the council met on Tuesday evening and agreed, after a long debate about the budget, to keep the library open until ten at night for a trial of three months.</p>`,
).join('');
const ZH = Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}段：市议会周二晚上开会，经过关于预算的长时间讨论，同意图书馆在三个月的试行期内开放到晚上十点，方便下班的读者。</p>`).join('');

function articleText(inside: string, lang = 'en'): string {
  const { window, document } = loadHtml(
    `<!doctype html><html lang="${lang}"><head><title>Library hours</title></head><body><article><h1>Library hours</h1>${inside}</article></body></html>`,
    'https://news.example/a/1.html',
  );
  closers.push(() => window.happyDOM.close());
  const article = extractArticle(document, 'https://news.example/a/1.html', { anyway: true })!;
  const { document: out } = loadHtml(`<body>${article.contentHtml}</body>`, 'https://news.example/');
  return (out.body.textContent ?? '').replace(/\s+/g, ' ');
}

describe('clutter lines in the article', () => {
  it.each([
    ['a [PR] ad line', `<p>[PR] Cheap flights to anywhere, book today</p>${PARAGRAPHS}`, 'Cheap flights'],
    ['a breadcrumb trail', `<div><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; <a href="/news/city">City</a></div>${PARAGRAPHS}`, 'City'],
    ['an image credit', `<figure><figcaption>Image copyright Getty Images</figcaption></figure>${PARAGRAPHS}`, 'Getty'],
    ['a follow-us line', `${PARAGRAPHS}<p>Follow us on Twitter and Facebook for more stories</p>`, 'Follow us'],
    ['a newsletter sign-up', `${PARAGRAPHS}<p>Sign up for our weekly newsletter</p>`, 'weekly newsletter'],
    ['a subscription pitch', `${PARAGRAPHS}<p>Already a subscriber? Log in to keep reading.</p>`, 'subscriber'],
    ['a copyright line', `${PARAGRAPHS}<p>Copyright © 2024 Example Media. All rights reserved.</p>`, 'All rights reserved'],
    [
      'a copyright line between <br>s',
      `${PARAGRAPHS}<div>The library will report on the trial in the spring.<br>© 2024 Example Media (<a href="https://www.example.com">www.example.com</a>). All rights reserved.</div>`,
      'Example Media',
    ],
    ['a photo credit line', `<p>(Photo: Reuters)</p>${PARAGRAPHS}`, 'Reuters'],
    ['a trail from the site name, no home word', `<p><a href="/">Daily Example</a> &gt; <a href="/city">City news</a> &gt; <a href="/city/2024">2024</a> &gt; Library hours</p>${PARAGRAPHS}`, 'City news'],
    [
      'a Korean copyright line after a <br>',
      `${PARAGRAPHS}<div>${'시의회는 화요일 저녁 회의를 열어 예산에 관한 긴 토론 끝에 석 달 동안 도서관을 밤 열 시까지 열기로 합의했다. '.repeat(3)}<br><br>${'도서관은 봄에 시범 운영의 결과를 발표하고 시민들의 의견을 들을 예정이라고 밝혔다. '.repeat(3)}<br><br>저작권자 ⓒ 엔터미디어(<a href="http://www.example.co.kr">www.example.co.kr</a>), 무단전재 및 재배포금지</div>`,
      '무단전재',
    ],
  ])('removes %s', (_name, html, gone) => {
    const text = articleText(html);
    expect(text).toContain('Paragraph 6 of the story');
    if (html.includes('도서관은')) expect(text).toContain('의견을 들을 예정이라고 밝혔다');
    expect(text).not.toContain(gone);
  });

  it.each([
    ['an editor line', `${ZH}<p>（ 责任编辑：魏喆 ）</p>`, '魏喆'],
    ['a bracketed editor line', `${ZH}<p>【编辑：姚昊】</p>`, '姚昊'],
    ['a source and editor line', `${ZH}<p><span>本文来源：新华社</span> 责任编辑：李曦_NN2587</p>`, '李曦'],
    ['an info line of labels', `<p>来源：本站原创 作者：张三 时间：2019年10月31日 浏览：33</p>${ZH}`, '浏览'],
    ['a topic link', `${ZH}<p><a href="/zt/1">点击进入专题：图书馆夜间开放</a></p>`, '点击进入专题'],
    ['a breadcrumb trail', `<div><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div>${ZH}`, '首页'],
  ])('removes %s (Chinese)', (_name, html, gone) => {
    const text = articleText(html, 'zh');
    expect(text).toContain('第6段');
    expect(text).not.toContain(gone);
  });

  it('keeps a sentence whose links are joined by chevrons', () => {
    const text = articleText(
      `${PARAGRAPHS}<p>Open <a href="/help/settings">Settings</a> &gt; <a href="/help/privacy">Privacy</a> &gt; <a href="/help/cards">Cards</a>, then read the help pages for the rest of the steps the library suggests.</p>`,
    );
    expect(text).toContain('Settings > Privacy > Cards, then read');
  });

  it('drops layout tables with nothing to read or see (corner images, a script-only ad cell), keeps a table of figures', () => {
    const html = articleText(
      `<table><tr><td><img src="/c1.gif" width="7" height="7"></td><td></td><td><img src="/c2.gif" width="7" height="7"></td></tr></table>` +
        `<table><tr><td><script>ad_slot = 1;</script></td></tr><tr><td>&nbsp;</td></tr></table>${PARAGRAPHS}` +
        `<table><tr><th>Month</th><th>Readers</th></tr><tr><td>May</td><td>412</td></tr></table>`,
    );
    expect(html).toContain('Paragraph 6 of the story');
    expect(html).toContain('Readers');
    const { window, document } = loadHtml(`<!doctype html><html><body><article><h1>Library hours</h1>` +
      `<table><tr><td><img src="https://news.example/c1.gif" width="7" height="7"></td></tr></table>${PARAGRAPHS}` +
      `<table><tr><td><img src="https://news.example/photo.jpg" width="480" height="360"></td></tr></table></article></body></html>`, 'https://news.example/a/1.html');
    closers.push(() => window.happyDOM.close());
    const article = extractArticle(document, 'https://news.example/a/1.html', { anyway: true })!;
    expect(article.contentHtml).not.toContain('c1.gif');
    expect(article.contentHtml).toContain('photo.jpg');
  });

  it('keeps sentences that only mention such words', () => {
    const text = articleText(
      `${PARAGRAPHS}<p>Follow the money, said the treasurer, and you will see why the library needs more readers.</p><p>Readers who subscribe to the library's letters learned about the trial first.</p><p><a href="/">Home</a> is where the library is, the mayor joked.</p>`,
    );
    expect(text).toContain('Follow the money');
    expect(text).toContain('subscribe to the library');
    expect(text).toContain('is where the library is');
    const lines = articleText(
      `${PARAGRAPHS}<div>The library will report on the trial in the spring.<br>Copyright law, the mayor said, lets the library lend e-books freely.<br>(Photo: a reader at night, said the mayor, who took it himself at the library on Tuesday.)</div>`,
    );
    expect(lines).toContain('Copyright law, the mayor said');
    expect(lines).toContain('The library will report');
    expect(lines).toContain('who took it himself');
    const zh = articleText(`${ZH}<p>据新华社报道，来源于市政府的消息称，编辑部也收到了读者来信。</p>`, 'zh');
    expect(zh).toContain('来源于市政府');
  });
});
