// Related-article blocks from the ORIGINAL document (Readability removes them). Runs on every
// page load for the toolbar badge, so it makes one pass over the text nodes to find headings and
// then looks only at the siblings after each heading: no layout reads, no deep scans in loops.
//
// A block is a heading the page gives it ("相关文章:", "Related stories", "【関連記事】", see
// related-words.ts) followed by repeated teasers (linked title, snippet, thumbnail). The list is
// the run of same-shaped siblings after the heading, at the first ancestor level that has one:
// that finds both wrapped lists (<h3> + <ul>) and unwrapped ones (fixture seed-list-inside-article:
// a <p> heading then 13 div.xg-item inside the article div).
import type { RelatedBlock, RelatedItem } from './types';
import { collapseWhitespace, decodeEntities, isMostlyCjk, textWeight } from './text';
import { isSelfLink, toHttpUrl, toImageUrl } from './url';
import { AD_HREF, AD_TEXT, NAV_TITLE, OTHER, RELATED } from './related-words';

interface Found {
  heading: string;
  /** Elements that make up the block: the heading (when it is an element of its own) and the list parts. */
  parts: Element[];
  items: RelatedItem[];
}

// Wikipedia-style hatnotes ("See also: X", role=note) are cross-references, not teaser lists.
const SKIP_TEXT_IN = 'script,style,noscript,template,textarea,select,option,a,button,nav,[role=navigation],[role=note]';
// Class and id words for related boxes: English, and the pinyin abbreviations of Chinese CMSs
// (xgwz 相关文章, xgyd 相关阅读, xgxw 相关新闻, xgtj 相关推荐).
const RELATED_BOX =
  '[class*=relate],[class*=Relate],[id*=relate],[id*=Relate],[class*=similar],[id*=similar],[class*=xgwz],[id*=xgwz],[class*=xgyd],[id*=xgyd],[class*=xgxw],[id*=xgxw],[class*=xgtj],[id*=xgtj],[class*=xiangguan],[id*=xiangguan]';
const NOT_RELATED_BOX = /tag|topic|search|keyword|categor|product|shop|video|gallery|author|popular|hot|comment|ad[-_s]|sponsor|link(?!s)/i;
const HEADING_TAG = /^H[1-6]$/;
const CONTAINER_TAG = /^(?:DIV|UL|OL|DL|SECTION|ASIDE|TABLE|TBODY|TR|TD|IFRAME|ARTICLE|FORM|FOOTER)$/;
const HIDDEN = '[hidden],[style*="display:none"],[style*="display: none"]';
const SNIPPET = 'p,[class*=desc],[class*=summary],[class*=intro],[class*=excerpt],[class*=dek],[class*=teaser],[class*=abstract]';
// Share pop-ups inside teasers (gne-163-8: "用微信扫码二维码") are not snippets.
const NOT_SNIPPET = `${HIDDEN},[class*=share],[class*=qrcode],[class*=weixin]`;
const PLACEHOLDER_IMG = /^data:image\/(?:svg|gif)|(?:grey|gray|blank|spacer|placeholder|loading|lazy|pixel|1x1|transparent|default)[\w-]*\.(?:gif|png|jpe?g|svg)/i;
/** Longest heading text looked at; longer text is prose, not a heading. */
const MAX_HEADING = 60;

const clean = (s: string | null | undefined) => collapseWhitespace(s ?? '');
/** Heading text without the brackets and colons around it ("【関連記事】" → "関連記事"). */
const bare = (s: string) => clean(s).replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');

function baseOf(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return (href && toHttpUrl(href, url)) || url;
}

/** Text of `el` without hidden descendants (gne-njxfhn-1 hides a copy of the snippet in the link). */
function visibleText(el: Element): string {
  if (!el.querySelector(HIDDEN)) return clean(el.textContent);
  const copy = el.cloneNode(true) as Element;
  for (const h of copy.querySelectorAll(HIDDEN)) h.remove();
  return clean(copy.textContent);
}

/** The headline a link shows: a heading or *title* element inside it, else its text, else title/alt. */
function linkTitle(a: Element): { text: string; titleEl: Element } {
  const titleEl = a.querySelector('h1,h2,h3,h4,h5,h6,[class*=title]') ?? a;
  let text = visibleText(titleEl);
  const attr = clean(a.getAttribute('title'));
  if (!text) text = attr || clean(a.querySelector('img[alt]')?.getAttribute('alt'));
  else if (/(?:\.\.\.|…)$/.test(text) && attr.startsWith(text.replace(/(?:\.\.\.|…)$/, ''))) text = attr;
  return { text: decodeEntities(text), titleEl };
}

