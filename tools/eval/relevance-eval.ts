// Scores lib/extract/related/relevance/ (on / near / off grades of related items) against the relevance.json
// labels beside labels.json (../shared/corpus/RELEVANCE.md). Used by `npm run eval`; its own
// command, with the site-grouped check of the thresholds, is relevance-check.ts.
// The summary line (formatRelevance) is
//   relevance off P=0.xxx R=0.xxx on-flagged=0.xxx items=N
// P and R: precision and recall of the grade "off" against the items labelled off; on-flagged: the
// share of items labelled "on" that were graded off; N: the extracted items matched to a label.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeReason,
  gradeRelated,
  type RelevanceArticle,
  type RelevanceGrade,
  type RelevanceOptions,
} from '../../lib/extract/related/relevance';
import type { Extraction, RelatedBlock } from '../../lib/extract/types';
import { relevanceArticleOf } from '../../lib/reader/grade-related';
import type { LoadedPage } from '../../tests/support/load-page';

export interface RelevanceLabel {
  href: string;
  title: string;
  relevance: RelevanceGrade;
  why?: string;
}

export interface RelevanceLabels {
  article_title: string;
  article_topic?: string;
  items: RelevanceLabel[];
}

/** <dir>/relevance.json, or null when the page has none. */
export function readRelevanceLabels(dir: string): RelevanceLabels | null {
  const file = join(dir, 'relevance.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RelevanceLabels) : null;
}

export interface RelevanceMistake {
  title: string;
  url: string;
  label: RelevanceGrade;
  grade: RelevanceGrade;
  reason: string;
}

export interface RelevancePageResult {
  id: string;
  /** Extracted items matched to a label (each URL once). */
  scored: number;
  /** Labels no extracted item matched (the extractor missed them). */
  unmatched: number;
  /** Graded off and labelled off / graded off, labelled on or near / labelled off, graded on or near. */
  offTp: number;
  offFp: number;
  offFn: number;
  /** Items labelled on, and those of them graded off. */
  on: number;
  onFlagged: number;
  /** Items whose grade differs from the label (all levels), for the per-page report. */
  mistakes: RelevanceMistake[];
}

/** A page made ready for grading: what the grader reads, and the labels by resolved URL. */
export interface RelevanceCase {
  id: string;
  article: RelevanceArticle;
  blocks: RelatedBlock[];
  labels: Map<string, RelevanceLabel>;
  labelCount: number;
}

function resolveHref(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/**
 * What the grader is given for a page, as the reader view gives it (lib/reader/grade-related.ts): the
 * extracted article as plain text, or, when extraction found no article, the page's <h1> (or
 * <title>) and meta description. Parsed in the page's own happy-dom window.
 */
export function relevanceArticle(page: LoadedPage, extraction: Extraction): RelevanceArticle {
  return relevanceArticleOf(extraction, new page.window.DOMParser() as unknown as DOMParser);
}

/** The page's grading case, or null when it has no relevance.json. */
export function relevanceCase(page: LoadedPage, extraction: Extraction): RelevanceCase | null {
  const rel = readRelevanceLabels(page.dir);
  if (!rel) return null;
  const doc = page.document;
  const base = doc.baseURI && /^https?:/.test(doc.baseURI) ? doc.baseURI : page.url;
  const labels = new Map<string, RelevanceLabel>();
  for (const item of rel.items) labels.set(resolveHref(item.href, base), item);
  return { id: page.id, article: relevanceArticle(page, extraction), blocks: extraction.related, labels, labelCount: rel.items.length };
}

/** Grades a case and scores the grades against its labels. */
export function scoreCase(c: RelevanceCase, options: Partial<RelevanceOptions> = {}): RelevancePageResult {
  const result: RelevancePageResult = { id: c.id, scored: 0, unmatched: 0, offTp: 0, offFp: 0, offFn: 0, on: 0, onFlagged: 0, mistakes: [] };
  const seen = new Set<string>();
  for (const block of gradeRelated(c.article, c.blocks, options)) {
    for (const item of block.items) {
      const label = c.labels.get(item.url);
      if (!label || seen.has(item.url)) continue;
      seen.add(item.url);
      const grade = item.relevance!.grade;
      result.scored++;
      if (grade === 'off' && label.relevance === 'off') result.offTp++;
      else if (grade === 'off') result.offFp++;
      else if (label.relevance === 'off') result.offFn++;
      if (label.relevance === 'on') {
        result.on++;
        if (grade === 'off') result.onFlagged++;
      }
      if (grade !== label.relevance)
        result.mistakes.push({ title: item.title, url: item.url, label: label.relevance, grade, reason: describeReason(item.relevance!.reason) });
    }
  }
  result.unmatched = c.labelCount - seen.size;
  return result;
}

/**
 * Scores one loaded page from its extract() result: the extracted items whose URL matches a
 * relevance.json href (resolved like score-page.ts resolves labels). Null when the page has no
 * relevance.json.
 */
export function scoreRelevance(page: LoadedPage, extraction: Extraction, options: Partial<RelevanceOptions> = {}): RelevancePageResult | null {
  const c = relevanceCase(page, extraction);
  return c ? scoreCase(c, options) : null;
}

export interface RelevanceSummary {
  pages: number;
  items: number;
  offTp: number;
  offFp: number;
  offFn: number;
  on: number;
  onFlagged: number;
  /** Of "off": 1 when nothing was graded off (nothing wrongly flagged). */
  precision: number;
  /** Of "off": 1 when nothing is labelled off. */
  recall: number;
  /** Share of items labelled on that were graded off; 0 when none is labelled on. */
  onFlaggedShare: number;
}

export function summariseRelevance(results: (RelevancePageResult | null)[]): RelevanceSummary {
  const scored = results.filter((r): r is RelevancePageResult => r !== null);
  const sum = (f: (r: RelevancePageResult) => number) => scored.reduce((n, r) => n + f(r), 0);
  const offTp = sum((r) => r.offTp);
  const offFp = sum((r) => r.offFp);
  const offFn = sum((r) => r.offFn);
  const on = sum((r) => r.on);
  const onFlagged = sum((r) => r.onFlagged);
  return {
    pages: scored.length,
    items: sum((r) => r.scored),
    offTp,
    offFp,
    offFn,
    on,
    onFlagged,
    precision: offTp + offFp ? offTp / (offTp + offFp) : 1,
    recall: offTp + offFn ? offTp / (offTp + offFn) : 1,
    onFlaggedShare: on ? onFlagged / on : 0,
  };
}

/** `relevance off P=0.xxx R=0.xxx on-flagged=0.xxx items=N` */
export function formatRelevance(s: RelevanceSummary): string {
  return `relevance off P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} on-flagged=${s.onFlaggedShare.toFixed(3)} items=${s.items}`;
}
