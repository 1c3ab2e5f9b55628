// Cheap article detection, run by the content script on every page load. One pass over the
// text nodes, no layout, no getComputedStyle, no Readability (it would not fit the content-script
// budget). Chinese and Japanese text is weighed per character: Readability's isProbablyReaderable
// counts 140 characters per paragraph and misses 12 of the 27 Chinese article pages of the corpus.
//
// Here: what detection reports (the page's language, the related count); the scoring is score.ts.
import { type RelatedScope, countRelated } from '../related/extract-related';
import { guessLang } from '../text';
import type { Detection } from '../types';
import { type DetectionScore, scoreDocument } from './score';

export { scoreDocument, type DetectionScore } from './score';

function contentLanguage(doc: Document): string {
  const meta = [...doc.querySelectorAll('meta[http-equiv]')].find((m) => /^content-language$/i.test(m.getAttribute('http-equiv')!));
  return meta?.getAttribute('content') ?? '';
}

/** The page's language: <html lang>, then Content-Language, then a guess from the main text. */
export function pageLang(doc: Document, sample: string): string {
  const root = doc.documentElement;
  const declared = root.getAttribute('lang') || root.getAttribute('xml:lang') || contentLanguage(doc);
  // The primary subtag of the first tag: "en-GB", "zh_CN", "fr, en" → "en", "zh", "fr".
  const primary = /^([a-z]{2,3})(?:[-_\s,;]|$)/i.exec(declared.trim());
  return primary ? primary[1].toLowerCase() : guessLang(sample || (doc.title ?? ''));
}

function safeRelatedCount(doc: Document, url: string, scope: RelatedScope): number {
  try {
    return countRelated(doc, url, scope);
  } catch {
    return 0;
  }
}

/**
 * What detection reports for a scored page: non-articles have no related list by definition
 * (front and list pages), so `relatedCount` is only asked for on articles.
 */
export function detectionOf(doc: Document, score: DetectionScore, relatedCount: () => number): Detection {
  return { isArticle: score.isArticle, relatedCount: score.isArticle ? relatedCount() : 0, lang: pageLang(doc, score.sample) };
}

export interface DetectOptions {
  /** Find the page's language (the default). */
  lang?: boolean;
}

/**
 * What the content script asks for on every page load: the toolbar needs whether the page is an
 * article and its related count, and nothing reads the language before the extraction, which
 * finds it again. (Guessing it is most of detection's cost on a small page that declares none.)
 * `npm run bench` times detection with these options.
 */
export const ON_PAGE_LOAD: DetectOptions = { lang: false };

/**
 * Is this an article, how many related items does it show (lib/extract/related/extract-related.ts countRelated,
 * the popup's own rules), and in which language ("" when not asked for). One walk over
 * the page's text at most: when scoring needed one, the counter uses the candidate headings it found.
 */
export function detect(doc: Document, url: string, { lang = true }: DetectOptions = {}): Detection {
  if (!lang) return detectOnPageLoad(doc, url);
  const [score, scope] = scoreAndScope(doc);
  return detectionOf(doc, score, () => safeRelatedCount(doc, url, scope));
}

/**
 * The page's score, and where the badge counter looks on it (exported for the bench's parts):
 * the candidate headings of scoring's full pass when it made one. The whole page, as the popup's
 * extraction reads it: starting at the article's region skipped a fifth of the text nodes, and
 * missed the lists that come before the article in the markup (a table layout's side column, a
 * sidebar), so the badge and the popup disagreed on them (issue 14).
 */
export function scoreAndScope(doc: Document): [DetectionScore, RelatedScope] {
  const headings: Node[] = [];
  const score = scoreDocument(doc, headings);
  return [score, { candidates: score.full ? headings : undefined }];
}

/**
 * The second of the two steps the content script runs (entrypoints/content.ts). On the page-load
 * path it asks only scoreDocument(doc).isArticle, as cheap as isProbablyReaderable; an article's
 * related count, the toolbar's number and the costly part (issue 14 made it count the whole page,
 * as the popup does), waits for an idle moment, where this scores the page again (it may have
 * changed), picking up the counter's heading candidates, and returns null for a page that is not
 * an article, else the function that makes the count. Nothing here reaches the language guess, so
 * its code (lib/extract/text.ts guessLang and its tables) stays out of the bundle that loads on
 * every page (issue 14's 20 KB budget). `npm run bench` times the first step as detection and
 * this one apart.
 */
export function articleCounter(doc: Document, url: string): (() => number) | null {
  // scoreAndScope's work, written out: its tuple put the content script 17 bytes over its budget.
  const headings: Node[] = [];
  const score = scoreDocument(doc, headings);
  return score.isArticle ? () => safeRelatedCount(doc, url, { candidates: score.full ? headings : undefined }) : null;
}

/** detect() with ON_PAGE_LOAD: both steps at once (the eval's badge count, tests). */
export function detectOnPageLoad(doc: Document, url: string): Detection {
  const count = articleCounter(doc, url);
  return { isArticle: count != null, relatedCount: count?.() ?? 0, lang: '' };
}
