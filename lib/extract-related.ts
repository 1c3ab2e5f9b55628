import type { RelatedBlock } from './types';

/** Related-article blocks from the original DOM. PLACEHOLDER: replaced by the real extractor. */
export function extractRelated(_doc: Document, _url: string): RelatedBlock[] {
  throw new Error('extractRelated: not implemented yet');
}
