// The main article of a page: Readability on a clone (its README: never hand it the live DOM),
// after our own clean-up of what real pages put inside the article container, then sanitised.
import { Readability } from '@mozilla/readability';
import { removeClutter } from './cleanup';
import { dropRepeatedIntro } from './repeated-intro';
import { cleanByline, declaredTime, foundTime, isoTime, jsonLdMeta, meta, metasOf, siteFromTitle } from './meta';
import { cmsInfo, infoNearTitle } from './cms-info';
import { pageLang, scoreDocument, type DetectionScore } from '../detect/detect';
import { removeMedia } from './declobber';
import { hanScriptTag } from './han-script';
import { promoteLazyImages } from './lazy-images';
import { sanitizeContent } from '../sanitize';
import { keepOnly, removeMatching } from '../rules';
import { collapseWhitespace, collapsedLength } from '../text';
import { middleMinutes, readingTime } from './reading-time';
import { articleTitle, stripKnownSite } from './title';
import type { Article } from '../types';

const RTL_LANGS = /^(ar|he|iw|fa|ur|ps|sd|yi|dv|ug|ckb)(-|$)/i;

/**
 * Readability decodes character references in the meta values it reads (byline, excerpt, site
 * name, title) although the parser has decoded them once already: "&amp;lt;b&amp;gt;" in the
 * source, which the page means as the text "&lt;b&gt;", would become "<b>". With every "&" of the
 * copy's meta values written "&#38;", its decoding gives each value back exactly. (JSON-LD is raw
 * text the parser leaves alone: Readability decodes it once, as it should.)
 */
function keepMetaText(doc: Document): void {
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const value = el.getAttribute('content');
    if (value?.includes('&')) el.setAttribute('content', value.replace(/&/g, '&#38;'));
  }
}

/** What lib/extract/index.ts already knows about the page, so that nothing is worked out twice. */
export interface Prepared {
  score?: DetectionScore;
  /** The page's language as detection found it (lib/extract/detect/detect.ts pageLang, with the same score). */
  lang?: string;
  /** The related blocks' elements in `doc` (lib/extract/related/extract-related.ts scanRelated). */
  relatedParts?: Element[];
  /** `doc` is a private copy (entrypoints/extractor.ts): change it instead of cloning it again. */
  ownCopy?: boolean;
  /** Run Readability even when detection says the page is not an article (the reader asked: "Show anyway", reader mode). */
  anyway?: boolean;
  /** Selectors of the reader's 'remove' rules for this site (lib/extract/rules.ts): their elements leave the copy first. */
  remove?: string[];
  /** The selector of the reader's picked article: its first element is the article, whole. */
  only?: string;
}

/**
 * The same elements in `copy` (a clone of their document, not changed since), by position: the
 * copy's node at the same place among its parent's children, from the root down. Each parent's
 * children are paired with the copy's once, in step (an element's index among its siblings, asked
 * of a long NodeList once per element and ancestor, cost 15% of Readability.parse on the corpus).
 * An element with no node of its own in the copy is left out.
 */
function counterparts(els: Element[], copy: Document): Element[] {
  const pairs = new Map<Node, Node>();
  const find = (el: Element): Node | undefined => {
    const up: Node[] = [];
    let node: Node = el;
    for (; !pairs.has(node) && node.parentNode; node = node.parentNode) up.push(node);
    if (!pairs.has(node)) pairs.set(node, copy); // the root, as the copy is that of el's document
    for (let i = up.length - 1; i >= 0; i--) {
      const parent = up[i].parentNode!;
      const theirs = pairs.get(parent);
      if (!theirs) return undefined;
      for (let a = parent.firstChild, b = theirs.firstChild; a && b; a = a.nextSibling, b = b.nextSibling) pairs.set(a, b);
      if (!pairs.has(up[i])) return undefined;
    }
    return pairs.get(el);
  };
  const out: Element[] = [];
  for (const el of els) {
    const node = find(el);
    if (node?.nodeType === 1) out.push(node as Element);
  }
  return out;
}

/**
 * The main article of `doc`, or null when the page is not an article (detection says so, as on
 * zh-homepage-not-article where Readability still returns 4.6k characters of teasers), unless
 * `prepared.anyway`: then whatever Readability finds.
 * `doc` is never changed unless `prepared.ownCopy`: everything happens on a clone.
 */
