// Related-article blocks from the ORIGINAL document (Readability removes them). detect() counts
// them on every page load for the toolbar badge, so this makes one pass over the text nodes to
// find headings and then looks only at the siblings after each heading: no layout reads, no
// deep scans inside loops.
//
// A block is a heading the page gives it ("相关文章:", "Related stories", "【関連記事】", see
// related-words.ts) followed by repeated teasers (linked title, snippet, thumbnail). The list is
// the run of same-shaped siblings after the heading, at the first ancestor level that has one:
// that finds wrapped lists (<h3> + <ul>) and unwrapped ones (fixture seed-list-inside-article:
// a <p> heading then 13 div.xg-item inside the article div).
import type { RelatedBlock, RelatedItem } from './types';
import { collapseWhitespace, decodeEntities, textWeight } from './text';
import { toHttpUrl, toImageUrl } from './url';
import { AD_HREF, AD_TEXT, CUE, MAX_HEADING, NAV_TITLE, NOT_RELATED_BOX, OTHER, RELATED, RELATED_BOX, bare, shapeOf } from './related-words';

interface Found {
  heading: string;
  /** The heading element (when it is one of its own) and the list parts, for removal. */
  parts: Element[];
  items: RelatedItem[];
}
interface Candidate {
  a: Element;
  url: string;
  title: string;
  titleEl: Element;
}
interface Ctx {
  base: string;
  /** The page URL without query and fragment: links to it are self-links (lib/url.ts isSelfLink). */
  self: string;
  /** Count only: skip snippets and thumbnails. */
  lite?: boolean;
  /** Links can be read from `a.href`: the document's own base is the page's. */
  native: boolean;
}

// Wikipedia-style hatnotes ("See also: X", role=note) are cross-references, not teaser lists.
const SKIP = 'script,style,noscript,template,textarea,select,option,a,button,nav,[role=navigation],[role=note]';
const HEADING_TAG = /^H[1-6]$/;
const CONTAINER_TAG = /^(?:DIV|UL|OL|DL|SECTION|ASIDE|TABLE|TBODY|TR|TD|IFRAME|ARTICLE|FORM|FOOTER)$/;
const HIDDEN = '[hidden],[style*="display:none"],[style*="display: none"]';
// Share pop-ups inside teasers (gne-163-8: "用微信扫码二维码") are not snippets.
const NOT_SNIPPET = `${HIDDEN},[class*=share],[class*=qrcode],[class*=weixin]`;
const SNIPPET = 'p,[class*=desc],[class*=summary],[class*=intro],[class*=excerpt],[class*=dek],[class*=teaser],[class*=abstract]';
const PLACEHOLDER_IMG = /^data:image\/(?:svg|gif)|(?:grey|gray|blank|spacer|placeholder|loading|lazy|pixel|1x1|transparent|default)[\w-]*\.(?:gif|png|jpe?g|svg)/i;
const PREV_NEXT = /^(?:上一[篇页頁]|下一[篇页頁]|previous|next|older|newer)\b/i;

const clean = (s: string | null | undefined) => collapseWhitespace(s ?? '');
const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;
// A title's size in CJK characters plus other words (lib/text.ts textWeight, in one cheap pass).
// Chinese headlines run to 8+ characters; 4-character links are channels and topics (guancha's
// 中国外交), hence the 2 taken off.
const CJK_OR_WORD = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\s\p{P}\p{S}\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/gu;
const weight = (t: string) => {
  const parts = t.match(CJK_OR_WORD) ?? [];
  const cjk = parts.filter((p) => p.length === 1 && p > '\u3000').length;
  return parts.length - (cjk > (parts.length - cjk) * 2 ? 2 : 0);
};

/** Text of `el` without hidden descendants (gne-njxfhn-1 hides a copy of the snippet in the link). */
function visibleText(el: Element): string {
  if (!el.querySelector(HIDDEN)) return clean(el.textContent);
  const copy = el.cloneNode(true) as Element;
  for (const h of copy.querySelectorAll(HIDDEN)) h.remove();
  return clean(copy.textContent);
}

