
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../../../lib/extract/index';
import { extractArticle } from '../../../../lib/extract/article/extract-article';
import { stripKnownSite, stripSiteName } from '../../../../lib/extract/article/title';
import { extractRelated } from '../../../../lib/extract/related/extract-related';
import { isPlaceholderSrc, promoteLazyImages } from '../../../../lib/extract/article/lazy-images';
import { collapseWhitespace } from '../../../../lib/extract/text';
import { listPageDirs, loadHtml, loadPage, type LoadedPage } from '../../../support/load-page';
import { FIXTURES as FIXTURES_DIR } from '../../../support/paths';

const FIXTURES = listPageDirs(FIXTURES_DIR);
const URL = 'https://news.example/2024/05/story.html';
const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const p of opened) await p.close();
});

function textOf(page: LoadedPage, html: string): string {
  const doc = new page.window.DOMParser().parseFromString(html, 'text/html');
  return collapseWhitespace(doc.body?.textContent ?? '');
}

function body(paragraphs: number, extra = ''): string {
  const p = '<p>The council voted on Tuesday to approve the transit plan after a public hearing that ran late into the night, with residents queueing to speak for and against it.</p>';
  return `<article><h1>Council approves transit plan</h1>${p.repeat(paragraphs)}${extra}</article>`;
}

