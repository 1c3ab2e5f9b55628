// Related-article blocks, found in the ORIGINAL document (Readability removes them). The one
// model of what a related block is, run at two depths: `countRelated` on every page load (the
// content script's badge, through lib/extract/detect/detect.ts; no snippets or thumbnails, and it may reuse the
// text nodes detection has already walked) and `extractRelated` when the reader opens. Both find
// the same blocks and the same items, so the badge and the popup agree.
//
// A block is a heading the page gives it ("相关文章:", "Related stories", "【関連記事】", see
// vocabulary.ts) followed by repeated teasers (linked title, snippet, thumbnail). The list is
// the run of same-shaped siblings after the heading, at the first ancestor level that has one:
// that finds wrapped lists (<h3> + <ul>) and unwrapped ones (fixture seed-list-inside-article:
// a <p> heading then 13 div.xg-item inside the article div). No layout reads, no deep scans
// inside loops: one pass over the text nodes for headings, then only the siblings after each.
//
// Here: the two depths' entry points and the blocks of a page (findBlocks). The parts, by job:
// headings.ts finds the headings, list-after.ts the list after each, teasers.ts its items.
import type { RelatedBlock } from '../types';
import { pageKey, toHttpUrl } from '../url';
import { MAX_TEXT_NODES, findHeadings, skippedAncestor, type RelatedScope } from './headings';
import { type Found, follows, listAfter } from './list-after';
import { type Ctx, addDetails, candidatesIn, itemsOf, nativeHref } from './teasers';
import { COUNT_WORDS, MAX_HEADING, NOT_RELATED_BOX, RELATED_BOX, RELATED_BOX_SELECTOR, bare, fullWords } from './vocabulary';

export { mayBeHeading, type RelatedScope } from './headings';


/**
 * Where links of the full depth resolve: against <base> and the page's URL, by the browser when
 * the document sits at that address, else by lib/extract/url.ts (a copy, a document without an address).
 */
function fullContext(doc: Document, url: string, details?: typeof addDetails): Ctx {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && toHttpUrl(baseHref, url)) || url;
  const self = (toHttpUrl(url, url) ?? url).replace(/[?#].*/s, '');
  return { base, self, details, href: doc.baseURI === base ? nativeHref : (a) => toHttpUrl(a.getAttribute('href'), base), words: fullWords() };
}

/**
 * The full depth's context: snippets and thumbnails, and links of documents without an http(s)
 * address. Only the full depth's entry points name it, so the every-page bundle does not carry it.
 */
const fullWithDetails = (doc: Document, url: string) => fullContext(doc, url, addDetails);

/** `full`: the full depth's context (fullWithDetails, fullContext); without it, the count's. */
function findBlocks(doc: Document, url: string, full?: (doc: Document, url: string) => Ctx, scope?: RelatedScope): Found[] {
  const body = doc.body;
  // Wiki pages have cross-references ("See also"), never teaser lists (corpus README): MediaWiki
  // says so in its generator tag, or (saved pages lose it) by its content container's class.
  if (!body || doc.head?.querySelector('meta[name=generator][content^=MediaWiki]') || body.querySelector('.mw-parser-output')) return [];
  // The count runs in the live page, whose links the browser resolves (nativeHref).
  const ctx: Ctx = full ? full(doc, url) : { base: url, self: url.replace(/[?#].*/s, ''), href: nativeHref, words: COUNT_WORDS };
  // Only the count is bounded: the popup reads the whole page.
  const headings = findHeadings(body, scope ?? {}, scope ? MAX_TEXT_NODES : Infinity, ctx.words);
  const marks = headings.map((h) => h.node);
  const found: Found[] = [];
  for (const h of headings) {
    const f = h.inline ? { heading: h.text, parts: [h.node as Element], items: itemsOf(h.inline, candidatesIn(h.inline, ctx), ctx) } : h.related && listAfter(h, marks, ctx, body);
    if (f) found.push(f);
  }
  // Boxes the page's own markup calls related whatever their caption says (buzzfeed-1's
  // section#related-links "More Buzz", webmd-1's related_reading "Top Picks"). A list without
  // a caption is never related (headless Taboola boxes on msn, bug-1255978). Not on a page too
  // large for the count to read whole: matching every element of a 100,000-element page costs
  // 30 ms, and the popup reads it anyway.
  for (const box of headings.truncated ? [] : body.querySelectorAll(RELATED_BOX_SELECTOR)) {
    const names = `${box.getAttribute('class') ?? ''} ${box.id}`;
    if (!RELATED_BOX.test(names)) continue;
    if (NOT_RELATED_BOX.test(`${box.id} ${box.getAttribute('class')}`) || skippedAncestor(box)) continue;
    if (found.some((f) => f.parts.some((p) => p.contains(box) || box.contains(p)))) continue;
    // Its caption first: a box without one is never a block, and its links need not be read.
    const cap = box.querySelector('h1,h2,h3,h4,h5,h6,[class*=head],[class*=title]');
    if (!cap) continue;
    const c = candidatesIn(box, ctx);
    if (c.length < 2 || marks.some((m) => box.contains(m) && follows(m, c[0].a))) continue;
    const heading = cap && follows(cap, c[0].a) && !cap.contains(c[0].a) ? bare(cap.textContent) : '';
    const items = heading && heading.length <= MAX_HEADING ? itemsOf(box, c, ctx) : [];
    if (items.length > 1) found.push({ heading, parts: [box], items });
  }
  return found.sort((a, b) => (follows(a.parts[0], b.parts[0]) ? -1 : 1));
}

function dedupe(found: Found[]): RelatedBlock[] {
  const seen = new Set<string>();
  const out: RelatedBlock[] = [];
  for (const f of found) {
    // One story is one item: a hidden copy of a box, one story in two lists, the same link with
    // other tracking parameters (?iref=, utm_*, spm, from): the first kept.
    const items = f.items.filter((i) => {
      const key = pageKey(i.url);
      return !seen.has(key) && seen.add(key);
    });
    if (items.length) out.push({ heading: f.heading, items });
  }
  return out;
}

/** The related blocks of `doc`, with each item's snippet and thumbnail. */
export function extractRelated(doc: Document, url: string): RelatedBlock[] {
  return dedupe(findBlocks(doc, url, fullWithDetails));
}

/** The number of items in `blocks`: what the badge shows once the page is extracted. */
export function itemCount(blocks: RelatedBlock[]): number {
  return blocks.reduce((n, b) => n + b.items.length, 0);
}

/**
 * The number of related items of `doc`: extractRelated's items, without reading snippets and
 * thumbnails. What the toolbar badge shows before the popup opens (lib/extract/detect/detect.ts).
 */
export function countRelated(doc: Document, url: string, scope?: RelatedScope): number {
  return itemCount(dedupe(findBlocks(doc, url, undefined, scope ?? {})));
}

/**
 * extractRelated and findRelatedElements in one scan (lib/extract/index.ts): the blocks, and the
 * elements of `doc` they are made of, so that article extraction can drop them from its copy.
 */
export function scanRelated(doc: Document, url: string): { blocks: RelatedBlock[]; parts: Element[] } {
  const found = findBlocks(doc, url, fullWithDetails);
  return { blocks: dedupe(found), parts: found.filter((f) => f.items.length).flatMap((f) => f.parts) };
}

/**
 * The elements of `doc` that make up related blocks (headings and list parts), so that article
 * extraction can drop them from its clone before Readability runs.
 */
export function findRelatedElements(doc: Document, url: string): Element[] {
  return findBlocks(doc, url, fullContext)
    .filter((f) => f.items.length)
    .flatMap((f) => f.parts);
}
