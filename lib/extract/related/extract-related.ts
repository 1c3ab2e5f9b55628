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
import type { RelatedBlock, RelatedItem } from '../types';
import { collapseWhitespace, decodeEntities, textWeight } from '../text';
import { pageKey, toHttpUrl, toImageUrl } from '../url';
import { AD_HREF, AD_TEXT, COUNT_WORDS, MAX_HEADING, NAV_TITLE, NOT_RELATED_BOX, RELATED_BOX, RELATED_BOX_SELECTOR, type Vocabulary, bare, fullWords, shapeOf } from './vocabulary';

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
  /** The page URL without query and fragment: links to it are self-links (lib/extract/url.ts isSelfLink). */
  self: string;
  /** The full depth: adds each item's snippet and thumbnail (absent for the count). */
  details?: typeof addDetails;
  /**
   * A link's absolute http(s) URL, or nothing. The count (in a live page at an http(s) address)
   * takes the browser's own `a.href`; the full depth also handles documents without one.
   */
  href: (a: HTMLAnchorElement) => string | false | null;
  /** The heading words this depth reads (lib/extract/related/vocabulary.ts: the full depth knows more). */
  words: Vocabulary;
}

// Wikipedia-style hatnotes ("See also: X", role=note) are cross-references, not teaser lists.
// A form control's caption (<label for>) names a checkbox (a newsletter called "In Case You Missed
// It"), never a list; some sites use a bare <label> as a heading.
const SKIP = 'script,style,noscript,template,textarea,select,option,a,button,label[for],nav,[role=navigation],[role=note]';
const HEADING_TAG = /^H[1-6]$/;
const CONTAINER_TAG = /^(?:DIV|UL|OL|DL|SECTION|ASIDE|TABLE|TBODY|TR|TD|IFRAME|ARTICLE|FORM|FOOTER)$/;
const BARE_MORE_TAG = /^(?:h[1-6]|strong|b|p|dt)$/;
/** Markup of an advertising slot: class or id words ad, ads, adunit, adbox, adsbygoogle, gpt, dfp, banner. */
const AD_SLOT = /\bad(?:s|unit|box|slot)?\b|adunit|adbox|adsbygoogle|\bgpt\b|\bdfp\b|banner/i;
const HIDDEN = '[hidden],[style*="display:none"],[style*="display: none"]';
// Share pop-ups inside teasers (gne-163-8: "用微信扫码二维码") are not snippets.
const NOT_SNIPPET = `${HIDDEN},[class*=share],[class*=qrcode],[class*=weixin]`;
const SNIPPET = 'p,[class*=desc],[class*=summary],[class*=intro],[class*=excerpt],[class*=dek],[class*=teaser],[class*=abstract]';
const PLACEHOLDER_IMG = /^data:image\/(?:svg|gif)|(?:grey|gray|blank|spacer|placeholder|loading|lazy|pixel|1x1|transparent|default)[\w-]*\.(?:gif|png|jpe?g|svg)/i;
const PREV_NEXT = /^(?:上一[篇页頁]|下一[篇页頁]|previous|next|older|newer)\b/i;

const clean = (s: string | null | undefined) => collapseWhitespace(s ?? '');
const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;
// A title's size in CJK characters plus other words (lib/extract/text.ts textWeight, in one cheap pass).
// Chinese headlines run to 8+ characters; 4-character links are channels and topics (guancha's
// 中国外交), hence the 2 taken off.
const CJK_OR_WORD = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\s\p{P}\p{S}\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/gu;
const weight = (t: string) => {
  const parts = t.match(CJK_OR_WORD) ?? [];
  const cjk = parts.filter((p) => p.length === 1 && p > '\u3000').length;
  return parts.length - (cjk > (parts.length - cjk) * 2 ? 2 : 0);
};

/**
 * Text of a teaser without its embedded players (a child of the teaser that holds a <video>,
 * <object> or <embed> and none of its headlines): a player's own captions ("进入广告",
 * "广告剩余") are not the teaser's.
 */
function textBesideMedia(el: Element, kept: Candidate[]): string {
  let text = clean(el.textContent);
  for (const m of el.querySelectorAll('video,object,embed')) {
    let player = m;
    while (player.parentElement !== el) player = player.parentElement!;
    if (!kept.some((c) => player.contains(c.a))) text = text.replace(clean(player.textContent), '');
  }
  return text;
}

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
  // <noscript><img src=…></noscript>: the page's own no-JS fallback for a lazy image. Its content
  // is markup (raw text, or serialised), so its attribute is decoded, once.
  const ns = root.querySelector('noscript');
  const m = ns && /<img[^>]+?src\s*=\s*["']?([^"'\s>]+)/i.exec(ns.textContent || ns.innerHTML);
  return (m && toImageUrl(decodeEntities(m[1]), base)) || undefined;
}

