import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ON_PAGE_LOAD, articleCounter, detect, scoreDocument } from '../../../../lib/extract/detect/detect';
import { listPageDirs, loadHtml, loadPage } from '../../../support/load-page';
import { FIXTURES as FIXTURES_DIR } from '../../../support/paths';

const FIXTURES = listPageDirs(FIXTURES_DIR);
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
    // The content script's two steps (scoring on the load path, the count at an idle moment) say the same.
    expect(scoreDocument(page.document).isArticle).toBe(d.isArticle);
    const count = articleCounter(page.document, page.url);
    expect([count != null, count?.() ?? 0]).toEqual([d.isArticle, d.relatedCount]);
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
      // The whole page counts, as the popup reads it: the list before the article too.
      expect(detect(document, URL)).toEqual({ isArticle: true, relatedCount: 5, lang: 'en' });
      expect(detect(document, URL, ON_PAGE_LOAD)).toEqual({ isArticle: true, relatedCount: 5, lang: '' });
    }
  });

  it('the load step does not count: the related count is made when asked for (the content script asks at an idle moment)', () => {
    const text = 'The council voted on Tuesday to approve the plan after a long public hearing that ran into the night. '.repeat(3);
    const { document } = loadHtml(`<html lang="en"><body><main><article>${`<p>${text}</p>`.repeat(6)}</article></main></body></html>`, URL);
    const count = articleCounter(document, URL);
    expect(count).not.toBeNull();
    // A related list that arrives after the load step (a late widget) is in the count.
    document.querySelector('main')!.insertAdjacentHTML(
      'beforeend',
      `<h3>Related stories</h3><ul>${Array.from({ length: 4 }, (_, i) => `<li><a href="/r/${i}.html">Another headline about the council ${i}</a></li>`).join('')}</ul>`,
    );
    expect(count!()).toBe(4);
    // A page that is not an article has no count to make.
    const { document: front } = loadHtml('<html><body><nav><a href="/a.html">A headline of the front page</a></nav></body></html>', URL);
    expect(articleCounter(front, URL)).toBeNull();
  });

  // The rules of issue 14 part 4, each on a small page that it decides.
  const nav = `<header><nav>${Array.from({ length: 12 }, (_, i) => `<a href="/c/${i}.html">频道 ${i}</a>`).join(' ')}</nav></header>`;
  const footer = '<footer><p>Copyright © 2024 Example News. All rights reserved.</p></footer>';
  const page = (lang: string, main: string) => `<html lang="${lang}"><body>${nav}${main}${footer}</body></html>`;
  const isArticle = (html: string) => scoreDocument(loadHtml(html, URL).document).isArticle;

  it('counts a CJK character as four Latin ones: a Chinese news item of 136 characters is an article', () => {
    const zh = [
      '国家统计局今天发布数据显示，九月份全国居民消费价格同比上涨百分之零点四，环比持平。',
      '其中，城市上涨百分之零点五，农村上涨百分之零点二；食品价格下降，非食品价格上涨。',
      '统计局表示，节日因素和天气变化对价格走势影响明显，总体运行平稳。',
      '专家预计，四季度物价将继续保持温和上涨的态势。',
    ];
    expect(zh.join('').length).toBe(136);
    const html = (paragraphs: string[]) =>
      page('zh', `<div class="main"><h1>九月份居民消费价格同比上涨</h1><div class="text">${paragraphs.map((t) => `<p>${t}</p>`).join('')}</div></div>`);
    expect(isArticle(html(zh))).toBe(true);
    // 81 characters are a notice, not an article.
    expect(isArticle(html(zh.slice(0, 2)))).toBe(false);
  });

  it('a Chinese finance article in a table layout, its figures and all, is an article', () => {
    const text = [
      '沪深两市今日小幅高开，截至收盘，上证指数报3012.45点，上涨0.52%；深证成指报9876.54点，上涨0.81%。',
      '两市成交额合计8520亿元，北向资金净流入36.5亿元。',
      '板块方面，券商、保险、半导体涨幅居前，煤炭、钢铁板块小幅回调。',
      '分析人士认为，短期市场情绪有所回暖，但仍需关注成交量能否持续放大。',
    ];
    const side = `<td width="180">${Array.from({ length: 20 }, (_, i) => `<a href="/n/${i}.html">财经要闻第${i}条</a><br>`).join('')}</td>`;
    const quotes = `<td><table>${Array.from({ length: 12 }, (_, i) => `<tr><td><a href="/q/${i}">股票${i}</a></td><td>${10 + i}.00</td><td>+${i}.0%</td></tr>`).join('')}</table></td>`;
    const article = `<td width="580"><table><tr><td class="title">沪深两市小幅收涨</td></tr><tr><td>2005年01月04日 15:30 来源：证券时报</td></tr><tr><td><font size="3">${text.join('<br><br>')}</font></td></tr></table></td>`;
    expect(isArticle(`<html><body><table width="960"><tr>${side}${article}${quotes}</tr></table></body></html>`)).toBe(true);
  });

  it('a calendar of fixtures is not an article: rows with a date or a time and no sentence are not paragraphs', () => {
    const days = Array.from({ length: 30 }, (_, i) => i + 1);
    const li = days.map((d) => `<li><span class="date">Sat ${d} Sep 2024</span> <span class="time">15:00</span> <span>Manchester United Football Club</span> v <span>Tottenham Hotspur Football Club</span> <span>Old Trafford, Manchester</span></li>`);
    expect(isArticle(page('en', `<h1>Premier League fixtures</h1><ul class="fixtures">${li.join('')}</ul>`))).toBe(false);
    // The same rows as <p>s (the fast path), and a Chinese schedule.
    const p = days.map((d) => `<p>Saturday ${d} September 2024, 15:00: Manchester United v Tottenham Hotspur at Old Trafford</p>`);
    expect(isArticle(page('en', `<div class="list">${p.join('')}</div>`))).toBe(false);
    const zh = days.map((d) => `<div class="row"><span>2024-09-${d}</span> <span>周六 19:35</span> <span>北京国安</span> vs <span>上海申花</span> <span>工人体育场</span> <span>第${d}轮</span></div>`);
    expect(isArticle(page('zh', `<h1>中超联赛赛程</h1><div class="schedule">${zh.join('')}</div>`))).toBe(false);
  });

  it('prose that mentions dates and times is still prose', () => {
    const p = (d: number) => `<p>On 14/09/2024 at 15:0${d} the council met again, and the vote on the plan was put off to 2025-01 after a long hearing.</p>`;
    expect(isArticle(page('en', `<article>${[1, 2, 3, 4, 5].map(p).join('')}</article>`))).toBe(true);
  });

  it('a long comment thread does not make a 300-character article a front page (comments are no teasers)', () => {
    const ja = [
      '気象庁によりますと、強い台風10号は、あす午後にも九州南部に接近する見込みです。九州では、あすから大雨となるおそれがあります。',
      '気象庁は、土砂災害や川の増水、低い土地の浸水に警戒するよう呼びかけています。沿岸部では高波にも注意が必要です。',
      '交通機関にも影響が出る可能性があり、JRや航空各社は運休や欠航の情報を随時発表しています。最新の情報に注意してください。',
      '鹿児島県や宮崎県では、きのうから雨が降り続いていて、一部の地域では避難指示が出されています。',
      '気象台は、早めに安全な場所へ避難するなど、命を守る行動をとるよう呼びかけています。',
      '沿岸の自治体では、あすの小中学校を臨時休校とすることを決めたところもあります。',
    ];
    expect(ja.join('').length).toBe(304);
    const comment = (i: number) => `<li class="comment"><a href="/u/${i}.html" class="author">読者 ${i} さん</a><p>昨年の台風でも大きな被害が出ました。早めの避難と備えが大切だと思います。皆さんも気をつけてください。${i}</p></li>`;
    const thread = `<section id="comments"><ol>${Array.from({ length: 120 }, (_, i) => comment(i)).join('')}</ol></section>`;
    expect(isArticle(page('ja', `<article><h1>台風10号 九州南部に接近へ</h1>${ja.map((t) => `<p>${t}</p>`).join('')}</article>${thread}`))).toBe(true);
    // The same teasers named otherwise still make a front page.
    const teasers = thread.replace('id="comments"', 'class="recommend"').replaceAll('class="comment"', 'class="item"');
    expect(isArticle(page('ja', `<div class="intro"><p>${ja[0]}${ja[1]}</p></div>${teasers}`))).toBe(false);
  });

  it('a clear run of paragraphs is an article whatever else its page holds', () => {
    const text = 'The council voted on Tuesday to approve the plan after a long public hearing that ran into the night. '.repeat(4);
    const teaser = (i: number) => `<li><h3><a href="/a/${i}.html">Another story number ${i}</a></h3><p>${'A teaser for another story, a couple of sentences long, cut short. '.repeat(3)}</p></li>`;
    // <div> paragraphs: the full pass decides; the snippets of 80 teasers hold 90% of the page's text.
    const html = page('en', `<article>${`<div>${text}</div>`.repeat(4)}</article><ul>${Array.from({ length: 80 }, (_, i) => teaser(i)).join('')}</ul>`);
    const score = scoreDocument(loadHtml(html, URL).document);
    expect(score.full).toBe(true);
    expect(score.share).toBeLessThan(0.1);
    expect(score.isArticle).toBe(true);
    // Three paragraphs are no clear run: the page's share decides, as before.
    expect(isArticle(html.replace(`<div>${text}</div>`, ''))).toBe(false);
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
