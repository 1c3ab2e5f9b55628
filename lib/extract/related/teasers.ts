// The items of a related list: its teaser links (http(s), not ads, not navigation, not the page
// itself), split into one item per teaser with its headline; at the full depth also each item's
// snippet and thumbnail (addDetails, which the every-page count never references).
import type { RelatedItem } from '../types';
import { collapseWhitespace, decodeEntities, textWeight } from '../text';
import { toImageUrl } from '../url';
import { AD_HREF, AD_TEXT, NAV_TITLE, type Vocabulary } from './vocabulary';

export interface Candidate {
  a: Element;
  url: string;
  title: string;
  titleEl: Element;
}
export interface Ctx {
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


export const HEADING_TAG = /^H[1-6]$/;
const HIDDEN = '[hidden],[style*="display:none"],[style*="display: none"]';
// Share pop-ups inside teasers (gne-163-8: "用微信扫码二维码") are not snippets.
const NOT_SNIPPET = `${HIDDEN},[class*=share],[class*=qrcode],[class*=weixin]`;
const SNIPPET = 'p,[class*=desc],[class*=summary],[class*=intro],[class*=excerpt],[class*=dek],[class*=teaser],[class*=abstract]';
const PLACEHOLDER_IMG = /^data:image\/(?:svg|gif)|(?:grey|gray|blank|spacer|placeholder|loading|lazy|pixel|1x1|transparent|default)[\w-]*\.(?:gif|png|jpe?g|svg)/i;
const PREV_NEXT = /^(?:上一[篇页頁]|下一[篇页頁]|previous|next|older|newer)\b/i;

export const clean = (s: string | null | undefined) => collapseWhitespace(s ?? '');
// A title's size in CJK characters plus other words (lib/extract/text.ts textWeight, in one cheap pass).
// Chinese headlines run to 8+ characters; 4-character links are channels and topics (guancha's
// 中国外交), hence the 2 taken off.
const CJK_OR_WORD = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\s\p{P}\p{S}\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/gu;
export const weight = (t: string) => {
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
export function addDetails(item: RelatedItem, c: Candidate, scope: Element, el: Element, base: string): void {
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
export const nativeHref = (a: HTMLAnchorElement) => {
  const href = a.href;
  return /^https?:\/\//i.test(href) && href;
};

/** Links in `root` that could be teaser titles: http(s), not ads, not navigation, not the page itself. */
export function candidatesIn(root: Element, ctx: Ctx): Candidate[] {
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
export function itemsOf(part: Element, cands: Candidate[], ctx: Ctx): RelatedItem[] {
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
