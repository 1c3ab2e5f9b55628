// Clutter removed from the article CLONE before Readability runs: the things Readability keeps
// because they sit inside the article container (fixtures seed-list-inside-article,
// seed-wordpress-zh, en-news-related). Never applied to the live document.
import { findRelatedElements } from './extract-related';
import { collapseWhitespace } from './text';

// Boxes by class/id. Word boundaries keep "shadow", "address", "heading" and "download" safe.
const AD_BOX = /(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|adsbygoogle|ad-?slot|ad-?widget|ad-?container|dfp|gpt-ad|sponsor(?:ed)?|promo)(?:$|[\s_-])/i;
const SIGNUP_BOX = /newsletter|signup|sign-up|subscribe|subscription/i;
const SHARE_BOX = /(?:^|[\s_-])(?:share|sharing|social-share|share-tools|sharebar|bdsharebuttonbox|jiathis)(?:$|[\s_-])/i;
/** Prev/next navigation (上一篇/下一篇, Older/Newer) and "share to" labels, as a whole short block. */
const NAV_TEXT = /^(?:上一篇|下一篇|上一篇文章|下一篇文章|previous( post| article)?|next( post| article)?|older|newer|分享到|share( this)?)\s*[:：←→»«]?/i;
/** A heading that introduces a related list; its list is removed by findRelatedElements. */
const RELATED_HEADING = /^(?:相关文章|相关阅读|相关新闻|相关推荐|延伸阅读|推荐阅读|猜你喜欢|related( articles| stories| posts| reading)?|read (more|next)|you (may|might) also like)\s*[:：]?$/i;
/** Ad labels shown as text. */
const AD_LABEL = /^(?:广告|推广|advertisement|sponsored|anzeige)$/i;

/** Text length of `el` up to a cap, without paying for huge subtrees twice. */
function shortText(el: Element, cap = 400): string | null {
  const text = collapseWhitespace(el.textContent ?? '');
  return text.length > cap ? null : text;
}

/** True when links make up at least half of `text` (prev/next links, not a sentence). */
function mostlyLinks(el: Element, text: string): boolean {
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += collapseWhitespace(a.textContent ?? '').length;
  return linked * 2 >= text.length;
}

function attrs(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

/** The elements of the clone that are clutter, outermost first. */
function clutter(doc: Document, url: string, related?: Element[]): Element[] {
  const out: Element[] = [];
  try {
    out.push(...(related ?? findRelatedElements(doc, url)));
  } catch {
    // the related extractor must never cost us the article
  }
  const body = doc.body;
  if (!body) return out;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') continue;
    const a = attrs(el);
    if (a.trim()) {
      if (AD_BOX.test(a) || SHARE_BOX.test(a)) {
        if (shortText(el, 300) !== null) out.push(el);
        continue;
      }
      if (SIGNUP_BOX.test(a) && (el.querySelector('form, input') || shortText(el, 300) !== null)) {
        out.push(el);
        continue;
      }
    }
    // Search, comment and signup forms; not a form that wraps the whole page (ASP.NET WebForms).
    if (tag === 'form' && shortText(el, 1000) !== null) {
      out.push(el);
      continue;
    }
    if (/^(p|div|h[1-6]|span|strong|b|li|dt|section)$/.test(tag) && el.childElementCount <= 8) {
      const text = shortText(el, 120);
      if (text === null || !text) continue;
      if (RELATED_HEADING.test(text) || AD_LABEL.test(text)) out.push(el);
      else if (NAV_TEXT.test(text) && (mostlyLinks(el, text) || /^(分享到|share)/i.test(text))) out.push(el);
    }
  }
  return out;
}

/**
 * Removes related blocks, ads, share bars, signup boxes and prev/next links from `doc` (a copy).
 * `related`: the related blocks' elements in `doc` when the caller has found them already.
 */
export function removeClutter(doc: Document, url: string, related?: Element[]): void {
  for (const el of clutter(doc, url, related)) {
    // A related heading's only content may be the element we match (<p><strong>相关文章:</strong></p>):
    // remove the outermost element that holds nothing else.
    let target = el;
    while (
      target.parentElement &&
      target.parentElement !== doc.body &&
      target.parentElement.children.length === 1 &&
      collapseWhitespace(target.parentElement.textContent ?? '') === collapseWhitespace(target.textContent ?? '')
    ) {
      target = target.parentElement;
    }
    target.remove();
  }
}
