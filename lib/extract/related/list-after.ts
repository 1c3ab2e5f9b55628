// The list after a heading: the run of same-shaped siblings that hold teaser links, at the first
// ancestor level of the heading that has one, up to the next heading.
import type { RelatedItem } from '../types';
import { type Heading, INLINE_WRAPPER } from './headings';
import { AD_TEXT, shapeOf } from './vocabulary';
import { type Candidate, type Ctx, HEADING_TAG, candidatesIn, clean, itemsOf, weight } from './teasers';

export interface Found {
  heading: string;
  /** The heading element (when it is one of its own) and the list parts, for removal. */
  parts: Element[];
  items: RelatedItem[];
}

const CONTAINER_TAG = /^(?:DIV|UL|OL|DL|SECTION|ASIDE|TABLE|TBODY|TR|TD|IFRAME|ARTICLE|FORM|FOOTER)$/;
/** Markup of an advertising slot: class or id words ad, ads, adunit, adbox, adsbygoogle, gpt, dfp, banner. */
const AD_SLOT = /\bad(?:s|unit|box|slot)?\b|adunit|adbox|adsbygoogle|\bgpt\b|\bdfp\b|banner/i;
export const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;

/** The shape of the list inside `e`'s single-child wrappers ("ul.news/8"), or "" when it has none. */
function innerShape(e: Element): string {
  let x = e;
  while (x.childElementCount === 1) x = x.firstElementChild!;
  return x === e || x.childElementCount < 2 ? '' : `${shapeOf(x)}/${x.childElementCount}`;
}

/** The teaser of `part` that holds `a`: the child holding it below `part`'s single-child wrappers. */
function teaserOf(part: Element, a: Element): Element {
  let x = part;
  while (x.childElementCount === 1 && x !== a) x = x.firstElementChild!;
  while (a !== x && a.parentElement !== x) a = a.parentElement!;
  return a;
}

const linkText = (c: Candidate[]) => c.reduce((n, x) => n + x.title.length, 0);

/**
 * A list that fills the heading's own row or paragraph and goes on in the next ones
 * (<p>延伸阅读：<a>…</a></p><p><a>…</a></p>…, or a table row whose cells continue in the next
 * rows): the following siblings of the same tag that are each a few links and little else.
 */
function continueRows(h: Heading, parts: Element[], cands: Candidate[][], marks: Node[], ctx: Ctx): void {
  let row = parts[parts.length - 1].parentElement!;
  while (INLINE_WRAPPER.test(row.tagName) && row.parentElement!.childElementCount === 1) row = row.parentElement!;
  if (!row.contains(h.node) || linkText(cands.flat()) < 0.7 * (clean(row.textContent).length - h.text.length)) return;
  for (let n = row.nextElementSibling; n && n.tagName === row.tagName; n = n.nextElementSibling) {
    const text = clean(n.textContent);
    const c = candidatesIn(n, ctx);
    if (!text && !c.length) continue;
    if (!c.length || c.length > 3 || linkText(c) < 0.8 * text.length || marks.some((m) => n!.contains(m))) break;
    parts.push(n);
    cands.push(c);
  }
}

/** The list after heading `h`: siblings of the heading, else of its ancestors, up to the next heading. */
export function listAfter(h: Heading, marks: Node[], ctx: Ctx, body: Element): Found | null {
  // A heading-like text inside the first link's own teaser (a video player's "广告" countdown in
  // qq's first card) is part of that teaser, not the start of another block.
  const startsWithMark = (el: Element, first?: Element) =>
    marks.some((m) => el.contains(m) && (!first || (follows(m, first) && !teaserOf(el, first).contains(m))));
  let chain: Node = h.node;
  let head = h.node.nodeType === 1 ? (h.node as Element) : null;
  let wasEmpty = false;
  let own: RelatedItem[] = [];
  for (let level = 0; level < 8 && chain !== body; level++) {
    const parts: Element[] = [];
    const cands: Candidate[][] = [];
    let shape = '';
    let inner = '';
    let empty = false;
    const ownsBox = chain.nodeType === 1 && !chain.previousSibling?.textContent?.trim() && !(chain as Element).previousElementSibling && chain.parentElement!.childElementCount <= 4;
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
        // An empty ad slot is neither (ign's div.ad-wrapper between "Recommends" and its cards);
        // and after the list has begun, an empty container only ends it (note100yen's widget).
        if (CONTAINER_TAG.test(el.tagName) && clean(el.textContent).length < 20 && !AD_SLOT.test(el.outerHTML.slice(0, 3000))) {
          if (parts.length) break;
          if (el.id || el.querySelector('[id]')) return null;
          empty = true;
        }
        continue;
      }
      // A label link beside the heading ("Related" on seattletimes) is not the list yet: it
      // could not become an item (itemsOf keeps weights of 3 and more).
      if (!parts.length && c.length === 1 && weight(c[0].title) < 3) continue;
      // Markup may change between parts of one list when each wraps the same inner list
      // (sina's div.interfaceData > ul.recommend_news2, then div.botData > ul.recommend_news2).
      // And a heading that opens a small box of its own (<section><h4>We Recommend</h4> + a lead
      // teaser + a row of others) heads all of the box, whatever the shapes.
      if (shape && shapeOf(el) !== shape && (!inner || innerShape(el) !== inner) && !ownsBox) break;
      if (!shape) inner = innerShape(el);
      shape = shapeOf(el);
      parts.push(el);
      cands.push(c);
    }
    if (parts.length) {
      // Same-shaped teasers without a usable link (the self-link item) still belong to the block.
      for (let p = parts[0].previousElementSibling; p && shapeOf(p) === shape; p = p.previousElementSibling) parts.unshift(p), cands.unshift([]);
      for (let n = parts[parts.length - 1].nextElementSibling; n && shapeOf(n) === shape; n = n.nextElementSibling) parts.push(n), cands.push([]);
      if (!parts[parts.length - 1].nextElementSibling) continueRows(h, parts, cands, marks, ctx);
      const items = parts.flatMap((p, i) => (cands[i].length ? itemsOf(p, cands[i], ctx) : []));
      // A heading element that holds its own link ("More from this stream <a>WWDC news</a>"):
      // that link is an item, and the list is after the heading element.
      if (!level && parts.every((p) => p.localName === 'a') && HEADING_TAG.test(chain.parentElement?.tagName ?? '')) {
        own = items;
      } else {
        return { heading: h.text, parts: head ? [head, ...parts] : parts, items: [...own, ...items] };
      }
    }
    // After decoration, only the heading's own wrapper may hold the list (qq: div.hd > h2 + div, then div.bd).
    if (!chain.parentElement || wasEmpty) return null;
    wasEmpty = empty;
    chain = chain.parentElement;
    // Climb only through small wrappers around the heading (div.hd > h3 + a.more).
    if ((chain as Element).childElementCount > 12) return null;
    const limit = h.text.length + (empty ? 12 : 100);
    const text = clean(chain.textContent);
    const len = text.length;
    // A paid unit's caption says so beside the heading ("Promoted Links · We Recommend").
    if (len > limit || AD_TEXT.test(text.replace(h.text, ''))) return null;
    if (len <= h.text.length + 12) head = chain as Element;
  }
  return null;
}
