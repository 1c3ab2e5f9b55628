import type { RelatedBlock } from './types';

/** Related-article blocks from the original DOM. PLACEHOLDER: replaced by the real extractor. */
export function extractRelated(_doc: Document, _url: string): RelatedBlock[] {
  throw new Error('extractRelated: not implemented yet');
}

/**
 * The elements of `doc` that make up related blocks (containers and their headings), so that
 * article extraction can drop them from its clone before Readability runs.
 * PLACEHOLDER: returns nothing until the real extractor lands.
 */
export function findRelatedElements(_doc: Document, _url: string): Element[] {
  return [];
}