export function extractArticle(doc: Document, url: string, prepared: Prepared = {}): Article | null {
  const score = prepared.score ?? scoreDocument(doc);
  if (!score.isArticle && !prepared.anyway) return null;
  // A DOMParser document has no defaultView in browsers: parse with the global window then.
  const win = (doc.defaultView ?? globalThis.window) as Window | undefined;
  if (!win) return null;

  // What Readability would remove or change, read first.
  const base = /^https?:/i.test(doc.baseURI ?? '') ? doc.baseURI : url;
  const metas = metasOf(doc);
  const title = articleTitle(doc, '', metas);
  const declared = declaredTime(metas);
  const found = declared ? '' : foundTime(doc);
  const langAttr = doc.documentElement.getAttribute('lang') || doc.body?.getAttribute('lang') || '';
  const dirAttr = (doc.documentElement.getAttribute('dir') || doc.body?.getAttribute('dir') || '').toLowerCase();
  const metaByline = meta(metas, 'author', 'article:author');
  const metaSite = meta(metas, 'og:site_name', 'application-name');
  const guessedLang = prepared.lang ?? pageLang(doc, score.sample);
  // Chinese CMS pages say who and when only in an info line under the headline; other pages are
  // not walked for one.
  let info = guessedLang !== 'zh' || (declared && metaByline) ? {} : cmsInfo(doc);
  // Else the line under the headline, when it holds a bare date (portals print no labels), for
  // the date, or for the source a Chinese portal names there without a label.
  const noByline = guessedLang === 'zh' && !metaByline && !info.byline;
  if ((!declared && !info.date) || noByline) info = { ...infoNearTitle(doc, title), ...info };
  const ld = jsonLdMeta(doc);

  let work = doc;
  let related = prepared.relatedParts;
  if (!prepared.ownCopy) {
    work = doc.cloneNode(true) as Document;
    related = related && counterparts(related, work);
    removeMedia(work); // after the related parts are matched by position in the copy
  }
  keepMetaText(work);
  if (prepared.remove?.length) removeMatching(work, prepared.remove);
  // Issue 19: the reader picked the article. It is the only content of the copy, cleaned up as
  // any article is, and shown whole: Readability still reads the metadata, but its choice of a
  // part of the element is not asked for (the reader picked a larger block because Sift showed
  // too little, or another block because Sift showed the wrong one).
  const picked = prepared.only ? keepOnly(work, prepared.only) : null;
  removeClutter(work, url, related);
  promoteLazyImages(work);
  let pickedContent: Element | null = null;
  if (picked) {
    // In a <div>: sanitizeContent keeps what is inside its root, and a picked <ul> is a list.
    pickedContent = work.createElement('div');
    pickedContent.append(picked.cloneNode(true));
  }
  // The article element itself rather than its innerHTML: sanitizeContent works on it in place.
  const parsed = new Readability<Element>(work, { keepClasses: false, serializer: (el) => el as Element }).parse();
  const content = pickedContent ?? parsed?.content;
  if (!content) return null;
  const repeated = dropRepeatedIntro(content);

  const text = (repeated || pickedContent ? content.textContent : parsed?.textContent) ?? '';
  // Sanitised in place: content is not read after this.
  const contentHtml = sanitizeContent(content, base, win);
  const textLength = collapsedLength(text);
  if (!textLength || !contentHtml) return null;

  const lang = (parsed?.lang?.trim().toLowerCase().split(/[-_]/)[0] || guessedLang) ?? '';
  const dir = (dirAttr || parsed?.dir || '').toLowerCase();
  const langTag = hanScriptTag(lang, parsed?.lang || langAttr, text);
  const time = readingTime(text, lang);
  const siteName = collapseWhitespace(parsed?.siteName ?? '') || metaSite || ld.publisher || siteFromTitle(doc.title ?? '', title) || undefined;
  return {
    title: stripKnownSite(title || collapseWhitespace(parsed?.title ?? ''), siteName),
    byline: cleanByline(parsed?.byline) || cleanByline(metaByline) || cleanByline(ld.author) || cleanByline(info.byline),
    siteName,
    publishedTime: isoTime(declared, parsed?.publishedTime, info.date, ld.date, found),
    lang,
    ...(langTag ? { langTag } : {}),
    dir: dir === 'rtl' || RTL_LANGS.test(lang) ? 'rtl' : 'ltr',
    excerpt: collapseWhitespace(parsed?.excerpt ?? '') || undefined,
    contentHtml,
    textLength,
    readingMinutes: middleMinutes(time),
    readingTime: time,
  };
}
