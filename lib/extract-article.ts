// The main article of a page: Readability on a clone (its README: never hand it the live DOM),
// after our own clean-up of what real pages put inside the article container, then sanitised.
import { Readability } from '@mozilla/readability';
import { removeClutter } from './article-cleanup';
import { pageLang, scoreDocument } from './detect';
import { promoteLazyImages } from './lazy-images';
import { sanitizeHtml } from './sanitize';
import { collapseWhitespace, readingMinutes } from './text';
import type { Article } from './types';

const RTL_LANGS = /^(ar|he|iw|fa|ur|ps|sd|yi|dv|ug|ckb)(-|$)/i;
/** Separators between a headline and the site name in <title> ("_IT资讯吧", " - 云原生笔记", " | Example News"). */
const TITLE_SEPARATOR = /\s*(?:[|_—–·»]|\s-\s|::)\s*/;

function meta(doc: Document, ...keys: string[]): string {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = collapseWhitespace(el?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return '';
}

/** Strips a site suffix (or prefix) from a <title>-like string: the longest part is the headline. */
function stripSiteName(title: string): string {
  const parts = title.split(TITLE_SEPARATOR).filter(Boolean);
  if (parts.length < 2) return title;
  // Keep the headline intact when it itself contains the separator ("A | B 02|C - site"):
  // drop only a short trailing (or leading) part.
  const last = parts[parts.length - 1];
  const first = parts[0];
  const cut = (part: string, fromEnd: boolean) => {
    const idx = fromEnd ? title.lastIndexOf(part) : title.indexOf(part) + part.length;
    const rest = fromEnd ? title.slice(0, idx) : title.slice(idx);
    return rest.replace(fromEnd ? /\s*(?:[|_—–·»:-]|::)\s*$/ : /^\s*(?:[|_—–·»:-]|::)\s*/, '').trim();
  };
  if (last.length <= 30 && last.length < title.length / 2) return cut(last, true);
  if (first.length <= 20 && first.length < title.length / 3) return cut(first, false);
  return title;
}

/**
 * The headline: the page's single non-empty <h1> when <title> or og:title agree with it,
 * else og:title / <title> without the site suffix, else Readability's guess.
 */
export function articleTitle(doc: Document, readabilityTitle: string): string {
  const docTitle = collapseWhitespace(doc.title ?? '');
  const ogTitle = meta(doc, 'og:title', 'twitter:title');
  const h1s = Array.from(doc.querySelectorAll('h1'))
    .map((h) => collapseWhitespace(h.textContent ?? ''))
    .filter(Boolean);
  const unique = [...new Set(h1s)];
  if (unique.length === 1) {
    const h1 = unique[0];
    if ((docTitle && docTitle.includes(h1)) || (ogTitle && ogTitle.includes(h1))) return h1;
  }
  for (const candidate of [ogTitle, docTitle]) {
    if (candidate) {
      const stripped = stripSiteName(candidate);
      if (stripped) return stripped;
    }
  }
  return collapseWhitespace(readabilityTitle);
}

/** ISO 8601 from article:published_time, JSON-LD datePublished, or the first <time datetime>. */
function publishedTime(doc: Document, fromReadability: string | null | undefined): string | undefined {
  let raw = meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate') || fromReadability || '';
  if (!raw) {
    for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
      const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
      if (m) {
        raw = m[1];
        break;
      }
    }
  }
  if (!raw) raw = doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? '';
  raw = raw.trim();
  if (!raw) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The main article of `doc`, or null when the page is not an article (detection says so, as on
 * zh-homepage-not-article where Readability still returns 4.6k characters of teasers).
 * `doc` is never changed: everything happens on a clone.
 */
export function extractArticle(doc: Document, url: string): Article | null {
  const score = scoreDocument(doc);
  if (!score.isArticle) return null;
  const win = doc.defaultView as unknown as Window | null;
  if (!win) return null;

  const clone = doc.cloneNode(true) as Document;
  removeClutter(clone, url);
  promoteLazyImages(clone);
  const parsed = new Readability(clone, { keepClasses: false }).parse();
  if (!parsed?.content) return null;

  const base = /^https?:/i.test(doc.baseURI ?? '') ? doc.baseURI : url;
  const contentHtml = sanitizeHtml(parsed.content, base, win);
  const text = collapseWhitespace(parsed.textContent ?? '');
  if (!text || !contentHtml) return null;

  const lang = (parsed.lang?.trim().toLowerCase().split(/[-_]/)[0] || pageLang(doc, score.sample)) ?? '';
  const dirAttr = (doc.documentElement.getAttribute('dir') || doc.body?.getAttribute('dir') || parsed.dir || '').toLowerCase();
  const byline = collapseWhitespace(parsed.byline ?? '') || meta(doc, 'author', 'article:author') || undefined;
  const siteName = collapseWhitespace(parsed.siteName ?? '') || meta(doc, 'og:site_name', 'application-name') || undefined;
  const excerpt = collapseWhitespace(parsed.excerpt ?? '') || undefined;

  return {
    title: articleTitle(doc, parsed.title ?? ''),
    byline,
    siteName,
    publishedTime: publishedTime(doc, parsed.publishedTime),
    lang,
    dir: dirAttr === 'rtl' || RTL_LANGS.test(lang) ? 'rtl' : 'ltr',
    excerpt,
    contentHtml,
    textLength: text.length,
    readingMinutes: readingMinutes(text),
  };
}
