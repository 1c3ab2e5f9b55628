import { afterAll, describe, expect, it } from 'vitest';
import { cleanByline, jsonLdMeta, siteFromTitle } from '../../../../lib/extract/article/meta';
import { infoNearTitle } from '../../../../lib/extract/article/cms-info';
import { loadHtml } from '../../../support/load-page';

const closers: (() => unknown)[] = [];
afterAll(() => closers.forEach((close) => close()));
function doc(head: string, body: string) {
  const { window, document } = loadHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://news.example.cn/a/1.html');
  closers.push(() => window.happyDOM.close());
  return document;
}

describe('cleanByline', () => {
  it.each([
    ['责任编辑：张申', '张申'],
    ['加拿大必读 发布时间：10-0812:00优质原创作者', '加拿大必读'],
    ['体育教科书发布时间：18-03-0823:16', '体育教科书'],
    ['澎湃新闻网1032人参与308评论', '澎湃新闻网'],
    ['By Scott Cunningham', 'Scott Cunningham'],
    ['by Jeff Foust — November 18, 2019', 'Jeff Foust'],
    ['Lucas Nolan22 Dec 2016651', 'Lucas Nolan'],
    ['Bradley M. Kuhn (http://ebb.org/bkuhn/)', 'Bradley M. Kuhn'],
    ['www.site.cn,某某日报报业集团,某某网', '某某日报报业集团'],
    ['FEDERICA LUSIARDI -', 'FEDERICA LUSIARDI'],
  ])('%s → %s', (raw, expected) => expect(cleanByline(raw)).toBe(expected));

  it.each([['name, email@gmail.com'], ['■该作者文章'], ['Last Updated: January 7, 2025'], ['2019-09-07 15:10'], [''], [null]])(
    'drops %s',
    (raw) => expect(cleanByline(raw)).toBeUndefined(),
  );
});

describe('jsonLdMeta', () => {
  it('reads author, publisher and date from an article in a @graph, and Baidu-style pubDate', () => {
    const graph = JSON.stringify({ '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': 'NewsArticle', author: [{ name: 'A. Writer' }, { name: 'B. Writer' }], publisher: { name: 'Example News' }, datePublished: '2024-05-03T10:00:00Z' }] });
    expect(jsonLdMeta(doc(`<script type="application/ld+json">${graph}</script>`, ''))).toEqual({ author: 'A. Writer, B. Writer', publisher: 'Example News', date: '2024-05-03T10:00:00Z' });
    const cambrian = JSON.stringify({ '@context': 'https://ziyuan.baidu.com/contexts/cambrian.jsonld', title: 't', pubDate: '2019-09-11T02:46:57' });
    expect(jsonLdMeta(doc(`<script type="application/ld+json">${cambrian}</script>`, ''))).toEqual({ date: '2019-09-11T02:46:57' });
  });

  it('ignores broken JSON and objects that are not articles', () => {
    expect(jsonLdMeta(doc('<script type="application/ld+json">{ not json</script><script type="application/ld+json">{"@type":"Organization","name":"x"}</script>', ''))).toEqual({});
  });
});

describe('siteFromTitle', () => {
  it.each([
    ['女童眼睛被塞几十片纸_凤凰网资讯_凤凰网', '女童眼睛被塞几十片纸', '凤凰网'],
    ['法国全国大罢工再次严重影响交通-新华网', '法国全国大罢工再次严重影响交通', '新华网'],
    ['Headline here | Example News', 'Headline here', 'Example News'],
  ])('%s → %s', (title, headline, site) => expect(siteFromTitle(title, headline)).toBe(site));

  it('gives nothing when the title does not start with the headline or ends in a phrase', () => {
    expect(siteFromTitle('Other | Example News', 'Headline')).toBeUndefined();
    expect(siteFromTitle('Headline', 'Headline')).toBeUndefined();
    expect(siteFromTitle('Diet plan | lose up to 10 kg in two weeks, reviews', 'Diet plan')).toBeUndefined();
  });
});

describe('infoNearTitle: a date without a label in the line under the headline', () => {
  it('reads the date and time, and a labelled source in the same line', () => {
    const d = doc('<title>t</title>', '<h1><strong>补壹刀：十八人的联军</strong></h1><div class="a-info"><span class="time">2020-06-05 20:35</span> <span>来源：</span><span>环球网</span></div><p>正文。</p>');
    expect(infoNearTitle(d, '补壹刀：十八人的联军')).toEqual({ date: '2020-06-05T20:35:00', byline: '环球网' });
    const ymd = doc('<title>t</title>', '<div class="title">法国大罢工</div><div><span>2019年11月25日 16:04:30</span></div>');
    expect(infoNearTitle(ymd, '法国大罢工')).toEqual({ date: '2019-11-25T16:04:30' });
  });

  it('reads a name without a label beside the date as the source, not a tool or a counter', () => {
    const d = doc('', '<div class="t">中国芯本月商用</div><div class="date-source"><span class="date">2019年09月07日 04:04</span> <a href="https://paper.example.cn/1.htm">北京日报</a></div><p>正文。</p>');
    expect(infoNearTitle(d, '中国芯本月商用')).toEqual({ date: '2019-09-07T04:04:00', byline: '北京日报' });
    const tools = doc('', '<h1>中国芯本月商用</h1><div><span>2019-09-07 04:04</span> <a href="#">分享</a> <a href="#c">评论(30)</a> <span>A+</span></div>');
    expect(infoNearTitle(tools, '中国芯本月商用')).toEqual({ date: '2019-09-07T04:04:00' });
    const share = doc('', '<h1>中国芯本月商用</h1><div><span>2019-09-07 04:04</span> <a href="javascript:void(0)">QQ空间</a> <button><span>取消</span></button></div>');
    expect(infoNearTitle(share, '中国芯本月商用')).toEqual({ date: '2019-09-07T04:04:00' });
    const three = doc('', '<h1>十八人的联军</h1><div class="a-info"><span class="time">2020-06-05 20:35</span> <span class="original"> <span>叨叨姐</span> <span>胡一刀</span> <span>李小飞刀</span> </span></div>');
    expect(infoNearTitle(three, '十八人的联军')).toEqual({ date: '2020-06-05T20:35:00', byline: '叨叨姐、胡一刀、李小飞刀' });
  });

  it('finds nothing without the headline, or when the date is far below it', () => {
    expect(infoNearTitle(doc('', '<p>2020-06-05 20:35</p>'), '标题')).toEqual({});
    const far = Array.from({ length: 60 }, (_, i) => `<p>第${i}段。</p>`).join('');
    expect(infoNearTitle(doc('', `<h1>标题</h1>${far}<p>2020-06-05</p>`), '标题')).toEqual({});
  });
});