/**
 * The full depth's part of an item: its title as shown, its snippet and thumbnail, from the teaser (`el`) or, when
 * the teaser holds several headlines, from the headline's own link (`scope`). Referenced only by
 * the full extraction, so the every-page count does not carry it.
 */
function addDetails(item: RelatedItem, c: Candidate, scope: Element, el: Element, base: string): void {
  // Titles and snippets are the page's text exactly as it shows them: textContent is decoded
  // text already, and a page that shows "&lt;b&gt;" or "&#39;" means those characters (issue 21).
  for (const s of scope.querySelectorAll(SNIPPET)) {
    if (s.contains(c.titleEl) || c.titleEl.contains(s) || s.closest(NOT_SNIPPET)) continue;
    const text = visibleText(s);
    if (textWeight(text) >= 3 && text !== c.title) {
      item.snippet = text;
      break;
    }
  }
  const image = imageOf(scope, base) ?? (scope === el ? undefined : imageOf(el, base));
  if (image) item.image = image;
}

/**
 * The browser's own resolution, when the document sits at an http(s) address: it honours <base>
 * and strips "java\tscript:" tricks the same way lib/extract/url.ts does.
 */
const nativeHref = (a: HTMLAnchorElement) => {
  const href = a.href;
  return /^https?:\/\//i.test(href) && href;
};

/** Links in `root` that could be teaser titles: http(s), not ads, not navigation, not the page itself. */
function candidatesIn(root: Element, ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  if (root.closest('nav,[role=navigation]')) return out;
  const links = root.tagName === 'A' ? [root] : root.querySelectorAll('a[href]');
  const navs = links.length > 1 ? root.querySelectorAll('nav,[role=navigation]') : [];
  for (let i = 0; i < links.length && i < 1000; i++) {
    const a = links[i] as HTMLAnchorElement;
    const url = ctx.href(a);
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
    // A long title that starts like navigation is a headline ("More than 140 pilot whales die…").
    if (!/\p{L}/u.test(title) || (NAV_TITLE.test(title) && weight(title) <= 5) || [...navs].some((n) => n.contains(a))) continue;
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
    // ...unless the group holds several headlines (a strip of titles under a strip of pictures,
    // gizmodo's "You may also like"): two or more headings' links of five words and more.
    const several = [...weights].filter(([c, w]) => w >= 5 && (HEADING_TAG.test(c.titleEl.tagName) || c.a.closest('h1,h2,h3,h4,h5,h6'))).length > 1;
    const max = Math.max(...weights.values());
    const kept = [...weights].filter(([, w]) => w >= Math.max(3, several ? 5 : max / 2)).map(([c]) => c);
    const elText = kept.length ? textBesideMedia(el, kept) : '';
    if (PREV_NEXT.test(elText)) continue;
    for (const c of kept) {
      if (AD_TEXT.test(elText.replace(c.title, ''))) continue;
      const item: RelatedItem = { title: c.title, url: c.url };
      items.push(item);
      ctx.details?.(item, c, kept.length === 1 ? el : c.a, el, ctx.base);
    }
  }
  return items;
}

interface Heading {
  node: Node;
  text: string;
  related: boolean;
  /** An inline related link (its heading is its own label); `node` is its paragraph. */
  inline?: Element;
}

/** Where the count looks (lib/extract/detect/detect.ts passes what its own walk has found). */
export interface RelatedScope {
  /**
   * The text nodes of the page that pass `mayBeHeading`, in document order, when a walk over
   * every text node has already found them (lib/extract/detect/detect.ts's full pass): no walk of its own.
   */
  candidates?: Node[];
}

/**
 * Text nodes looked at by the count, at most: a 5 MB page with a 100,000-element comment thread
 * is walked in its first part only (issue 4: detection <= 20 ms there). A list further down is
 * missed by the badge, not by the popup, which reads the whole page.
 */
const MAX_TEXT_NODES = 20_000;

/**
 * Whether a text node may be a heading (related, or another kind that ends a related list), by
 * its text alone: short, with a cue word, not link text. The cue regex runs before any call into
 * the DOM: it rejects most text. `words`: the depth's vocabulary (the count's by default).
 */
