// Who wrote an article, for which site and when, where Readability's own reading is missing or
// noisy: the page's JSON-LD (schema.org NewsArticle and its kin, Baidu's "cambrian" pubDate), the
// site name that <title> carries after the headline, and bylines cleaned of the labels and
// counters that CMS info lines put around the name ("责任编辑：张申", "加拿大必读 发布时间：…");
// and the page's <meta> values, read in one pass (metasOf), with its publication time.
import { collapseWhitespace } from '../text';

export interface LdMeta {
  author?: string;
  publisher?: string;
  date?: string;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|WebPage|Posting/i;

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>).name);
  return undefined;
}

/** The page's JSON-LD article data (the first article-like object), read without trusting its shape. */
export function jsonLdMeta(doc: Document): LdMeta {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 50; i++) {
      const item = queue[i];
      if (Array.isArray(item)) {
        queue.push(...item);
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const obj = item as Record<string, unknown>;
      if (Array.isArray(obj['@graph'])) queue.push(...obj['@graph']);
      const type = String(obj['@type'] ?? '');
      const date = [obj.datePublished, obj.pubDate, obj.dateCreated].find((d) => typeof d === 'string' && d.trim()) as string | undefined;
      if (!ARTICLE_TYPE.test(type) && !date) continue;
      const meta: LdMeta = {};
      const author = nameOf(obj.author) ?? nameOf(obj.creator);
      const publisher = nameOf(obj.publisher);
      if (author) meta.author = author;
      if (publisher) meta.publisher = publisher;
      if (date) meta.date = date.trim();
      if (meta.author || meta.publisher || meta.date) return meta;
    }
  }
  return {};
}

/** Labels in front of a name: "责任编辑：", "作者:", "By ". */
const LEADING_LABEL = /^(?:责任编辑|编辑|作者|撰文|文|记者|来源|by)\s*[:：|丨]\s*|^by\s+/i;
/** Where an info line goes on after the name: a date label, a counter, a source. */
const TRAILING_INFO = /\s*(?:发布时间|发表时间|更新时间|发布于|发表于|时间|日期|来源|点击|阅读|浏览|总篇数)[:：]?.*$/;
/** A date and time glued to the name: "…10-08 12:00", "… March 25, 2015", "…22 Dec 2016". */
const TRAILING_DATE = /\s*\d{2,4}[-/.年]\d{1,2}[-/.月]?\d{0,2}.*$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const TRAILING_EN_DATE = new RegExp(`\\s*(?:[—–-]\\s*)?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}).*$`, 'i');
/** Counters glued to a name: "…1032人参与308评论". */
const TRAILING_COUNT = /\s*\d+\s*(?:人参与|人|条评论|评论|次|篇).*$/;

/**
 * A byline worth showing, or undefined: labels and trailing info-line parts taken off, and
 * nothing that is an e-mail placeholder, a URL, a number or a whole paragraph.
 */
export function cleanByline(raw: string | null | undefined): string | undefined {
  let text = collapseWhitespace(raw ?? '')
    .replace(/\s*\(?https?:\/\/[^\s)]+\)?/g, '')
    .replace(/^[\s■□●◆▪·•|｜/\\-]+/, '');
  text = text
    .replace(LEADING_LABEL, '')
    .replace(TRAILING_INFO, '')
    .replace(TRAILING_EN_DATE, '')
    .replace(TRAILING_DATE, '')
    .replace(TRAILING_COUNT, '')
    .replace(/[\s\-–—|·,，:：]+$/, '')
    .trim();
  // Comma lists that mix a URL in ("www.site.cn,某某报业集团,某某网"): the names only.
  if (/[,，]/.test(text) && /(?:www\.|https?:)/i.test(text)) {
    text = text.split(/[,，]/).map((s) => s.trim()).filter((s) => s && !/(?:www\.|https?:|\.\w{2,3}$)/i.test(s))[0] ?? '';
  }
  if (!text || text.length > 100) return undefined;
  // A date's label left alone ("Last Updated: <date>"), or a link label ("该作者文章", "More articles"): not a name.
  if (/^(?:last\s+)?(?:updated|published|posted|modified)$/i.test(text)) return undefined;
  if (/(?:文章|articles?)$/i.test(text)) return undefined;
  if (/@|e-?mail|https?:|www\./i.test(text)) return undefined;
  if (!/\p{L}/u.test(text)) return undefined;
  return text;
}

const TITLE_SEPARATOR = /\s*[|_–—·»]\s*|\s+[-:]\s+|-(?=[^-]*$)/;

/**
 * The site's name as <title> carries it after the headline ("…_凤凰网资讯_凤凰网" → "凤凰网",
 * "…-新华网" → "新华网", "Headline | Example News" → "Example News"), when `docTitle` starts with the
 * headline; undefined otherwise.
 */
export function siteFromTitle(docTitle: string, headline: string): string | undefined {
  const full = collapseWhitespace(docTitle);
  const head = collapseWhitespace(headline);
  if (!head || !full.startsWith(head) || full.length === head.length) return undefined;
  const rest = full.slice(head.length);
  if (!TITLE_SEPARATOR.test(rest.slice(0, 3))) return undefined;
  const parts = rest.split(/\s*[|_–—·»]\s*|\s+[-:]\s+/).map((s) => s.trim()).filter(Boolean);
  const last = parts[parts.length - 1]?.replace(/^-+/, '').trim();
  // A name, not a phrase: a few words, or a short run of CJK.
  if (!last || last.length > 30 || last.split(/\s+/).length > 4 || (!/\s/.test(last) && last.length > 16)) return undefined;
  return last;
}

/** The page's <meta> values by property, name or itemprop (the first one wins), in one pass. */
export type Metas = Map<string, string>;
export function metasOf(doc: Document): Metas {
  const map: Metas = new Map();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const value = collapseWhitespace(el.getAttribute('content') ?? '');
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key && !map.has(key)) map.set(key, value);
    }
  }
  return map;
}

export function meta(metas: Metas, ...keys: string[]): string {
  for (const key of keys) {
    const value = metas.get(key);
    if (value) return value;
  }
  return '';
}

/** article:published_time and its kin: what the page declares (before Readability's own guess). */
export function declaredTime(metas: Metas): string {
  return meta(metas, 'article:published_time', 'datePublished', 'pubdate', 'publishdate');
}

/** JSON-LD datePublished, else the first <time datetime>: when nothing better is declared. */
export function foundTime(doc: Document): string {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    if (m) return m[1];
  }
  return doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? '';
}

/** ISO 8601 from the first of `candidates` that holds a date. */
export function isoTime(...candidates: (string | null | undefined)[]): string | undefined {
  const raw = (candidates.find((c) => c && c.trim()) ?? '').trim();
  if (!raw) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

