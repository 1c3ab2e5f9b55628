import { detect } from './detect';
import { extractArticle } from './extract-article';
import { extractRelated } from './extract-related';
import type { Extraction } from './types';

/** Everything the reader view shows for one page. Pure: reads `doc`, never changes it. */
export function extract(doc: Document, url: string): Extraction {
  return {
    url,
    detection: detect(doc, url),
    article: extractArticle(doc, url),
    related: extractRelated(doc, url),
  };
}
