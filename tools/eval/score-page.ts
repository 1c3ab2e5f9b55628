// One labelled page scored: extract()'s related items, detection, title and phrases against
// labels.json, the toolbar badge's count against the popup's, and the graded items against
// relevance.json when the page has one.
import { scoreRelevance, type RelevancePageResult } from './relevance-eval';
import { ON_PAGE_LOAD, detect } from '../../lib/extract/detect/detect';
import { extract } from '../../lib/extract/index';
import { itemCount } from '../../lib/extract/related/extract-related';
import { collapseWhitespace } from '../../lib/extract/text';
import type { Extraction } from '../../lib/extract/types';
import { isHoldout, siteFold, siteOf, type LoadedPage } from '../../tests/support/load-page';

export type Split = 'tune' | 'holdout';

export interface PageResult {
  id: string;
  /** Graded related items against relevance.json, when the page has one (issue 15). */
  relevance?: RelevancePageResult | null;
  /** load-page.ts siteOf, and the side and fold its hash puts the site on. */
  site: string;
  split: Split;
  fold: number;
  /** Related items: found and labelled related / labelled optional / not labelled; labelled related missed. */
  hits: number;
  optionalHits: number;
  extra: string[];
  missed: string[];
  found: number;
  expected: number;
  /** extract().detection.isArticle equals the label (false when extract() threw). */
  detection: boolean;
  isArticle: boolean;
  /** Pages labelled articles only: the badge's and the popup's counts (null: the call threw). */
  badge?: { badge: number | null; popup: number | null };
  titleOk?: boolean;
  titleGot?: string | null;
  mustContain: number;
  mustNotContain: number;
  mustContainMissing: string[];
  mustNotContainPresent: string[];
  errors: string[];
}

function resolveHref(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function textOfHtml(page: LoadedPage, html: string): string {
  const parsed = new page.window.DOMParser().parseFromString(html, 'text/html');
  return collapseWhitespace(parsed.body?.textContent ?? '');
}

export function scorePage(page: LoadedPage): PageResult {
  const { labels, document: doc, url } = page;
  const base = doc.baseURI && /^https?:/.test(doc.baseURI) ? doc.baseURI : url;
  const result: PageResult = {
    id: page.id,
    site: siteOf(page.id, labels),
    split: isHoldout(page.id, labels) ? 'holdout' : 'tune',
    fold: siteFold(page.id, labels),
    hits: 0,
    optionalHits: 0,
    extra: [],
    missed: [],
    found: 0,
    expected: 0,
    detection: false,
    isArticle: labels.is_article,
    mustContain: labels.article_must_contain?.length ?? 0,
    mustNotContain: labels.article_must_not_contain?.length ?? 0,
    mustContainMissing: [],
    mustNotContainPresent: [],
    errors: [],
  };

  // The shipped pipeline, once: everything below is read from its result.
  let extraction: Extraction | null = null;
  try {
    extraction = extract(doc, url);
  } catch (e) {
    result.errors.push(`extract: ${(e as Error).message}`);
  }

  if (extraction) {
    try {
      result.relevance = scoreRelevance(page, extraction);
    } catch (e) {
      result.errors.push(`relevance: ${(e as Error).message}`);
    }
  }

  const required = new Set(labels.related.map((i) => resolveHref(i.href, base)));
  const optional = new Set(labels.related_optional.map((i) => resolveHref(i.href, base)));
  result.expected = required.size;
  const got = extraction ? [...new Set(extraction.related.flatMap((b) => b.items.map((i) => i.url)))] : [];
  result.found = got.length;
  for (const href of got) {
    if (required.has(href)) result.hits++;
    else if (optional.has(href)) result.optionalHits++;
    else result.extra.push(href);
  }
  const gotSet = new Set(got);
  result.missed = [...required].filter((h) => !gotSet.has(h));
  result.detection = extraction !== null && extraction.detection.isArticle === labels.is_article;

  if (labels.is_article) {
    // The toolbar badge: what the content script computes on page load, before any extraction.
    let badge: number | null = null;
    try {
      badge = detect(doc, url, ON_PAGE_LOAD).relatedCount;
    } catch (e) {
      result.errors.push(`detect: ${(e as Error).message}`);
    }
    result.badge = { badge, popup: extraction ? itemCount(extraction.related) : null };
  }

  const hasArticleLabels = labels.title !== undefined || labels.article_must_contain || labels.article_must_not_contain;
  if (hasArticleLabels) {
    const article = extraction?.article ?? null;
    const title = article?.title ?? null;
    const text = article ? textOfHtml(page, article.contentHtml) : '';
    if (labels.title !== undefined) {
      result.titleOk = (labels.title ?? null) === title;
      result.titleGot = title;
    }
    result.mustContainMissing = (labels.article_must_contain ?? []).filter((p) => !text.includes(collapseWhitespace(p)));
    result.mustNotContainPresent = (labels.article_must_not_contain ?? []).filter((p) =>
      text.includes(collapseWhitespace(p)),
    );
  }
  return result;
}