export function mayBeHeading(n: Node, data: string, { cue, other }: Vocabulary = COUNT_WORDS): boolean {
  const length = data.length;
  if (length > 400) return false;
  // Most text nodes of a page are the indentation between its tags: trimmed to nothing, they
  // never reach a regex.
  const trimmed = data.trim();
  const trimmedLength = trimmed.length;
  if (!trimmedLength) return false;
  // A label before a headline, in a link of its own ("Related: Rich are paying more…").
  if (trimmedLength > MAX_HEADING + 20) return INLINE_LABEL.test(trimmed) && cue.test(trimmed.slice(0, 32));
  if (cue.test(trimmed)) return n.parentElement!.localName !== 'a' || INLINE_LABEL.test(trimmed);
  // Link texts ("Reply", "Share") are never headings: asked before the longer OTHER regex.
  return trimmedLength <= 40 && n.parentElement!.localName !== 'a' && other.test(trimmed);
}

/** "Label: headline": a short label, a colon, then text. */
const INLINE_LABEL = /^[(（【[]?([^:：]{2,30})[:：]\s*\S/;

/**
 * An inline related link: a link that is its paragraph's whole text (brackets aside) and starts
 * with a related label ("Related: …", "Leggi anche su: …", "延伸阅读：…"). The heading for it,
 * or null.
 */
function inlineLabel(n: Node, trimmed: string, { related }: Vocabulary): Heading | null {
  const label = INLINE_LABEL.exec(trimmed)?.[1];
  const a = n.parentElement!.closest('a');
  if (!label || !a || a.parentElement!.closest(SKIP)) return null;
  // One short word may follow the phrase ("Leggi anche su", "Read more on").
  const text = bare(label);
  if (!related.test(text) && !related.test(text.replace(/\s+\S{1,3}$/, ''))) return null;
  let para = a.parentElement!;
  while (INLINE_WRAPPER.test(para.tagName) && para.parentElement) para = para.parentElement;
  const strip = (t: string | null) => (t ?? '').replace(/[\s()（）[\]【】]/g, '');
  return strip(para.textContent) === strip(a.textContent) && /^(?:P|LI|DIV|DD)$/.test(para.tagName) ? { node: para, text, related: true, inline: a } : null;
}

/** Short texts that read as headings: related ones, and others that end a related list. */
function findHeadings(body: HTMLElement, { candidates }: RelatedScope, max: number, words: Vocabulary): Heading[] & { truncated?: boolean } {
  const out: Heading[] & { truncated?: boolean } = [];
  let joined: Element | null = null;
  const look = (n: Node) => {
    const trimmed = n.nodeValue!.trim();
    const parent = n.parentElement!;
    if (INLINE_LABEL.test(trimmed) && parent.closest('a')) {
      const h = inlineLabel(n, trimmed, words);
      if (h) out.push(h);
      return;
    }
    let node: Node = n;
    let text = bare(trimmed);
    if (!text || text.length > MAX_HEADING) return;
    const cue = words.cue.test(trimmed);
    // A bare "More:" introduces a list only as a heading of its own (aljazeera's <h4>More:</h4>).
    let related = cue && (words.related.test(text) || (/^more$/i.test(text) && /[:：]$/.test(trimmed) && BARE_MORE_TAG.test(parent.localName)));
    if (cue && !related && parent !== joined && parent.childNodes.length < 6) {
      // "You might <em>also</em> like": the words are split over several text nodes.
      const whole = bare(parent.textContent!);
      if (whole !== text && whole.length <= MAX_HEADING && words.related.test(whole)) {
        [joined, node, text, related] = [parent, parent, whole, true];
      }
    }
    if ((related || (text.length <= 30 && words.other.test(text))) && !parent.closest(SKIP)) out.push({ node, text, related });
  };
  if (candidates) {
    for (const n of candidates) look(n);
    return out;
  }
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  let n = walker.nextNode();
  for (; n && seen < max; n = walker.nextNode(), seen++) {
    if (mayBeHeading(n, n.nodeValue!, words)) look(n);
  }
  // A count that stopped early is an estimate: it does not look for boxes either (findBlocks).
  if (n) out.truncated = true;
  return out;
}

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

const INLINE_WRAPPER = /^(?:FONT|SPAN|B|STRONG|EM|I|SMALL)$/;
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
function listAfter(h: Heading, marks: Node[], ctx: Ctx, body: Element): Found | null {
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
    if (NOT_RELATED_BOX.test(`${box.id} ${box.getAttribute('class')}`) || box.closest(SKIP)) continue;
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
