// The article's title: the page's own headline sources (JSON-LD, og:title, <h1>, <title>) without
// the site's name, before Readability's guess.
import { type Metas, meta, metasOf } from './meta';
import { collapseWhitespace, decodeEntities } from '../text';

// Separators between a headline and the site name in <title>: "_IT资讯吧", " - 云原生笔记",
// " | Example News", "__2007年第23号国务院公报_中国政府网", "--雅虎新闻". An unspaced "_" or "__"
// only beside a character outside ASCII (the CJK titles that use it): between ASCII characters
// it belongs to a word or to code ("my_var", "__init__", "onerror=__xss(…)"), never cut there.
const SEPARATOR = /\s+[-|–—·»:]{1,2}\s+|\s*[|–—·»]{1,2}\s*|(?<=[^\x00-\x7f])_{1,2}|_{1,2}(?=[^\x00-\x7f])|\s*::\s*|-{2}/g;
// A bare hyphen only before a short CJK site name ("…被端-富达传媒", "…交通-新华网"):
// in Latin titles it is part of words ("AI-powered").
const CJK_SITE_SUFFIX = /^(.{6,}?)-([\u3400-\u9fff\uf900-\ufaff]{2,10})$/;

/**
 * A headline that still ends with the site's own name after a separator the title rules do not
 * cut at ("…を発表：朝日新聞デジタル", "Headline :: Example News"): the name is shown in the meta
 * line already, so it goes. Only a name the page declares (og:site_name, JSON-LD publisher, …),
 * only at the end, and only after punctuation, so a headline that merely ends with the name stays.
 */
export function stripKnownSite(title: string, site: string | undefined): string {
  const name = site?.trim();
  if (!name || title.length < name.length * 2 || !title.endsWith(name)) return title;
  const head = title.slice(0, -name.length);
  const cut = /[\s:：|｜\-–—_·・»/／]+$/.exec(head);
  return cut && /\S/.test(head.slice(0, cut.index)) && cut[0].trim() ? head.slice(0, cut.index).trim() : title;
}

/** Strips site names from the end (repeatedly: "_新浪房产_新浪网") or one from the start of a title. */
export function stripSiteName(title: string): string {
  let t = title.trim();
  for (let i = 0; i < 3; i++) {
    let last: RegExpExecArray | null = null;
    for (const m of t.matchAll(SEPARATOR)) last = m as RegExpExecArray;
    const tail = last ? t.slice(last.index + last[0].length) : '';
    const head = last ? t.slice(0, last.index) : '';
    // The site name is much shorter than what it follows; a headline that itself holds "|" keeps it.
    const spaced = last ? /^\s.*\s$/.test(last[0]) : false;
    if (last && tail && tail.length <= 30 && (tail.length * 2 <= head.length || (spaced && head.length >= 8))) {
      t = head.trim();
      continue;
    }
    const cjk = CJK_SITE_SUFFIX.exec(t);
    if (cjk) {
      t = cjk[1].trim();
      continue;
    }
    if (i === 0 && last) {
      const first = SEPARATOR.exec(t);
      SEPARATOR.lastIndex = 0;
      const lead = first ? t.slice(0, first.index) : '';
      if (first && lead.length <= 20 && lead.length * 3 <= t.length) t = t.slice(first.index + first[0].length).trim();
    }
    break;
  }
  return t || title.trim();
}

/**
 * A title that looks like markup: a tag ("<b>", "<img src=x …>", "</p>", "<!--") or a character
 * reference ("&amp;", "&#39;") in what should be plain text, i.e. a CMS that leaked its markup or
 * escaped twice. Such a source is passed over when a later one is clean.
 */
export function looksLikeMarkup(text: string): boolean {
  return /<[a-z!/?][^<>]*>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i.test(text);
}

const JSON_LD_ARTICLE = /^(?:\w*Article|Report|\w*Posting)$/;

/**
 * The headline a page's JSON-LD gives its article (schema.org Article and its kinds: NewsArticle,
 * BlogPosting…, also inside an array or an @graph). A <script> is raw text the HTML parser does not
 * decode, and CMSs write their usual escaped text into it: its character references are decoded,
 * once.
 */
export function jsonLdHeadline(doc: Document): { headline: string; name: string } | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 50; i++) {
      const node = queue[i];
      if (Array.isArray(node)) queue.push(...node);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        const types = ([] as unknown[]).concat(o['@type']);
        if (typeof o.headline === 'string' && types.some((t) => typeof t === 'string' && JSON_LD_ARTICLE.test(t))) {
          const headline = collapseWhitespace(decodeEntities(o.headline));
          const name = typeof o.name === 'string' ? collapseWhitespace(decodeEntities(o.name)) : '';
          if (headline) return { headline, name };
        }
        if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
      }
    }
  }
  return null;
}

/**
 * The headline, by one precedence: the JSON-LD headline, og:title (else twitter:title), the
 * page's <h1>, <title>; the first of them that does not look like markup (looksLikeMarkup), else
 * the first of them at all, shown whole as text; Readability's guess when the page has none.
 * A source that holds the page's only <h1> and little else is cut down to it; og:title and <title>
 * otherwise lose their site name (stripSiteName). The <h1> counts on its own only when another
 * source names it that way, or there is no other source. Each value is the page's text as the parser gave
 * it (meta attributes, <title> and <h1> text are decoded once by the parser, never again).
 */
export function articleTitle(doc: Document, readabilityTitle: string, metas: Metas = metasOf(doc)): string {
  const ogTitle = meta(metas, 'og:title', 'twitter:title');
  const docTitle = collapseWhitespace(doc.title ?? '');
  const ld = jsonLdHeadline(doc);
  // Some sites put a description in "headline" and the title in "name" (Wikipedia): the name,
  // when the page's <title> or og:title names it and not the headline.
  const named = (t: string) => [ogTitle, docTitle].some((s) => s.includes(t));
  const jsonLd = ld && ld.name && ld.name !== ld.headline && named(ld.name) && !named(ld.headline) ? ld.name : (ld?.headline ?? '');
  const h1s = new Set<string>();
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    const text = collapseWhitespace(h.textContent ?? '');
    if (text) h1s.add(text);
  }
  const h1 = h1s.size === 1 ? [...h1s][0] : '';
  // A source "names" the <h1> when it holds it and little else, and the <h1> is not just the
  // part stripSiteName cuts off (a blog's name in its masthead <h1>, readability-blogger).
  const names = (t: string) => {
    if (!h1 || !t.includes(h1)) return false;
    const stripped = stripSiteName(t);
    return h1.length * 2 >= stripped.length && (stripped.includes(h1) || h1.length > t.length - stripped.length);
  };
  const sources = [jsonLd, ogTitle, docTitle];
  const headlineH1 = h1 && (sources.every((t) => !t) || sources.some(names)) ? h1 : '';
  // A source that names the <h1> is cut down to it (its site name and kicker go); otherwise
  // og:title and <title> lose their site name.
  const candidates = [
    jsonLd && (names(jsonLd) ? h1 : jsonLd),
    ogTitle && (names(ogTitle) ? h1 : stripSiteName(ogTitle)),
    headlineH1,
    docTitle && (names(docTitle) ? h1 : stripSiteName(docTitle)),
  ].filter(Boolean);
  return candidates.find((t) => !looksLikeMarkup(t)) ?? candidates[0] ?? collapseWhitespace(readabilityTitle);
}
