// The page's extraction, kept in the extension's isolated world of the page (one world shared by
// Sift's content script, extractor.js and every reader.js injected into it), so that a page is
// read once (issue 16): the popup's extractor leaves its answer here and reader mode shows it
// without reading the page again. It holds for one version of the page: the content script
// counts a new version when the page loads, navigates in-page or changes a lot (the same moments
// it reports to the background, which then drops its own copy), and the URL must still match.
// Symbols, not global names: the page's `<div id="…">` would be a property of this world's window.
import type { ExtractorResult } from '../messages';

const VERSION = Symbol.for('sift-page-version');
const KEPT = Symbol.for('sift-kept-extraction');
/** How many times this page was read (extractor.js): the browser tests count extractions with it. */
export const EXTRACTIONS_KEY = 'sift-extractions';
const EXTRACTIONS = Symbol.for(EXTRACTIONS_KEY);

interface Kept {
  url: string;
  version: number | undefined;
  result: ExtractorResult;
}
type World = { [VERSION]?: number; [KEPT]?: Kept; [EXTRACTIONS]?: number };
const world = globalThis as unknown as World;

/** The content script: the page changed, what was read of it is stale (and its memory is let go). */
export function pageChanged(): void {
  world[VERSION] = (world[VERSION] ?? 0) + 1;
  delete world[KEPT];
}

/** What extractor.js read of this version of the page at `url`; null when it has not or the page changed since. */
export function keptExtraction(url: string): ExtractorResult | null {
  const kept = world[KEPT];
  return kept && kept.url === url && kept.version === world[VERSION] ? kept.result : null;
}

/** extractor.js, once it has read the page. */
export function keepExtraction(url: string, result: ExtractorResult): void {
  world[EXTRACTIONS] = (world[EXTRACTIONS] ?? 0) + 1;
  world[KEPT] = { url, version: world[VERSION], result };
}
