import { afterAll, describe, expect, test } from 'vitest';
import { resolve, join } from 'node:path';
import { countRelated, extractRelated, findRelatedElements } from '../../../../lib/extract/related/extract-related';
import { isSelfLink } from '../../../../lib/extract/url';
import { collapseWhitespace } from '../../../../lib/extract/text';
import { listPageDirs, loadHtml, loadPage, type LoadedPage } from '../../../support/load-page';
import { FIXTURES } from '../../../support/paths';

const pages = new Map<string, LoadedPage>();
function fixture(id: string): LoadedPage {
  let page = pages.get(id);
  if (!page) pages.set(id, (page = loadPage(resolve(FIXTURES, id))));
  return page;
}
afterAll(async () => {
  for (const p of pages.values()) await p.close();
});

const itemsOf = (doc: Document, url: string) => extractRelated(doc, url).flatMap((b) => b.items);

/** A hand-written page at https://example.com/news/1.html. */
function page(body: string) {
  const url = 'https://example.com/news/1.html';
  const { window, document } = loadHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`, url);
  return { url, document, close: () => window.happyDOM.close() };
}

const teasers = (n: number, prefix = '/news/') =>
  Array.from({ length: n }, (_, i) => `<li><a href="${prefix}${i + 10}.html">Headline number ${i + 10} about things</a></li>`).join('');

describe('seed-dedecms', () => {
  test('gives all 29 related items, in page order, with titles and snippets as labelled', () => {
    const { document, url, labels } = fixture('seed-dedecms');
    const items = itemsOf(document, url);
    expect(items).toHaveLength(29);
    expect(items.map((i) => i.url)).toEqual(labels.related.map((l) => l.href));
    expect(items.map((i) => i.title)).toEqual(labels.related.map((l) => l.title));
    expect(items.map((i) => i.snippet ?? null)).toEqual(labels.related.map((l) => l.snippet ?? null));
  });

  test('snippets are the text the page shows: its double-escaped "&#xff0c;" stays, never decoded again (issue 21)', () => {
    const { document, url } = fixture('seed-dedecms');
    const items = itemsOf(document, url);
    const shown = [...document.querySelectorAll('ul.related p')].map((p) => collapseWhitespace(p.textContent ?? ''));
    expect(shown.some((s) => s.includes('&#xff0c;'))).toBe(true);
    for (const item of items) if (item.snippet) expect(shown).toContain(item.snippet);
    expect(items.some((i) => i.snippet?.includes('&#xff0c;'))).toBe(true);
  });

  test('titles and snippets with escaped markup or references keep them exactly', () => {
    const { document } = loadHtml(
      '<html><body><article><p>Body.</p></article><h2>Related stories</h2><ul>' +
        ['one', 'two', 'three'].map((n) =>
          `<li><a href="/${n}.html"><h3>&amp;lt;b&amp;gt;not bold&amp;lt;/b&amp;gt; &amp;amp; more, ${n}</h3></a>` +
          `<p>It&amp;#39;s &lt;i&gt;escaped&lt;/i&gt; &amp;amp; stays, story ${n} of three.</p></li>`).join('') +
        '</ul></body></html>',
      'https://news.example/a.html',
    );
    const items = itemsOf(document, 'https://news.example/a.html');
    expect(items.map((i) => i.title)).toEqual(['one', 'two', 'three'].map((n) => `&lt;b&gt;not bold&lt;/b&gt; &amp; more, ${n}`));
    expect(items.map((i) => i.snippet)).toEqual(['one', 'two', 'three'].map((n) => `It&#39;s <i>escaped</i> &amp; stays, story ${n} of three.`));
  });

  test('drops the self-link and resolves every kind of href to an absolute URL', () => {
    const { document, url } = fixture('seed-dedecms');
    const got = new Set(itemsOf(document, url).map((i) => i.url));
    for (const u of got) {
      expect(u).toMatch(/^https?:\/\//);
      expect(isSelfLink(u, url)).toBe(false);
    }
    const raw = [...document.querySelectorAll('ul.related a[href]')].map((a) => a.getAttribute('href')!);
    const kinds: Record<string, (h: string) => boolean> = {
      'root-relative': (h) => h.startsWith('/') && !h.startsWith('//'),
      'protocol-relative': (h) => h.startsWith('//'),
      'parent-relative': (h) => h.startsWith('../'),
      'query with &': (h) => h.includes('&'),
    };
    for (const [kind, test] of Object.entries(kinds)) {
      const examples = raw.filter(test);
      expect(examples.length, kind).toBeGreaterThan(0);
      for (const h of examples) {
        const abs = new URL(h, url).href;
        if (!isSelfLink(abs, url)) expect(got.has(abs), `${kind}: ${h}`).toBe(true);
      }
    }
    expect([...got].some((u) => u.includes('&amp;'))).toBe(false);
  });

  test('takes no thumbnail from outside the teaser (the list has none; the article has lazy images)', () => {
    const { document, url } = fixture('seed-dedecms');
    expect(document.querySelectorAll('img[data-original]').length).toBeGreaterThan(0);
    for (const i of itemsOf(document, url)) expect(i.image).toBeUndefined();
  });

  test('does not take prev/next, navigation or sidebar links', () => {
    const { document, url } = fixture('seed-dedecms');
    const got = new Set(itemsOf(document, url).map((i) => i.url));
    const notRelated = [...document.querySelectorAll('a[href]')].filter(
      (a) => a.closest('nav, .nav, .prenext, .pagebreak, .sidebar, aside, .breadcrumb') || /^(上一篇|下一篇)/.test(a.parentElement?.textContent?.trim() ?? ''),
    );
    expect(notRelated.length).toBeGreaterThan(0);
    for (const a of notRelated) {
      const href = new URL(a.getAttribute('href')!, url).href;
      if (!document.querySelector('ul.related')!.contains(a)) expect(got.has(href), href).toBe(false);
    }
  });
});

