import { afterAll, describe, expect, test } from 'vitest';
import { resolve, join } from 'node:path';
import { extract } from '../../../../lib/extract/index';
import { describeReason, gradeRelated, type Relevance, type RelevanceArticle } from '../../../../lib/extract/related/relevance';
import type { RelatedBlock, RelatedItem } from '../../../../lib/extract/types';
import { loadPage, type LoadedPage } from '../../../support/load-page';
import { relevanceArticle, scoreRelevance } from '../../../../tools/eval/relevance-eval';
import { FIXTURES } from '../../../support/paths';

const item = (title: string, path: string, snippet?: string): RelatedItem => ({
  title,
  url: `https://news.example.cn${path}`,
  ...(snippet ? { snippet } : {}),
});
const block = (items: RelatedItem[], heading = '相关文章'): RelatedBlock => ({ heading, items });
const grades = (article: RelevanceArticle, blocks: RelatedBlock[]): Relevance[] =>
  gradeRelated(article, blocks).flatMap((b) => b.items.map((i) => i.relevance!));

// A Chinese policy article: new-energy vehicles.
const ZH: RelevanceArticle = {
  title: '新能源汽车购置补贴政策延续 充电设施建设提速',
  text:
    '财政部等部门发布通知，新能源汽车购置补贴政策延续至明年年底。通知指出，新能源汽车充电设施建设将进一步提速，' +
    '各地要落实补贴政策，推动新能源汽车下乡。业内人士表示，补贴政策延续将稳定新能源汽车市场预期，' +
    '充电桩数量有望继续增长。新能源汽车销量今年以来保持增长，补贴政策对消费者购车意愿影响明显。',
  lang: 'zh',
  url: 'https://news.example.cn/auto/2024/0301/1.html',
  siteName: '示例新闻网',
};

// An English health article: a peanut-allergy study.
const EN: RelevanceArticle = {
  title: 'Babies Who Eat Peanuts Early May Avoid Allergy',
  text:
    'Life-threatening peanut allergies have been on the rise in the past decade. A new study suggests that feeding ' +
    'babies peanut snacks before their first birthday may prevent a peanut allergy. Children at high risk of allergy ' +
    'who ate peanuts were far less likely to become allergic. Doctors say parents of babies with eczema or an egg ' +
    'allergy should talk to an allergist before introducing peanuts. The allergy study was published on Monday.',
  lang: 'en',
  url: 'https://health.example.com/allergies/news/peanut-study',
  siteName: 'Example Health',
};

