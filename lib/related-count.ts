// The toolbar badge's related count, cheap enough for every page load (issue 4: the content
// script's budget is 16 KB and 3x isProbablyReaderable). lib/extract-related.ts finds the same
// blocks when the reader opens, with snippets, thumbnails, ads and per-teaser headline choice;
// this is its outline: one pass over SHORT text nodes for a related heading, then the links of
// the same-shaped siblings after it, counted once per URL. `npm run eval` prints how often the
// two agree, and the background replaces this estimate with the exact count once it has one.
import { AD_HREF, CUE, MAX_HEADING, RELATED, bare, shapeOf } from './related-words';

/**
 * Text nodes looked at, at most: a 5 MB page with a 100,000-element comment thread is walked in
 * its first part only (issue 4: detection <= 20 ms there). A list further down is missed by the
 * badge, not by the popup, which extracts the whole page.
 */
const MAX_TEXT_NODES = 20_000;
const SKIP = 'a,button,nav,[role=navigation],[role=note],script,style,noscript,template';
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** A link text that reads as a headline: 3+ words or 5+ CJK characters, not "More…" or "12 comments". */
function isHeadline(text: string): boolean {
  const t = text.trim();
  if (t.length < 5 || /^(?:更多|查看|全部|more\b|view all|see all|read more|next|prev)/i.test(t)) return false;
  return t.split(/\s+/).length >= 3 || (t.match(CJK)?.length ?? 0) >= 5;
}

/** Adds the headline links of the run of same-shaped siblings after `start` (or an ancestor's). */
function addListAfter(start: Node, headingLength: number, body: Element, self: string, urls: Set<string>): void {
  let chain: Node = start;
  for (let level = 0; level < 6 && chain !== body; level++) {
    let shape = '';
    let found = 0;
    for (let s = chain.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType !== 1) continue;
      const el = s as Element;
      const links = el.localName === 'a' ? [el as HTMLAnchorElement] : el.getElementsByTagName('a');
      if (!links.length) {
        if (/^h[1-6]$/.test(el.localName) && found) break;
        continue;
      }
      if (shape && shapeOf(el) !== shape) break;
      let headlines = 0;
      for (let i = 0; i < links.length && i < 200; i++) {
        const a = links[i];
        const href = a.href; // resolved by the browser against the page's own base
        if (!/^https?:/i.test(href) || AD_HREF.test(href) || href.replace(/[?#].*/s, '') === self || !isHeadline(a.textContent ?? '')) continue;
        urls.add(href);
        headlines++;
      }
      // A label link beside the heading ("Related" on seattletimes) is not the list yet.
      if (!headlines && !found) continue;
      shape = shapeOf(el);
      found++;
    }
    if (found) return;
    const up: Element | null = chain.parentElement;
    // Climb only through small wrappers around the heading (div.hd > h3 + a.more); their markup
    // may be mostly indentation (qq's div.hd), hence the whitespace-free length.
    if (!up || up === body || up.childElementCount > 12) return;
    const raw = up.textContent ?? '';
    if (raw.length > headingLength + 2000 || raw.replace(/\s+/g, '').length > headingLength + 100) return;
    chain = up;
  }
}

/**
 * Whether a text node may be a related heading, by its text alone: short, with a cue word, not
 * link text. The cue regex runs before any call into the DOM: it rejects most text (measured ~25%
 * faster than asking for the parent first). Only a node too long for a heading is trimmed first:
 * one still too long once trimmed is not scanned (on five of the pages where detection is slowest,
 * 13–47% fewer candidates, and the pass over their text 15–65% faster).
 */
export function mayBeHeading(n: Node, data: string): boolean {
  const length = data.length;
  if (length > 400 || (length > MAX_HEADING + 20 && data.trim().length > MAX_HEADING + 20)) return false;
  return CUE.test(data) && n.parentElement!.localName !== 'a';
}

/** Where countRelatedLite looks. */
export interface CountScope {
  /**
   * Look only from here on, in document order: a related list follows the article it belongs
   * to, and the page's header and navigation before the article are not walked.
   */
  from?: Node | null;
  /**
   * The text nodes of the page that pass `mayBeHeading`, in document order, when a walk over
   * every text node has already found them (lib/detect.ts's full pass): no walk of its own.
   */
  candidates?: Node[];
}

/** About how many related items `doc` shows (0 when it has no related heading). */
export function countRelatedLite(doc: Document, url: string, { from, candidates }: CountScope = {}): number {
  const body = doc.body;
  // Wiki pages have cross-references ("See also"), never teaser lists (lib/extract-related.ts).
  if (!body || doc.head?.querySelector('meta[name=generator][content^=MediaWiki]')) return 0;
  const self = url.replace(/[?#].*/s, '');
  const urls = new Set<string>();
  const look = (n: Node) => {
    // Pages indent their markup: a heading's text node may carry a lot of whitespace.
    const data = n.nodeValue!;
    const trimmed = data.length > MAX_HEADING ? data.trim() : data;
    if (trimmed.length > MAX_HEADING + 20) return;
    const text = bare(trimmed);
    if (!text || text.length > MAX_HEADING || !RELATED.test(text) || n.parentElement!.closest(SKIP)) return;
    addListAfter(n, text.length, body, self, urls);
  };
  if (candidates) {
    for (const n of candidates) {
      if (!from || !(from.compareDocumentPosition(n) & 2 /* Node.DOCUMENT_POSITION_PRECEDING */)) look(n);
    }
    return urls.size;
  }
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  if (from && body.contains(from)) walker.currentNode = from;
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < MAX_TEXT_NODES; n = walker.nextNode(), seen++) {
    if (mayBeHeading(n, n.nodeValue!)) look(n);
  }
  return urls.size;
}