function imageOf(root: Element, base: string): string | undefined {
  const img = root.querySelector('img');
  if (img) {
    for (const name of ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-srcset', 'srcset', 'src']) {
      let v = img.getAttribute(name)?.trim();
      if (!v) continue;
      if (name.endsWith('srcset')) v = v.split(/\s+/)[0];
      if (name === 'src' && PLACEHOLDER_IMG.test(v)) continue;
      const u = toImageUrl(v, base);
      if (u) return u;
    }
  }
  // <noscript><img src=…></noscript>: the page's own no-JS fallback for a lazy image.
  const ns = root.querySelector('noscript');
  const m = ns && /<img[^>]+?src\s*=\s*["']?([^"'\s>]+)/i.exec(ns.textContent || ns.innerHTML);
  return (m && toImageUrl(decodeEntities(m[1]), base)) || undefined;
}

interface Candidate {
  a: Element;
  url: string;
  title: string;
  titleEl: Element;
}

/** Links in `root` that could be teaser titles: http(s), not ads, not navigation, not the page itself. */
function candidatesIn(root: Element, base: string, pageUrl: string): Candidate[] {
  const out: Candidate[] = [];
  const links = root.tagName === 'A' ? [root] : root.querySelectorAll('a[href]');
  for (const a of links) {
    const url = toHttpUrl(a.getAttribute('href'), base);
    if (!url || AD_HREF.test(url) || isSelfLink(url, pageUrl)) continue;
    const { text, titleEl } = linkTitle(a);
    if (!/\p{L}/u.test(text) || NAV_TITLE.test(text) || a.closest('nav,[role=navigation]')) continue;
    out.push({ a, url, title: text, titleEl });
  }
  return out;
}

// Chinese headlines run to 8+ characters; 4-character links are channels and topics (guancha's 中国外交).
const weight = (t: string) => (isMostlyCjk(t) ? textWeight(t) - 2 : textWeight(t));

/** Splits the links of one list part into teasers and keeps each teaser's headline link(s). */
function itemsOf(part: Element, cands: Candidate[], base: string): RelatedItem[] {
  // Descend through single-child wrappers until the children split the links: those are the teasers.
  let node: Element = part;
  let groups: Map<Element, Candidate[]>;
  for (;;) {
    groups = new Map();
    for (const c of cands) {
      let x: Element = c.a;
      while (x !== node && x.parentElement !== node) x = x.parentElement!;
      if (x === node) continue;
      const g = groups.get(x);
      if (g) g.push(c);
      else groups.set(x, [c]);
    }
    if (groups.size !== 1) break;
    const only = groups.keys().next().value!;
    if (only === cands[0].a || only.tagName === 'A') break;
    node = only;
  }
  if (groups.size <= 1) groups = new Map([[part, cands]]);

  const items: RelatedItem[] = [];
  for (const [el, group] of groups) {
    // Per target: the longest title (an image link and a title link to one story are one teaser).
    const byUrl = new Map<string, Candidate>();
    for (const c of group) {
      const seen = byUrl.get(c.url);
      if (!seen || c.title.length > seen.title.length) byUrl.set(c.url, c);
    }
    const max = Math.max(...[...byUrl.values()].map((c) => weight(c.title)));
    const kept = [...byUrl.values()].filter((c) => weight(c.title) >= Math.max(3, max / 2));
    const elText = kept.length ? clean(el.textContent) : '';
    if (/^(?:上一[篇页頁]|下一[篇页頁]|previous|next|older|newer)\b/i.test(elText)) continue;
    for (const c of kept) {
      if (AD_TEXT.test(elText.replace(c.title, ''))) continue;
      const item: RelatedItem = { title: c.title, url: c.url };
      const scope = kept.length === 1 ? el : c.a;
      for (const s of scope.querySelectorAll(SNIPPET)) {
        if (s.contains(c.titleEl) || c.titleEl.contains(s) || s.closest(NOT_SNIPPET)) continue;
        const text = decodeEntities(visibleText(s));
        if (textWeight(text) >= 3 && text !== c.title) {
          item.snippet = text;
          break;
        }
      }
      const image = imageOf(scope, base) ?? (scope === el ? undefined : imageOf(el, base));
      if (image) item.image = image;
      items.push(item);
    }
  }
  return items;
}

/** Text nodes and elements that read as a heading: `related` says which kind. */
function findHeadings(doc: Document): { node: Node; text: string; related: boolean }[] {
  const out: { node: Node; text: string; related: boolean }[] = [];
  const body = doc.body;
  if (!body) return out;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let lastParent: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue!;
    if (data.length > MAX_HEADING * 8 || !/\S/.test(data)) continue;
    const parent = n.parentElement!;
    let text = bare(data);
    let node: Node = n;
    if (!text || text.length > MAX_HEADING) continue;
    const related = RELATED.test(text);
    if (!related && parent !== lastParent) {
      // "You might <em>also</em> like": the words are split over several text nodes.
      const whole = bare(parent.textContent!);
      if (whole.length <= MAX_HEADING && whole !== text && RELATED.test(whole)) {
        lastParent = parent;
        text = whole;
        node = parent;
        if (!parent.closest(SKIP_TEXT_IN)) out.push({ node, text, related: true });
        continue;
      }
    }
    if (!related && (text.length > 30 || !OTHER.test(text))) continue;
    if (parent.closest(SKIP_TEXT_IN)) continue;
    out.push({ node, text, related });
  }
  return out;
}

