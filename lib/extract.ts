import { pageLang, scoreDocument } from './detect';
import { extractArticle } from './extract-article';
import { scanRelated } from './extract-related';
import type { Extraction } from './types';

export interface ExtractOptions {
  /** `doc` is a private copy that may be taken apart (entrypoints/extractor.ts makes one). */
  ownCopy?: boolean;
}

/**
 * Everything the reader view shows for one page, in one pass of each kind: the page is scored
 * once, its related blocks are found once (their elements are then dropped from the article's
 * copy), and it is copied at most once. Pure: reads `doc`, never changes it unless `ownCopy`.
 */
export function extract(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  const score = scoreDocument(doc);
  const lang = pageLang(doc, score.sample);
  let related: ReturnType<typeof scanRelated> = { blocks: [], parts: [] };
  try {
    related = scanRelated(doc, url);
  } catch {
    // the related extractor must never cost us the article
  }
  const count = related.blocks.reduce((n, b) => n + b.items.length, 0);
  return {
    url,
    // Non-articles have no related list by definition (front and list pages), as in detect().
    detection: { isArticle: score.isArticle, relatedCount: score.isArticle ? count : 0, lang },
    article: extractArticle(doc, url, { score, relatedParts: related.parts, ownCopy: options.ownCopy }),
    related: related.blocks,
  };
}