describe('seed-self-and-dup', () => {
  test('drops self-links, duplicates, the empty title and the javascript: item, keeping the 10 labelled', () => {
    const { document, url, labels } = fixture('seed-self-and-dup');
    const items = itemsOf(document, url);
    expect(items.map((i) => i.url)).toEqual(labels.related.map((l) => l.href));
    expect(items.map((i) => i.title)).toEqual(labels.related.map((l) => l.title));
    // the first of two duplicates is kept, with its own snippet
    expect(items.map((i) => i.snippet ?? null)).toEqual(labels.related.map((l) => l.snippet ?? null));
  });

  test('keeps <b>【python】</b> as literal text and flattens a real <b> tag', () => {
    const { document, url } = fixture('seed-self-and-dup');
    const titles = itemsOf(document, url).map((i) => i.title);
    expect(titles.some((t) => t.startsWith('<b>【python】</b> pytest'))).toBe(true);
    expect(titles.some((t) => t.includes('整合Elasticsearch、swagger'))).toBe(true);
  });
});

describe('thumbnails', () => {
  test('seed-wordpress-zh: data-src, not the SVG placeholder; the item without one has none', () => {
    const { document, url } = fixture('seed-wordpress-zh');
    const items = itemsOf(document, url);
    expect(items).toHaveLength(8);
    expect(items.filter((i) => i.image)).toHaveLength(7);
    for (const i of items) if (i.image) expect(i.image).toMatch(/^https:\/\/.+\.(jpe?g|png|webp)/);
  });

  test('en-news-related: lazy image URL from data-src', () => {
    const { document, url, labels } = fixture('en-news-related');
    const items = itemsOf(document, url);
    expect(items.map((i) => i.url)).toEqual(labels.related.map((l) => l.href));
    for (const i of items) expect(i.image).toMatch(/^https:\/\//);
  });

  test('data-original and data-src, not the grey.gif or SVG placeholder src', () => {
    const p = page(`<p>Body.</p><h2>相关文章</h2><ul>
      <li><a href="/a.html"><img src="/images/grey.gif" data-original="/up/a.png"><h4>第一篇相关文章的标题</h4></a></li>
      <li><a href="/b.html"><img src="data:image/svg+xml,%3Csvg%3E" data-src="https://img.example.com/b.jpg"><h4>第二篇相关文章的标题</h4></a></li></ul>`);
    expect(itemsOf(p.document, p.url).map((i) => i.image)).toEqual(['https://example.com/up/a.png', 'https://img.example.com/b.jpg']);
    p.close();
  });

  test('noscript fallback and data-lazy-src, placeholder src ignored', () => {
    const p = page(`<article><p>Body text.</p></article><h2>Related stories</h2><ul>
      <li><a href="/a.html"><img src="/img/blank.gif" data-lazy-src="/img/a.jpg">First related headline here</a></li>
      <li><a href="/b.html"><noscript><img src="https://cdn.example.com/b.jpg"></noscript>Second related headline here</a></li></ul>`);
    const [a, b] = itemsOf(p.document, p.url);
    expect(a.image).toBe('https://example.com/img/a.jpg');
    expect(b.image).toBe('https://cdn.example.com/b.jpg');
    p.close();
  });
});

describe('pages without related items', () => {
  test.each(['en-blog-no-related', 'zh-homepage-not-article'])('%s gives no related items', (id) => {
    const { document, url } = fixture(id);
    expect(extractRelated(document, url)).toEqual([]);
    expect(countRelated(document, url)).toBe(0);
  });
});

describe('findRelatedElements', () => {
  test('seed-list-inside-article: the heading and each of the 13 items inside the article div', () => {
    const { document, url } = fixture('seed-list-inside-article');
    const els = findRelatedElements(document, url);
    const article = document.querySelector('div.article-content')!;
    const items = [...article.querySelectorAll(':scope > div.xg-item')];
    expect(items).toHaveLength(13);
    expect(els).toEqual(expect.arrayContaining(items));
    const heading = els.find((e) => e.textContent!.trim() === '相关文章:');
    expect(heading && article.contains(heading)).toBe(true);
    // never the article container itself
    for (const e of els) expect(e.contains(article)).toBe(false);
  });

  test('seed-list-inside-article: 12 items, the self-link dropped', () => {
    const { document, url, labels } = fixture('seed-list-inside-article');
    expect(itemsOf(document, url).map((i) => i.url)).toEqual(labels.related.map((l) => l.href));
  });
});

describe('hand-written pages', () => {
  test('an unwrapped Chinese list after a 相关阅读 heading, up to the share bar', () => {
    const p = page(`<div class="content"><p>正文第一段，很长的正文内容。</p><p><strong>相关阅读：</strong></p>
      <div class="it"><a href="/news/2.html">第二篇相关的新闻标题很长</a></div>
      <div class="it"><a href="/news/3.html">第三篇相关的新闻标题很长</a></div>
      <div class="share"><a href="https://weibo.com/share?u=1">分享到微博</a></div></div>`);
    expect(extractRelated(p.document, p.url)).toEqual([
      {
        heading: '相关阅读',
        items: [
          { title: '第二篇相关的新闻标题很长', url: 'https://example.com/news/2.html' },
          { title: '第三篇相关的新闻标题很长', url: 'https://example.com/news/3.html' },
        ],
      },
    ]);
    p.close();
  });

  test('headings in other languages: 関連記事, Sur le même sujet, Související', () => {
    for (const heading of ['【関連記事】', 'Sur le même sujet', 'Související články']) {
      const p = page(`<p>Article.</p><h3>${heading}</h3><ul>${teasers(3)}</ul>`);
      expect(countRelated(p.document, p.url), heading).toBe(3);
      p.close();
    }
  });

  test('headings in registers no corpus page had: Also on …, 媒体报道', () => {
    for (const heading of ['Also on The Verge', '媒体报道']) {
      const p = page(`<p>Article.</p><h3>${heading}</h3><ul>${teasers(3)}</ul>`);
      expect(countRelated(p.document, p.url), heading).toBe(3);
      expect(itemsOf(p.document, p.url), heading).toHaveLength(3);
      p.close();
    }
  });

  test('the full extraction reads more languages than the every-page count: Baca juga, Passend zum Thema, 関連するニュース', () => {
    for (const heading of ['In case you missed it', '大家还在看', 'Baca juga', 'Passend zum Thema', '関連するニュース', 'Смотрите также']) {
      const p = page(`<p>Article.</p><h3>${heading}</h3><ul>${teasers(3)}</ul>`);
      expect(itemsOf(p.document, p.url), heading).toHaveLength(3);
      expect(countRelated(p.document, p.url), heading).toBe(0);
      p.close();
    }
  });

  test('an inline "Baca juga:" link in the article is a related item', () => {
    const p = page(`<div class="content"><p>Paragraf pertama artikel yang cukup panjang.</p>
      <p><strong>Baca juga: <a href="/news/7.html">Harga beras naik lagi di pasar induk Jakarta</a></strong></p>
      <p>Paragraf kedua artikel.</p></div>`);
    expect(itemsOf(p.document, p.url).map((i) => i.title)).toEqual(['Harga beras naik lagi di pasar induk Jakarta']);
    p.close();
  });

  test("a form control's caption is no heading, a <label> used as one is", () => {
    const p = page(`<form><input type="checkbox" id="icymi"><label for="icymi">In Case You Missed It</label>
      <p><a href="/terms/">Terms of Use</a> <a href="/privacy/">Privacy Policy of the company</a></p></form>
      <label class="category">More stories like this one</label><ul>${teasers(2)}</ul>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/news/10.html', '/news/11.html']);
    p.close();
  });

  test('sponsored, popular and tag lists are not related; a related list is', () => {
    const p = page(`<h3>Sponsored</h3><ul>${teasers(3, '/ad/')}</ul>
      <h3>Most popular</h3><ul>${teasers(3, '/pop/')}</ul>
      <h3>Related Topics</h3><ul>${teasers(3, '/topic/')}</ul>
      <h3>You might also like</h3><ul>${teasers(2, '/rel/')}</ul>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/rel/10.html', '/rel/11.html']);
    p.close();
  });

  test('a heading whose list is filled by JavaScript gives nothing, not the next list', () => {
    const p = page(`<div class="box"><h3>Related stories</h3><div id="js-fill"></div></div>
      <div class="box"><ul>${teasers(4)}</ul></div>`);
    expect(extractRelated(p.document, p.url)).toEqual([]);
    p.close();
  });

  test('prev/next, "more" and comment-count links inside a block are dropped', () => {
    const p = page(`<h3>Related</h3><ul>${teasers(2)}<li><a href="/news/list.html">More »</a></li>
      <li>Previous: <a href="/news/0.html">The previous story of the day</a></li><li><a href="/c/1">12 comments</a></li></ul>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/news/10.html', '/news/11.html']);
    p.close();
  });

  test('"More:" as a heading of its own starts a list; "More" in running text does not', () => {
    const p = page(`<p>Story text goes here.</p><h4>More:</h4><ul>${teasers(2)}</ul><ul>${teasers(1, '/b/')}</ul><p>More text.</p>`);
    expect(itemsOf(p.document, p.url)).toHaveLength(3);
    p.close();
    const q = page(`<p>Story text. <span>More:</span></p><ul>${teasers(2)}</ul>`);
    expect(itemsOf(q.document, q.url)).toHaveLength(0);
    q.close();
  });

  test('an empty ad slot between the heading and its list is skipped; an empty widget after the list ends it', () => {
    const p = page(`<h2>Recommends</h2><div class="ad-wrapper"><div id="slot-1"><div class="adBox"></div></div></div><div class="cards"><ul>${teasers(3)}</ul></div>`);
    expect(itemsOf(p.document, p.url)).toHaveLength(3);
    p.close();
    const q = page(`<h3>関連記事</h3><ul>${teasers(3)}</ul><div><ins id="widget"></ins></div><ul>${teasers(2, '/x/')}</ul>`);
    expect(itemsOf(q.document, q.url).map((i) => new URL(i.url).pathname)).toEqual(['/news/10.html', '/news/11.html', '/news/12.html']);
    q.close();
  });

  test('a paid unit whose caption says so beside the heading is not related', () => {
    const p = page(`<div><div class="hdr"><span>Sponsored Links</span><span>We Recommend</span></div><div class="outer">${teasers(3).replace(/<(\/?)li>/g, '<$1div>')}</div></div>`);
    expect(itemsOf(p.document, p.url)).toEqual([]);
    p.close();
  });

  test('a headline that starts like a navigation link is kept when it is long', () => {
    const p = page(`<h3>More on this story</h3><ul>${teasers(1)}<li><a href="/w.html">More than 140 pilot whales die in mass stranding</a></li><li><a href="/all.html">More stories</a></li></ul>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/news/10.html', '/w.html']);
    p.close();
  });

  test('one story linked with other tracking parameters is one item', () => {
    const p = page(`<h3>Related</h3><ul><li><a href="/s/1.html?iref=a">The first story of the list here</a></li><li><a href="/s/2.html">The second story of the list here</a></li></ul>
      <h3>You may also like</h3><ul><li><a href="/s/1.html?utm_source=x&amp;spm=1.2">The first story of the list here</a></li><li><a href="/s/3.html">The third story of the list here</a></li></ul>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/s/1.html', '/s/2.html', '/s/3.html']);
    p.close();
  });

  test('one list in two wrappers of different classes around the same inner list', () => {
    const p = page(`<div class="tlt"><h3>推荐新闻</h3></div><div class="a"><ul class="n2">${teasers(3)}</ul></div><div class="b"><ul class="n2">${teasers(3, '/b/')}</ul></div><div class="c"><p>Other things here that are not a list.</p></div>`);
    expect(itemsOf(p.document, p.url)).toHaveLength(6);
    p.close();
  });

  test('a heading element that holds its own link: that link, then the list after the heading', () => {
    const p = page(`<div><h2>More from this stream <a href="/stream.html">WWDC 2023 news and announcements</a></h2><ul>${teasers(3)}</ul></div>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/stream.html', '/news/10.html', '/news/11.html', '/news/12.html']);
    p.close();
  });

  test('a list that starts in the heading\'s paragraph goes on in the next link-only paragraphs, up to prose', () => {
    const p = page(`<div><p>Body text of the story, long enough to be prose and not a list.</p>
      <p><font>延伸阅读：<a href="/r/1.html">第一条相关报道的标题在这里</a></font></p>
      <p>　<a href="/r/2.html">第二条相关报道的标题在这里</a></p><p>　<a href="/r/3.html">第三条相关报道的标题在这里</a></p>
      <p>正文之后的一段普通文字，并不是链接，也不属于列表。<a href="/x.html">一个普通链接的文字</a></p></div>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/r/1.html', '/r/2.html', '/r/3.html']);
    p.close();
  });

  test('a video player inside the first teaser, with its own ad captions, does not end or spoil the list', () => {
    const card = (i: number, player = '') => `<div class="item">${player}<a href="/v/${i}.html">第${i}个相关推荐视频的标题很长很长</a></div>`;
    const player = '<div class="player"><video src="v.mp4"></video><div class="ad">进入广告</div><a href="/ad">广告剩余</a></div>';
    const p = page(`<div class="bar"><div class="tit"><h2>相关推荐</h2></div><div class="con">${card(1, player)}${card(2)}${card(3)}</div></div>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/v/1.html', '/v/2.html', '/v/3.html']);
    p.close();
  });

  test('an inline labelled link that is its whole paragraph is a related item; a label in running text is not', () => {
    const p = page(`<div class="body"><p>The story begins here and goes on for a while.</p>
      <p><a href="/r/1.html"><span>Related: Rich are paying more in taxes, says a new report</span></a></p>
      <p>(<a href="/r/2.html"><strong><em>Leggi anche su: I Cavalieri dello Zodiaco arrivano su Netflix</em></strong></a>)</p>
      <p>As the minister said, <a href="/r/3.html">Related: a note that sits inside a sentence of prose</a> and more.</p>
      <p><a href="/r/4.html">Update: the minister has since resigned from the cabinet</a></p></div>`);
    expect(itemsOf(p.document, p.url)).toEqual([
      { title: 'Related: Rich are paying more in taxes, says a new report', url: 'https://example.com/r/1.html' },
      { title: 'Leggi anche su: I Cavalieri dello Zodiaco arrivano su Netflix', url: 'https://example.com/r/2.html' },
    ]);
    p.close();
  });

  test('a strip of headline titles under a strip of pictures is several teasers, not one', () => {
    const titles = ['A feather duvet gave a man a lung disease, doctors say', 'Stop using public USB ports to charge your phone', 'The best running shoes we tested this year so far'];
    const p = page(`<h3>You may also like</h3><div class="strip"><div class="pics">${titles.map((_, i) => `<a href="/s/${i}.html"><img src="${i}.jpg"></a>`).join('')}</div>
      <div class="titles"><div>${titles.map((t, i) => `<a href="/s/${i}.html"><h4>${t}</h4></a>`).join('')}</div></div></div>`);
    expect(itemsOf(p.document, p.url).map((i) => i.title)).toEqual(titles);
    p.close();
  });

  test('a heading that opens a small box heads all of it, whatever the shapes of its parts', () => {
    const p = page(`<section class="box"><h4>We Recommend</h4><div class="lead"><h5><a href="/v/1.html">The lead video story of the recommendations</a></h5></div>
      <div class="others">${[2, 3, 4].map((i) => `<a class="t" href="/v/${i}.html">Another recommended video story number ${i}</a>`).join('')}</div></section>`);
    expect(itemsOf(p.document, p.url).map((i) => new URL(i.url).pathname)).toEqual(['/v/1.html', '/v/2.html', '/v/3.html', '/v/4.html']);
    p.close();
  });

  test('a javascript: href never appears, however it is disguised', () => {
    const p = page(`<h3>Related articles</h3><ul>
      <li><a href="javascript:alert(1)">Javascript link headline one</a></li>
      <li><a href=" JaVaScRiPt:alert(1)">Javascript link headline two</a></li>
      <li><a href="java&#x09;script:alert(1)">Javascript link headline three</a></li>
      <li><a href="data:text/html,hi">A data URL headline here</a></li>
      <li><a href="/ok.html">The only real headline here</a></li></ul>`);
    expect(itemsOf(p.document, p.url).map((i) => i.url)).toEqual(['https://example.com/ok.html']);
    p.close();
  });
});

describe('every fixture', () => {
  const ids = listPageDirs(FIXTURES).map((d) => d.split('/').pop()!);

  test.each(ids)('%s: the document is not mutated', (id) => {
    const { document, url } = fixture(id);
    const before = document.documentElement.outerHTML;
    extractRelated(document, url);
    findRelatedElements(document, url);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test.each(ids)('%s: items are http(s), titled, unique and never the page itself', (id) => {
    const { document, url } = fixture(id);
    const items = itemsOf(document, url);
    expect(new Set(items.map((i) => i.url)).size).toBe(items.length);
    for (const i of items) {
      expect(i.url).toMatch(/^https?:/);
      expect(i.title.trim()).not.toBe('');
      expect(isSelfLink(i.url, url)).toBe(false);
      if (i.image) expect(i.image).toMatch(/^(https?:|data:image\/)/);
    }
  });
});