function findBlocks(doc: Document, url: string): Found[] {
  // Wiki pages have cross-references ("See also"), never teaser lists (corpus README).
  if (doc.querySelector('meta[name=generator][content^=MediaWiki]')) return [];
  const base = baseOf(doc, url);
  const headings = findHeadings(doc);
  const marks = headings.map((h) => h.node);
  const startsWithMark = (el: Element, first?: Element) =>
    marks.some((m) => el.contains(m) && (!first || (m.compareDocumentPosition(first) & 4 /* FOLLOWING */) !== 0));
  const found: Found[] = [];
  for (const h of headings) {
    if (!h.related) continue;
    let chain: Node = h.node;
    let head: Element | null = h.node.nodeType === 1 ? (h.node as Element) : null;
    let parts: Element[] = [];
    let cands: Candidate[][] = [];
    for (let level = 0; level < 8 && chain.parentElement && chain !== doc.body; level++) {
      let shape = '';
      let stop = false;
      let empty = false;
      for (let s = chain.nextSibling; s; s = s.nextSibling) {
        if (s.nodeType !== 1) continue;
        const el = s as Element;
        const c = candidatesIn(el, base, url);
        // Another heading before this sibling's first link starts the next block.
        if (marks.includes(el) || startsWithMark(el, c[0]?.a)) {
          stop = true;
          break;
        }
        if (!c.length) {
          if (HEADING_TAG.test(el.tagName)) {
            stop = true;
            break;
          }
          // An empty container after the heading: a list filled by JavaScript (salon-1's
          // taboola divs, medicalnewstoday's TrendMD). Its heading must not adopt the next block.
          if (CONTAINER_TAG.test(el.tagName) && clean(el.textContent).length < 20) empty = true;
          continue;
        }
        const elShape = `${el.tagName}.${el.getAttribute('class') ?? ''}`;
        if (shape && elShape !== shape) break;
        shape = elShape;
        parts.push(el);
        cands.push(c);
      }
      if (parts.length) {
        // Same-shaped teasers without a usable link (the self-link item) still belong to the block.
        const shapeOf = (e: Element | null) => e && `${e.tagName}.${e.getAttribute('class') ?? ''}`;
        for (let p = parts[0].previousElementSibling; p && shapeOf(p) === shape; p = p.previousElementSibling) parts.unshift(p), cands.unshift([]);
        for (let i = parts.length - 1, n = parts[i].nextElementSibling; n && shapeOf(n) === shape; n = n.nextElementSibling) if (!parts.includes(n)) parts.push(n), cands.push([]);
        break;
      }
      if (stop || empty) break;
      chain = chain.parentElement;
      const chainText = clean(chain.textContent);
      if (chainText.length > h.text.length + 100) break;
      if (chainText.length <= h.text.length + 12) head = chain as Element;
    }
    if (!parts.length) continue;
    const items = parts.flatMap((p, i) => (cands[i].length ? itemsOf(p, cands[i], base) : []));
    found.push({ heading: h.text, parts: head ? [head, ...parts] : parts, items });
  }

  // Boxes the page's own markup calls related whatever their caption says (buzzfeed-1's
  // section#related-links "More Buzz", webmd-1's related_reading "Top Picks"), unless a
  // caption for another kind of list (popular, ads, tags) leads them.
  for (const box of doc.querySelectorAll(RELATED_BOX)) {
    const hint = `${box.id} ${box.getAttribute('class')}`;
    if (NOT_RELATED_BOX.test(hint) || found.some((f) => f.parts.some((p) => p.contains(box) || box.contains(p)))) continue;
    const c = candidatesIn(box, base, url);
    if (c.length < 2 || startsWithMark(box, c[0].a) || box.closest(SKIP_TEXT_IN)) continue;
    const items = itemsOf(box, c, base);
    if (items.length < 2) continue;
    const cap = box.querySelector('h1,h2,h3,h4,h5,h6,[class*=head],[class*=title]');
    // A list without a caption is never related (headless Taboola boxes on msn, bug-1255978).
    const heading = cap && cap.compareDocumentPosition(c[0].a) & 4 && !cap.contains(c[0].a) ? bare(cap.textContent) : '';
    if (heading && heading.length <= MAX_HEADING) found.push({ heading, parts: [box], items });
  }
  return found.sort((a, b) => (a.parts[0].compareDocumentPosition(b.parts[0]) & 2 ? 1 : -1));
}

export function extractRelated(doc: Document, url: string): RelatedBlock[] {
  const seen = new Set<string>();
  const blocks: RelatedBlock[] = [];
  for (const f of findBlocks(doc, url)) {
    const items = f.items.filter((i) => !seen.has(i.url) && seen.add(i.url));
    if (items.length) blocks.push({ heading: f.heading, items });
  }
  return blocks;
}

/** Number of related items on the page (what the toolbar badge shows). */
export function countRelated(doc: Document, url: string): number {
  return extractRelated(doc, url).reduce((n, b) => n + b.items.length, 0);
}

/**
 * The elements of `doc` that make up related blocks (headings and list parts), so that article
 * extraction can drop them from its clone before Readability runs.
 */
export function findRelatedElements(doc: Document, url: string): Element[] {
  return findBlocks(doc, url)
    .filter((f) => f.items.length)
    .flatMap((f) => f.parts);
}