describe('extractArticle on the fixtures', () => {
  it.each(FIXTURES.map((d) => [d.split('/').pop()!, d]))('%s: title, must contain, must not contain', (_id, dir) => {
    const page = loadPage(dir);
    opened.push(page);
    const article = extractArticle(page.document, page.url);
    if (!page.labels.is_article) {
      expect(article).toBeNull();
      return;
    }
    expect(article).not.toBeNull();
    expect(article!.title).toBe(page.labels.title);
    const text = textOf(page, article!.contentHtml);
    for (const phrase of page.labels.article_must_contain ?? []) expect(text, phrase).toContain(collapseWhitespace(phrase));
    for (const phrase of page.labels.article_must_not_contain ?? []) expect(text, phrase).not.toContain(collapseWhitespace(phrase));
    expect(article!.lang).toBe(page.labels.lang);
    expect(article!.textLength).toBeGreaterThan(500);
    expect(article!.readingMinutes).toBeGreaterThanOrEqual(1);
  });

  it('seed-dedecms: lazy images get their real URL, code keeps its indentation', () => {
    const page = loadPage(FIXTURES.find((d) => d.endsWith('seed-dedecms'))!);
    opened.push(page);
    const html = extractArticle(page.document, page.url)!.contentHtml;
    const doc = new page.window.DOMParser().parseFromString(html, 'text/html');
    const srcs = Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src') ?? '');
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(src).not.toMatch(/grey\.gif|^data:/);
    for (const src of srcs) expect(src).toMatch(/^https:\/\/www\.kjzx365\.com\/uploads\//);
    expect(doc.querySelector('pre code')!.textContent).toMatch(/\n {4}counts = \{\}/);
  });

  it('en-news-related: metadata from the page', () => {
    const page = loadPage(FIXTURES.find((d) => d.endsWith('en-news-related'))!);
    opened.push(page);
    const a = extractArticle(page.document, page.url)!;
    expect(a.byline).toBeTruthy();
    expect(a.siteName).toBeTruthy();
    expect(a.publishedTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(a.dir).toBe('ltr');
    expect(a.excerpt).toBeTruthy();
  });

  it('never changes the document it is given', () => {
    const page = loadPage(FIXTURES.find((d) => d.endsWith('seed-list-inside-article'))!);
    opened.push(page);
    const before = page.document.documentElement.outerHTML;
    expect(extractArticle(page.document, page.url)).not.toBeNull();
    expect(page.document.documentElement.outerHTML).toBe(before);
  });
});

describe('extract: one scan, one copy', () => {
  // The extractor hands extract() a private copy (ownCopy): it must give what the pure path gives,
  // with the related blocks found once and removed from the very document Readability reads.
  it.each(FIXTURES.map((d) => [d.split('/').pop()!, d]))('%s: ownCopy gives the same as a clone', (_id, dir) => {
    const page = loadPage(dir);
    opened.push(page);
    const pure = extract(page.document, page.url);
    expect(pure.article).toEqual(extractArticle(page.document, page.url));
    expect(pure.related).toEqual(extractRelated(page.document, page.url));
    const copy = page.document.cloneNode(true) as Document;
    expect(extract(copy, page.url, { ownCopy: true })).toEqual(pure);
  });

  it('drops the related list from the article through the copy (seed-list-inside-article)', () => {
    const page = loadPage(FIXTURES.find((d) => d.endsWith('seed-list-inside-article'))!);
    opened.push(page);
    const { article, related } = extract(page.document, page.url);
    const firstTitle = related[0].items[0].title;
    expect(page.document.body.textContent).toContain(firstTitle);
    expect(textOf(page, article!.contentHtml)).not.toContain(firstTitle);
  });
});

describe('extractArticle rules', () => {
  it('reads a page wrapped in one <form> (ASP.NET WebForms), and still drops small forms beside it', () => {
    const { document } = loadHtml(
      '<html><head><title>Council approves transit plan</title></head><body><form id="aspnetForm" action="/story.aspx" method="post">' +
        '<div class="search"><input name="q"><button>Search</button></div>' +
        `<div id="content">${body(8)}</div>` +
        '</form><form class="comment"><p>Leave a comment below to tell us what you think of it.</p><textarea></textarea></form>' +
        '</body></html>',
      URL,
    );
    const article = extractArticle(document, URL);
    expect(article).not.toBeNull();
    const text = collapseWhitespace(new DOMParser().parseFromString(article!.contentHtml, 'text/html').body.textContent ?? '');
    expect(text).toContain('The council voted on Tuesday');
    expect(article!.textLength).toBeGreaterThan(8 * 150);
    expect(text).not.toContain('Leave a comment');
  });

  it('returns null for a page that is not an article', () => {
    const { document } = loadHtml('<html><body><nav><a href="/">Home</a></nav><p>Short.</p></body></html>', URL);
    expect(extractArticle(document, URL)).toBeNull();
  });

  it('removes newsletter boxes, share bars and in-body ads but keeps tables', () => {
    const extra =
      '<div class="newsletter-signup"><h3>Sign up for our brief</h3><form><input type="email"><button>Go</button></form></div>' +
      '<div class="share-tools"><a href="https://twitter.com/intent/tweet">Share on X</a></div>' +
      '<div class="ad-slot"><span>Advertisement</span></div>' +
      '<table><tr><th>Line</th><th>Cost</th></tr><tr><td>Blue</td><td>$2bn</td></tr></table>';
    const { document, window } = loadHtml(`<html lang="en"><head><title>Council approves transit plan | Example News</title></head><body>${body(8, extra)}</body></html>`, URL);
    const a = extractArticle(document, URL)!;
    expect(a.title).toBe('Council approves transit plan');
    const doc = new window.DOMParser().parseFromString(a.contentHtml, 'text/html');
    const text = doc.body.textContent ?? '';
    expect(text).not.toContain('Sign up for our brief');
    expect(text).not.toContain('Share on X');
    expect(text).not.toContain('Advertisement');
    expect(doc.querySelector('table td')?.textContent).toBe('Blue');
  });

  it('marks Arabic and dir=rtl pages right-to-left', () => {
    const { document } = loadHtml(`<html lang="ar"><head><title>t</title></head><body>${body(8)}</body></html>`, URL);
    expect(extractArticle(document, URL)!.dir).toBe('rtl');
    const { document: d2 } = loadHtml(`<html dir="rtl"><head><title>t</title></head><body>${body(8)}</body></html>`, URL);
    expect(extractArticle(d2, URL)!.dir).toBe('rtl');
  });

  it('reads datePublished from JSON-LD', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-14T06:00:00Z"}</script>';
    const { document } = loadHtml(`<html lang="en"><head><title>t</title>${ld}</head><body>${body(8)}</body></html>`, URL);
    expect(extractArticle(document, URL)!.publishedTime).toBe('2024-05-14T06:00:00Z');
  });

  it('sanitises: no script, no handler, no javascript: link in the content', () => {
    const extra = '<p>See <a href="javascript:alert(1)">this</a> <img src="/a.png" onerror="alert(1)" alt="a"></p><script>alert(1)</script>';
    const { document } = loadHtml(`<html lang="en"><head><title>t</title></head><body>${body(8, extra)}</body></html>`, URL);
    const html = extractArticle(document, URL)!.contentHtml;
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('src="https://news.example/a.png"');
  });
});

describe('stripSiteName', () => {
  it.each([
    ['Azure OpenAI 官方指南02|ChatGPT 的架构设计与应用实例_IT资讯吧', 'Azure OpenAI 官方指南02|ChatGPT 的架构设计与应用实例'],
    ['Azure OpenAI 官方指南02|ChatGPT 的架构设计与应用实例 - 云原生笔记', 'Azure OpenAI 官方指南02|ChatGPT 的架构设计与应用实例'],
    ['Regional council approves long-debated transit plan | Example News', 'Regional council approves long-debated transit plan'],
    ['拿出10万元投资房产 小两口尝试以钱生钱(图)_新浪房产_新浪网', '拿出10万元投资房产 小两口尝试以钱生钱(图)'],
    ['法国全国大罢工再次严重影响交通-新华网', '法国全国大罢工再次严重影响交通'],
    ['New Zealand - Wikipedia', 'New Zealand'],
    ['AI-powered tools reshape newsrooms', 'AI-powered tools reshape newsrooms'],
    // "_" between ASCII characters is a word's or code's, never a separator (issue 21).
    ['my_var and other names: a guide', 'my_var and other names: a guide'],
    ['Understanding __init__ in Python | Example Blog', 'Understanding __init__ in Python'],
    ['<img src=x onerror=__xss(`t`)> Minister resigns', '<img src=x onerror=__xss(`t`)> Minister resigns'],
    ['2007年第23号国务院公报__中国政府网', '2007年第23号国务院公报'],
  ])('%s → %s', (title, expected) => expect(stripSiteName(title)).toBe(expected));
});

describe('stripKnownSite: the declared site name after the headline goes (issue 17.3)', () => {
  it.each([
    ['新型ロケットの打ち上げに成功：朝日新聞デジタル', '朝日新聞デジタル', '新型ロケットの打ち上げに成功'],
    ['Council approves transit plan :: Example News', 'Example News', 'Council approves transit plan'],
    ['Council approves transit plan ／ Example News', 'Example News', 'Council approves transit plan'],
    // A headline that ends with the name in a sentence, a name not declared, a title that is the name.
    ['Readers write to Example News', 'Example News', 'Readers write to Example News'],
    ['Council approves transit plan：朝日新聞デジタル', undefined, 'Council approves transit plan：朝日新聞デジタル'],
    ['Example News', 'Example News', 'Example News'],
  ])('%s (site %s) → %s', (title, site, expected) => expect(stripKnownSite(title, site)).toBe(expected));

  it('is applied to the extracted title, with the site from og:site_name', () => {
    const html = `<html lang="ja"><head><title>新型ロケットの打ち上げに成功：朝日新聞デジタル</title><meta property="og:site_name" content="朝日新聞デジタル"></head><body>${body(8)}</body></html>`;
    const page = loadHtml(html, URL);
    opened.push({ window: page.window, close: () => page.window.happyDOM.close() } as unknown as LoadedPage);
    const a = extractArticle(page.document, URL)!;
    expect(a.title).toBe('新型ロケットの打ち上げに成功');
    expect(a.siteName).toBe('朝日新聞デジタル');
  });
});

describe('the title: one precedence, text as the page has it (issue 21)', () => {
  const ld = (headline: string) =>
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'Page' }, { '@type': 'NewsArticle', headline }] })}</script>`;
  const og = (title: string) => `<meta property="og:title" content="${title}">`;
  const titleOf = (head: string, h1 = 'Council approves transit plan') => {
    const page = loadHtml(`<html lang="en"><head>${head}</head><body>${body(8).replace('Council approves transit plan', h1)}</body></html>`, URL);
    opened.push({ window: page.window, close: () => page.window.happyDOM.close() } as unknown as LoadedPage);
    return extractArticle(page.document, URL)!;
  };

  it('JSON-LD headline, then og:title, then the <h1>, then <title>', () => {
    const all = `<title>From the title | Example News</title>${og('From og:title | Example News')}${ld('From JSON-LD')}`;
    expect(titleOf(all, 'From the h1 heading').title).toBe('From JSON-LD');
    expect(titleOf(`<title>From the title | Example News</title>${og('From og:title | Example News')}`, 'From the h1 heading').title).toBe('From og:title');
    // The <h1> counts when another source names it: here the <title> holds it, with the site name.
    expect(titleOf('<title>From the h1 heading | Example News</title>', 'From the h1 heading').title).toBe('From the h1 heading');
    // A masthead <h1> that no other source names is not the headline.
    expect(titleOf('<title>From the title | Example News</title>', 'Example News').title).toBe('From the title');
  });

  it('passes over a source that looks like markup for a clean one, and shows it whole when none is clean', () => {
    expect(titleOf(`<title>Minister resigns | Example News</title>${ld('<b>Minister</b> resigns')}`, 'Minister resigns').title).toBe('Minister resigns');
    expect(titleOf(`<title>Minister resigns | Example News</title>${og('&lt;img src=x onerror=__xss(1)&gt; Minister resigns')}`).title).toBe('Minister resigns');
    const tagged = '<img src=x onerror=__xss(`t`)> Minister resigns';
    expect(titleOf(`<title>${tagged.replace(/</g, '&lt;')}</title>${og(tagged.replace(/</g, '&lt;').replace(/>/g, '&gt;'))}`, 'Council approves transit plan').title).toBe(tagged);
    expect(titleOf(`<title>${tagged.replace(/</g, '&lt;')}</title>`).title).toBe(tagged);
    expect(titleOf('<title>my_var and other names: a guide</title>', 'Something else entirely').title).toBe('my_var and other names: a guide');
  });

  it('decodes character references once: JSON-LD (raw text) once, meta values and <title> never again', () => {
    // JSON-LD is raw text in the HTML: its "&amp;amp;" is the page's "&amp;".
    expect(titleOf(ld('Tom &amp;amp; Jerry &#8217;s night'), 'Unrelated masthead').title).toBe('Tom &amp; Jerry \u2019s night');
    // The parser decodes an attribute once: "&amp;lt;b&amp;gt;" is the text "&lt;b&gt;".
    const meta = '<meta name="author" content="&amp;lt;b&amp;gt;Mallory&amp;lt;/b&amp;gt; &amp;amp; Co">' +
      '<meta property="og:site_name" content="Example &amp;amp; News"><meta name="description" content="It&amp;#39;s &amp;lt;i&amp;gt;here&amp;lt;/i&amp;gt;">';
    const a = titleOf(`<title>&amp;lt;b&amp;gt;not bold&amp;lt;/b&amp;gt; &amp;amp; more</title>${meta}`, 'Unrelated masthead');
    expect(a.title).toBe('&lt;b&gt;not bold&lt;/b&gt; &amp; more');
    expect(a.byline).toBe('&lt;b&gt;Mallory&lt;/b&gt; &amp; Co');
    expect(a.siteName).toBe('Example &amp; News');
    expect(a.excerpt).toBe('It&#39;s &lt;i&gt;here&lt;/i&gt;');
  });
});

describe('lazy images', () => {
  it('promotes data-src, data-original, data-srcset and <noscript> fallbacks, drops placeholders', () => {
    const { document } = loadHtml(
      '<body><img id="a" src="/images/grey.gif" data-original="/real/a.jpg">' +
        '<img id="b" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-src="https://cdn.example/b.png" data-srcset="https://cdn.example/b2.png 2x">' +
        '<img id="c" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><noscript><img src="https://cdn.example/c.jpg" alt="c"></noscript>' +
        '<img id="d" src="/spacer.gif"><img id="e" src="https://cdn.example/real.jpg"></body>',
      URL,
    );
    promoteLazyImages(document);
    const src = (id: string) => document.getElementById(id)!.getAttribute('src');
    expect(src('a')).toBe('/real/a.jpg');
    expect(src('b')).toBe('https://cdn.example/b.png');
    expect(document.getElementById('b')!.getAttribute('srcset')).toBe('https://cdn.example/b2.png 2x');
    expect(src('c')).toBe('https://cdn.example/c.jpg');
    expect(src('d')).toBeNull();
    expect(src('e')).toBe('https://cdn.example/real.jpg');
  });

  it('knows placeholders from real images', () => {
    expect(isPlaceholderSrc('/templets/default/images/grey.gif')).toBe(true);
    expect(isPlaceholderSrc('data:image/svg+xml,%3Csvg%3E')).toBe(true);
    expect(isPlaceholderSrc('')).toBe(true);
    expect(isPlaceholderSrc('https://cdn.example/photos/2024/harbour.jpg')).toBe(false);
  });
});

describe('a summary box the body repeats (seed-dedecms "intro")', () => {
  const SENTENCE = 'Residents packed the town hall on Tuesday night to hear the mayor defend the budget';
  const load = (html: string) => {
    const page = loadHtml(`<html lang="en"><head><title>Transit plan</title></head><body>${html}</body></html>`, URL);
    opened.push({ window: page.window, close: () => page.window.happyDOM.close() } as unknown as LoadedPage);
    return page;
  };
  const textOfArticle = (html: string) => {
    const { window, document } = load(html);
    const article = extractArticle(document, URL)!;
    const doc = new window.DOMParser().parseFromString(article.contentHtml, 'text/html');
    return { article, text: collapseWhitespace(doc.body.textContent ?? ''), first: collapseWhitespace(doc.body.querySelector('p, div')?.textContent ?? '') };
  };

  it('is dropped on the seed page: the article starts with its first paragraph, once', () => {
    const page = loadPage(FIXTURES.find((d) => d.endsWith('seed-dedecms'))!);
    opened.push(page);
    const article = extractArticle(page.document, page.url)!;
    const text = textOf(page, article.contentHtml);
    const opening = 'ChatGPT 作为即将在微软全球 Azure 公有云平台正式发布的服务';
    expect(text.split(opening).length - 1).toBe(1);
    expect(text).not.toContain('的应用。...');
    expect(text).toContain('本期从技术角度深度解析');
  });

  it('is dropped when the next paragraph goes on from it, "..." or "…"', () => {
    for (const cut of ['...', '…', ' ……']) {
      const { text, article } = textOfArticle(`<article><div class="intro">${SENTENCE}${cut}</div><p>${SENTENCE}, with residents queueing to speak for and against it.</p>${body(6)}</article>`);
      expect(text.split(SENTENCE).length - 1).toBe(1);
      expect(article.textLength).toBe(text.length);
    }
  });

  it('stays when the body does not repeat it, or when it is no teaser', () => {
    // A teaser of something else
    expect(textOfArticle(`<article><div class="intro">A different summary of the story that ends in a teaser...</div>${body(6)}</article>`).first).toContain('A different summary');
    // The same words, no ellipsis: a deliberate pull quote
    expect(textOfArticle(`<article><p>${SENTENCE}</p><p>${SENTENCE}, with residents queueing.</p>${body(6)}</article>`).text.split(SENTENCE).length - 1).toBe(2);
    // Too short to be a sentence
    expect(textOfArticle(`<article><p>Loading...</p><p>Loading... the rest of the page, which is long enough to count as text.</p>${body(6)}</article>`).text.split('Loading...').length - 1).toBe(2);
  });
});