function imageOf(root: Element, base: string): string | undefined {
  const img = root.querySelector('img');
  if (img) {
    for (const name of ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-srcset', 'srcset', 'src']) {
      let v = img.getAttribute(name)?.trim();
      if (!v || (name === 'src' && PLACEHOLDER_IMG.test(v))) continue;
      if (name.endsWith('srcset')) v = v.split(/\s+/)[0];
      const u = toImageUrl(v, base);
      if (u) return u;
    }
  }
  // <noscript><img src=…></noscript>: the page's own no-JS fallback for a lazy image.
  const ns = root.querySelector('noscript');
  const m = ns && /<img[^>]+?src\s*=\s*["']?([^"'\s>]+)/i.exec(ns.textContent || ns.innerHTML);
  return (m && toImageUrl(decodeEntities(m[1]), base)) || undefined;
}

/** Links in `root` that could be teaser titles: http(s), not ads, not navigation, not the page itself. */
function candidatesIn(root: Element, ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  if (root.closest('nav,[role=navigation]')) return out;
  const links = root.tagName === 'A' ? [root] : root.querySelectorAll('a[href]');
  const navs = links.length > 1 ? root.querySelectorAll('nav,[role=navigation]') : [];
  for (let i = 0; i < links.length && i < 1000; i++) {
    const a = links[i] as HTMLAnchorElement;
    // The browser's own resolution when the document sits at an http(s) address (it honours
    // <base> and strips "java\tscript:" tricks the same way); else lib/url.ts's.
    const url = ctx.native ? /^https?:\/\//i.test(a.href) && a.href : toHttpUrl(a.getAttribute('href'), ctx.base);
    if (!url || AD_HREF.test(url) || url.replace(/[?#].*/s, '') === ctx.self) continue;
    // The headline: a heading or *title* element inside the link, else its text, else title/alt.
    let titleEl: Element = a;
    let title = a.textContent!;
    if (a.childElementCount) {
      titleEl = a.querySelector('h1,h2,h3,h4,h5,h6,[class*=title]') ?? a;
      title = visibleText(titleEl);
    } else title = clean(title);
    const attr = clean(a.getAttribute('title'));
    if (!title) title = attr || clean(a.querySelector('img[alt]')?.getAttribute('alt'));
    else if (/(?:\.\.\.|…)$/.test(title) && attr.startsWith(title.replace(/(?:\.\.\.|…)$/, ''))) title = attr;
    if (title.includes('&')) title = decodeEntities(title);
    if (!/\p{L}/u.test(title) || NAV_TITLE.test(title) || [...navs].some((n) => n.contains(a))) continue;
    out.push({ a, url, title, titleEl });
  }
  return out;
}

/** Splits one list part into teasers and keeps each teaser's headline link(s). */
function itemsOf(part: Element, cands: Candidate[], ctx: Ctx): RelatedItem[] {
  // Descend through single-child wrappers until the children split the links: those are the teasers.
  let node = part;
  let groups: Map<Element, Candidate[]>;
  for (;;) {
    groups = new Map();
    for (const c of cands) {
      let x = c.a;
      while (x !== node && x.parentElement !== node) x = x.parentElement!;
      if (x !== node) groups.get(x)?.push(c) ?? groups.set(x, [c]);
    }
    const only = groups.size === 1 ? [...groups.keys()][0] : null;
    if (!only || only.tagName === 'A') break;
    node = only;
  }
  if (groups.size < 2) groups = new Map([[part, cands]]);

  const items: RelatedItem[] = [];
  for (const [el, group] of groups) {
    // Per target, the longest title: an image link and a title link to one story are one teaser.
    const byUrl = new Map<string, Candidate>();
    for (const c of group) if (!byUrl.has(c.url) || c.title.length > byUrl.get(c.url)!.title.length) byUrl.set(c.url, c);
    // Author, section and comment-count links are much shorter than the headline beside them.
    const weights = new Map([...byUrl.values()].map((c) => [c, weight(c.title)]));
    const max = Math.max(...weights.values());
    const kept = [...weights].filter(([, w]) => w >= Math.max(3, max / 2)).map(([c]) => c);
    const elText = kept.length ? clean(el.textContent) : '';
    if (PREV_NEXT.test(elText)) continue;
    for (const c of kept) {
      if (AD_TEXT.test(elText.replace(c.title, ''))) continue;
      const item: RelatedItem = { title: c.title, url: c.url };
      items.push(item);
      if (ctx.lite) continue;
      const scope = kept.length === 1 ? el : c.a;
      for (const s of scope.querySelectorAll(SNIPPET)) {
        if (s.contains(c.titleEl) || c.titleEl.contains(s) || s.closest(NOT_SNIPPET)) continue;
        const text = decodeEntities(visibleText(s));
        if (textWeight(text) >= 3 && text !== c.title) {
          item.snippet = text;
          break;
        }
      }
      const image = imageOf(scope, ctx.base) ?? (scope === el ? undefined : imageOf(el, ctx.base));
      if (image) item.image = image;
    }
  }
  return items;
}

interface Heading {
  node: Node;
  text: string;
  related: boolean;
}

/** Short texts that read as headings: related ones, and others that end a related list. */
function findHeadings(body: HTMLElement): Heading[] {
  const out: Heading[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let joined: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue!;
    // Most text nodes are prose or whitespace: two length checks skip them before any regex.
    if (data.length > 400) continue;
    const trimmed = data.trim();
    if (!trimmed || trimmed.length > MAX_HEADING + 20) continue;
    const cue = CUE.test(trimmed);
    if (!cue && (trimmed.length > 40 || !OTHER.test(trimmed))) continue;
    const parent = n.parentElement!;
    let node: Node = n;
    let text = bare(trimmed);
    if (!text || text.length > MAX_HEADING) continue;
    let related = cue && RELATED.test(text);
    if (cue && !related && parent !== joined && parent.childNodes.length < 6) {
      // "You might <em>also</em> like": the words are split over several text nodes.
      const whole = bare(parent.textContent!);
      if (whole !== text && whole.length <= MAX_HEADING && RELATED.test(whole)) {
        [joined, node, text, related] = [parent, parent, whole, true];
      }
    }
    if ((related || (text.length <= 30 && OTHER.test(text))) && !parent.closest(SKIP)) out.push({ node, text, related });
  }
  return out;
}

/** The list after heading `h`: siblings of the heading, else of its ancestors, up to the next heading. */
function listAfter(h: Heading, marks: Node[], ctx: Ctx, body: Element): Found | null {
  const startsWithMark = (el: Element, first?: Element) => marks.some((m) => el.contains(m) && (!first || follows(m, first)));
  let chain: Node = h.node;
  let head = h.node.nodeType === 1 ? (h.node as Element) : null;
  let wasEmpty = false;
  for (let level = 0; level < 8 && chain !== body; level++) {
    const parts: Element[] = [];
    const cands: Candidate[][] = [];
    let shape = '';
    let empty = false;
    for (let s = chain.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType !== 1) continue;
      const el = s as Element;
      const c = candidatesIn(el, ctx);
      // Another heading before this sibling's first link starts the next block.
      if (marks.includes(el) || startsWithMark(el, c[0]?.a) || (!c.length && HEADING_TAG.test(el.tagName))) {
        if (parts.length) break;
        return null;
      }
      if (!c.length) {
        // An empty container after the heading is a list filled by JavaScript (salon-1's Taboola
        // divs, medicalnewstoday's TrendMD, found by their id): its heading must not adopt the
        // next block. Without an id it may be decoration beside the heading (qq's div.borderHd).
        if (CONTAINER_TAG.test(el.tagName) && clean(el.textContent).length < 20) {
          if (el.id || el.querySelector('[id]')) return null;
          empty = true;
        }
        continue;
      }
      if (shape && shapeOf(el) !== shape) break;
      shape = shapeOf(el);
      parts.push(el);
      cands.push(c);
    }
    if (parts.length) {
      // Same-shaped teasers without a usable link (the self-link item) still belong to the block.
      for (let p = parts[0].previousElementSibling; p && shapeOf(p) === shape; p = p.previousElementSibling) parts.unshift(p), cands.unshift([]);
      for (let n = parts[parts.length - 1].nextElementSibling; n && shapeOf(n) === shape; n = n.nextElementSibling) parts.push(n), cands.push([]);
      const items = parts.flatMap((p, i) => (cands[i].length ? itemsOf(p, cands[i], ctx) : []));
      return { heading: h.text, parts: head ? [head, ...parts] : parts, items };
    }
    // After decoration, only the heading's own wrapper may hold the list (qq: div.hd > h2 + div, then div.bd).
    if (!chain.parentElement || wasEmpty) return null;
    wasEmpty = empty;
    chain = chain.parentElement;
    // Climb only through small wrappers around the heading (div.hd > h3 + a.more).
    if ((chain as Element).childElementCount > 12) return null;
    const len = clean(chain.textContent).length;
    if (len > h.text.length + (empty ? 12 : 100)) return null;
    if (len <= h.text.length + 12) head = chain as Element;
  }
  return null;
}

function findBlocks(doc: Document, url: string, lite?: boolean): Found[] {
  const body = doc.body;
  // Wiki pages have cross-references ("See also"), never teaser lists (corpus README).
  if (!body || doc.head?.querySelector('meta[name=generator][content^=MediaWiki]')) return [];
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && toHttpUrl(baseHref, url)) || url;
  const self = (toHttpUrl(url, url) ?? url).replace(/[?#].*/s, '');
  const ctx: Ctx = { base, self, lite, native: doc.baseURI === base };
  const headings = findHeadings(body);
  const marks = headings.map((h) => h.node);
  const found: Found[] = [];
  for (const h of headings) {
    const f = h.related && listAfter(h, marks, ctx, body);
    if (f) found.push(f);
  }
  // Boxes the page's own markup calls related whatever their caption says (buzzfeed-1's
  // section#related-links "More Buzz", webmd-1's related_reading "Top Picks"). A list without
  // a caption is never related (headless Taboola boxes on msn, bug-1255978).
  for (const box of doc.querySelectorAll('[class],[id]')) {
    const names = `${box.getAttribute('class') ?? ''} ${box.id}`;
    if (!RELATED_BOX.test(names)) continue;
    if (NOT_RELATED_BOX.test(`${box.id} ${box.getAttribute('class')}`) || box.closest(SKIP)) continue;
    if (found.some((f) => f.parts.some((p) => p.contains(box) || box.contains(p)))) continue;
    const c = candidatesIn(box, ctx);
    if (c.length < 2 || marks.some((m) => box.contains(m) && follows(m, c[0].a))) continue;
    const cap = box.querySelector('h1,h2,h3,h4,h5,h6,[class*=head],[class*=title]');
    const heading = cap && follows(cap, c[0].a) && !cap.contains(c[0].a) ? bare(cap.textContent) : '';
    const items = heading && heading.length <= MAX_HEADING ? itemsOf(box, c, ctx) : [];
    if (items.length > 1) found.push({ heading, parts: [box], items });
  }
  return found.sort((a, b) => (follows(a.parts[0], b.parts[0]) ? -1 : 1));
}

function blocks(doc: Document, url: string, lite?: boolean): RelatedBlock[] {
  return dedupe(findBlocks(doc, url, lite));
}

function dedupe(found: Found[]): RelatedBlock[] {
  const seen = new Set<string>();
  const out: RelatedBlock[] = [];
  for (const f of found) {
    // Duplicates by resolved href (a hidden copy of a box, one story in two lists): first kept.
    const items = f.items.filter((i) => !seen.has(i.url) && seen.add(i.url));
    if (items.length) out.push({ heading: f.heading, items });
  }
  return out;
}

export function extractRelated(doc: Document, url: string): RelatedBlock[] {
  return blocks(doc, url);
}

/** The number of items in `blocks`: what the badge shows once the page is extracted. */
export function itemCount(blocks: RelatedBlock[]): number {
  return blocks.reduce((n, b) => n + b.items.length, 0);
}

/** Number of related items: extractRelated without snippets and thumbnails. */
export function countRelated(doc: Document, url: string): number {
  return itemCount(blocks(doc, url, true));
}

/**
 * extractRelated and findRelatedElements in one scan (lib/extract.ts): the blocks, and the
 * elements of `doc` they are made of, so that article extraction can drop them from its copy.
 */
export function scanRelated(doc: Document, url: string): { blocks: RelatedBlock[]; parts: Element[] } {
  const found = findBlocks(doc, url);
  return { blocks: dedupe(found), parts: found.filter((f) => f.items.length).flatMap((f) => f.parts) };
}

/**
 * The elements of `doc` that make up related blocks (headings and list parts), so that article
 * extraction can drop them from its clone before Readability runs.
 */
export function findRelatedElements(doc: Document, url: string): Element[] {
  return findBlocks(doc, url, true)
    .filter((f) => f.items.length)
    .flatMap((f) => f.parts);
}
