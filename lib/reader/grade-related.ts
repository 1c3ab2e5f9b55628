// Grades an extraction's related items where the reader view shows them (the popup, reader mode):
// the article's sanitised HTML becomes plain text for lib/extract/related/relevance/, and the reader's own marks
// for the site (lib/reader/related-marks.ts) override the grader's word.
import { gradeRelated, type RelevanceArticle } from '../extract/related/relevance';
import type { SiteMarks, Mark } from './related-marks';
import { collapseWhitespace } from '../extract/text';
import type { Extraction, RelatedBlock, RelatedItem } from '../extract/types';

/** A graded item; `marked` when the reader's own mark decided its grade. */
export type GradedItem = RelatedItem & { marked?: Mark };
export interface GradedBlock extends RelatedBlock {
  items: GradedItem[];
}

/**
 * The text of sanitised article HTML. DOMParser documents run no script and load no image.
 * `parser`: another window's (the eval's happy-dom window, which Node lacks otherwise).
 */
export function articleText(html: string, parser: DOMParser = new DOMParser()): string {
  if (!html) return '';
  return collapseWhitespace(parser.parseFromString(html, 'text/html').body?.textContent ?? '');
}

/** What the grader is given: the article as text, or, without one, what the page says it is about. */
export function relevanceArticleOf(extraction: Extraction, parser?: DOMParser): RelevanceArticle {
  const a = extraction.article;
  if (a) return { title: a.title, text: articleText(a.contentHtml, parser), lang: a.lang, url: extraction.url, siteName: a.siteName };
  const page = extraction.page;
  return {
    title: page?.title ?? '',
    text: page?.description ?? '',
    lang: extraction.detection.lang,
    url: extraction.url,
    siteName: page?.siteName,
  };
}

/** The extraction's related blocks, graded, with the reader's marks applied. */
export function gradePage(extraction: Extraction, marks: SiteMarks = {}): GradedBlock[] {
  const graded = gradeRelated(relevanceArticleOf(extraction), extraction.related);
  return graded.map((block) => ({
    ...block,
    items: block.items.map((item): GradedItem => {
      const mark = marks[item.url];
      if (!mark || !item.relevance) return item;
      return { ...item, marked: mark, relevance: { ...item.relevance, grade: mark } };
    }),
  }));
}

export interface GradeCounts {
  total: number;
  on: number;
  near: number;
  off: number;
}

/** How many items are on topic, near, off (ungraded items count as near). */
export function gradeCounts(blocks: readonly RelatedBlock[]): GradeCounts {
  const counts: GradeCounts = { total: 0, on: 0, near: 0, off: 0 };
  for (const block of blocks)
    for (const item of block.items) {
      counts.total++;
      counts[item.relevance?.grade ?? 'near']++;
    }
  return counts;
}
