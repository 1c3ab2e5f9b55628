import { detectionOf, scoreDocument } from './detect';
import { extractArticle } from './extract-article';
import { itemCount, scanRelated } from './extract-related';
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
  let related: ReturnType<typeof scanRelated> = { blocks: [], parts: [] };
  try {
    related = scanRelated(doc, url);
  } catch {
    // the related extractor must never cost us the article
  }
  const count = itemCount(related.blocks);
  const detection = detectionOf(doc, score, () => count);
  return {
    url,
    detection,
    article: extractArticle(doc, url, { score, lang: detection.lang, relatedParts: related.parts, ownCopy: options.ownCopy }),
    related: related.blocks,
  };
}