describe('gradeRelated: Chinese', () => {
  test('an item sharing the subject is on, and the reason names the shared words', () => {
    const [g] = grades(ZH, [block([item('新能源汽车补贴政策再延续一年', '/auto/2.html')])]);
    expect(g.grade).toBe('on');
    expect(g.reason.kind).toBe('shared');
    expect(g.reason.terms!.join(' ')).toMatch(/新能源汽车|补贴政策/);
    expect(describeReason(g.reason)).toMatch(/^shares .*新能源汽车.* with the article$/);
  });

  test('in a site-wide feed, items of other fields are off with their field; a same-field item is near', () => {
    const gs = grades(ZH, [
      block(
        [
          item('男篮世界杯中国队击败韩国队', '/a/1.html'),
          item('谢霆锋王菲恋情再曝光 粉丝热议', '/a/2.html'),
          item('台风“玲玲”明日登陆 气象台发布预警', '/a/3.html'),
          item('海军新型导弹驱逐舰完成试航', '/a/4.html'),
          item('比亚迪发布新款电动车 续航超过600公里', '/a/5.html'),
        ],
        '为您推荐',
      ),
    ]);
    expect(gs.map((g) => g.grade)).toEqual(['off', 'off', 'off', 'off', 'near']);
    expect(gs.slice(0, 4).map((g) => g.reason.field)).toEqual(['sports', 'entertainment', 'weather', 'military']);
    expect(gs[4].reason).toMatchObject({ kind: 'same-field', field: 'autos' });
  });

  test('one shared common word (中国, 发展) does not make an item relevant in a feed', () => {
    const gs = grades(ZH, [
      block([
        item('中国女排再夺世界冠军', '/a/1.html'),
        item('城市发展新格局：地铁线路持续延伸', '/a/2.html'),
        item('明星夫妇离婚风波持续发酵', '/a/3.html'),
        item('古代皇帝的一天怎么过', '/a/4.html'),
      ]),
    ]);
    expect(gs.every((g) => g.grade === 'off')).toBe(true);
  });

  test('an item in the article\'s own URL section is near', () => {
    const [g] = grades(ZH, [block([item('一图读懂最新规定', '/auto/6.html')])]);
    expect(g).toMatchObject({ grade: 'near', reason: { kind: 'same-section', terms: ['auto'] } });
  });

  test('an item in a list whose items mostly relate gets the benefit of the doubt', () => {
    const gs = grades(ZH, [
      block([
        item('新能源汽车下乡活动启动', '/a/3.html'),
        item('充电设施建设提速 充电桩覆盖所有县城', '/a/4.html'),
        item('补贴政策延续 新能源汽车销量有望增长', '/a/5.html'),
        item('一图读懂最新规定', '/a/6.html'),
      ]),
    ]);
    expect(gs.slice(0, 3).every((g) => g.grade === 'on')).toBe(true);
    expect(gs[3]).toMatchObject({ grade: 'near', reason: { kind: 'same-list' } });
  });

  test("the site's own name carries no weight", () => {
    const feed = [
      item('示例新闻网荣获年度网站大奖', '/a/1.html'),
      item('示例新闻网客户端全新改版上线', '/a/2.html'),
      item('篮球联赛总决赛今晚开打', '/a/3.html'),
    ];
    const titled = { ...ZH, title: `${ZH.title} - 示例新闻网` };
    const gs = grades(titled, [block(feed)]);
    expect(gs.map((g) => g.grade)).toEqual(['off', 'off', 'off']);
    for (const g of gs) expect((g.reason.terms ?? []).join('')).not.toMatch(/示例|新闻网/);
  });
});

describe('gradeRelated: English', () => {
  test('another story about the same subject is on; a same-section item sharing no word is near', () => {
    const gs = grades(EN, [
      block(
        [
          { title: 'Peanut allergy drug wins approval for children', url: 'https://health.example.com/allergies/news/drug' },
          { title: 'The Truth About Mucus', url: 'https://health.example.com/allergies/features/mucus' },
        ],
        'Related',
      ),
    ]);
    expect(gs[0]).toMatchObject({ grade: 'on', reason: { kind: 'shared' } });
    expect(gs[1]).toMatchObject({ grade: 'near', reason: { kind: 'same-section', terms: ['allergies'] } });
  });

  test('word forms meet: "Allergic" and "allergies" share the subject of "allergy"', () => {
    const [g] = grades(EN, [block([{ title: 'Signs of a Dangerous Allergic Reaction', url: 'https://other.example.org/x/1' }], 'Related')]);
    expect(g.grade).not.toBe('off');
    expect(g.reason.terms).toContain('Allergic');
  });

  test('a recommendation feed of other desks is off; sponsored links are off as sponsored', () => {
    const gs = grades(EN, [
      block(
        [
          { title: 'Patriots beat the Jets as the NFL playoff race tightens', url: 'https://www.example.com/sports/1' },
          { title: 'Kanye West discusses his new album with fans', url: 'https://www.example.com/music/2' },
          { title: 'Senate Republicans block the budget bill', url: 'https://www.example.com/politics/3' },
          { title: 'Why your office is full of insecure people', url: 'https://traffic.outbrain.com/network/redir?p=abc' },
          { title: 'Sponsored: the best mortgage rates this week', url: 'https://www.example.com/partner/4' },
        ],
        'Recommended for You',
      ),
    ]);
    expect(gs.map((g) => g.grade)).toEqual(['off', 'off', 'off', 'off', 'off']);
    expect(gs.slice(0, 3).map((g) => g.reason.field)).toEqual(['sports', 'entertainment', 'politics']);
    expect(gs[3].reason.kind).toBe('sponsored');
    expect(gs[4].reason.kind).toBe('sponsored');
    expect(describeReason(gs[3].reason)).toBe('sponsored');
  });

  test('"Ad" opening an ordinary headline is no sponsor marker', () => {
    const [g] = grades(EN, [block([{ title: 'Ad campaign on peanut allergy reaches parents', url: 'https://x.example/1' }], 'Related')]);
    expect(g.reason.kind).not.toBe('sponsored');
  });

  test('another issue of the same series is on even when the shared words are the site name', () => {
    const article: RelevanceArticle = {
      title: 'These Weeks in Firefox: Issue 85',
      text: 'Highlights of this fortnight: a faster tab strip, DevTools fixes and new search engine settings.',
      lang: 'en',
      url: 'https://blog.nightly.mozilla.org/2021/01/these-weeks-in-firefox-issue-85/',
      siteName: 'Firefox Nightly News',
    };
    const gs = grades(article, [
      block(
        ['Issue 86', 'Issue 87', 'Issue 88'].map((n, i) => ({ title: `These Weeks in Firefox: ${n}`, url: `https://blog.nightly.mozilla.org/x/${i}` })),
        'More articles in “News”',
      ),
    ]);
    expect(gs.map((g) => g.grade)).toEqual(['on', 'on', 'on']);
  });
});

