import type { Detection } from './types';

/** Cheap layout detection, run on every page load. PLACEHOLDER: replaced by the real detector. */
export function detect(_doc: Document, _url: string): Detection {
  throw new Error('detect: not implemented yet');
}
