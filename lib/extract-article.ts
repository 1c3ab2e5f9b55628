import type { Article } from './types';

/** The main article, via Readability on a clone. PLACEHOLDER: replaced by the real extractor. */
export function extractArticle(_doc: Document, _url: string): Article | null {
  throw new Error('extractArticle: not implemented yet');
}