describe('gradeRelated: general', () => {
  test('Japanese is compared in bigrams within kanji and katakana runs', () => {
    const article: RelevanceArticle = {
      title: 'トレンドマイクロ、公衆無線LANを安全に使うためのアプリを発売',
      text: 'トレンドマイクロは公衆無線LANの通信を暗号化して保護するスマホ向けアプリを発売すると発表した。',
      lang: 'ja',
      url: 'https://news.example.jp/a/1',
    };
    const [g] = grades(article, [block([{ title: '高速道路の公衆無線LANアカウントを共通化', url: 'https://news.example.jp/a/2' }], '関連記事')]);
    expect(g.grade).not.toBe('off');
    expect(g.reason.terms!.join(' ')).toContain('公衆無線');
  });

  test('a duplicate listed in two blocks gets its best grade in both; the input is not changed', () => {
    const dup = item('一图读懂最新规定', '/a/6.html');
    const blocks = [
      block([item('新能源汽车下乡活动启动', '/a/3.html'), item('充电设施建设提速', '/a/4.html'), dup]),
      block([item('篮球联赛总决赛今晚开打', '/a/1.html'), item('明星夫妇离婚风波', '/a/2.html'), item('古代皇帝的一天', '/a/3.html'), dup], '为您推荐'),
    ];
    const before = JSON.stringify(blocks);
    const graded = gradeRelated(ZH, blocks);
    expect(JSON.stringify(blocks)).toBe(before);
    expect(graded[0].items[2].relevance).toEqual(graded[1].items[3].relevance);
    expect(graded[1].items[3].relevance!.grade).toBe('near');
  });

  test('an article with no text and no fields still grades, by shared words only', () => {
    const gs = grades({ title: '', text: '', lang: '', url: '' }, [block([item('任意标题', '/a/1.html')])]);
    expect(gs).toHaveLength(1);
    expect(['on', 'near', 'off']).toContain(gs[0].grade);
  });
});

describe('fixtures', () => {
  const pages: LoadedPage[] = [];
  afterAll(async () => {
    for (const p of pages) await p.close();
  });
  const graded = (id: string) => {
    const page = loadPage(resolve(FIXTURES, id));
    pages.push(page);
    const extraction = extract(page.document, page.url);
    const items = gradeRelated(relevanceArticle(page, extraction), extraction.related).flatMap((b) => b.items);
    return { items, score: scoreRelevance(page, extraction)! };
  };

  test('seed-dedecms: no teaser under the ChatGPT article is on, and most are off', () => {
    const { items, score } = graded('seed-dedecms');
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.filter((i) => i.relevance!.grade === 'on')).toEqual([]);
    expect(items.filter((i) => i.relevance!.grade === 'off').length).toBeGreaterThan(0.8 * items.length);
    // the Python-book case
    expect(items.find((i) => i.title.includes('Python书'))!.relevance!.grade).toBe('off');
    expect(score.onFlagged).toBe(0);
  });

  test('en-news-related: its four related stories are on', () => {
    const { items } = graded('en-news-related');
    expect(items).toHaveLength(4);
    expect(items.map((i) => i.relevance!.grade)).toEqual(['on', 'on', 'on', 'on']);
  });
});
