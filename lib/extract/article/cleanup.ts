// Clutter removed from the article CLONE before Readability runs: the things Readability keeps
// because they sit inside the article container (fixtures seed-list-inside-article,
// seed-wordpress-zh, en-news-related). Never applied to the live document.
import { findRelatedElements } from '../related/extract-related';
import { SILENT_TAGS, collapseWhitespace, collapsedCounter } from '../text';
import { isEmptyLayoutTable } from './empty-tables';

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
/**
 * Whole short lines that are the site talking, not the article (issue 17): ad markers ("[PR]"),
 * editor and source credits ("责任编辑：张迪", "本文来源：新华社 责任编辑：李曦_NN2587"), an info line
 * of labels ("来源：… 作者：… 时间：… 浏览：33"), topic links ("点击进入专题：…"), copyright and
 * image-credit lines, "Follow us on …", newsletter sign-ups and subscription pitches. A line is a
 * block of its own or a run of text between <br>s or blocks ("저작권자 ⓒ …, 무단전재 및 재배포금지"
 * after the last paragraph's <br>, aeb-entermedia in the corpus).
 */
const CLUTTER_LINE = new RegExp(
  [
    String.raw`^[\[【［]\s*PR\s*[\]】］]`,
    String.raw`^[\[【（(［]?\s*(?:本文来源[:：]\s*\S{1,20}\s*)?(?:责任编辑|编辑|责编)\s*[:：]\s*[^\s。，\]】）)］]{0,24}\s*[\]】）)］]?$`,
    String.raw`^(?:本文)?来源\s*[:：]\s*[^\s。，]{1,20}$`,
    String.raw`^(?=(?:.*(?:来源|作者|时间|日期|浏览|点击|阅读)\s*[:：]){3})[^。！？]{0,120}$`,
    String.raw`^点击(?:进入|查看|阅读|关注)[^。]{0,40}$`,
    // The sign says it; the word needs a sign, a year or "by" ("Copyright law …" is a sentence).
    String.raw`^(?:[©ⓒ]|\(c\)\s|copyright\s*(?:[©ⓒ]|\(c\)|\d{4}|by\s|[:：])).{0,150}$`,
    // Before the reservation no sentence ends; a dot inside a word (a domain) is not an end.
    String.raw`^(?:[^。.!?！？]|\.(?=\w)){0,80}(?:all rights? reserved|무단\s*전재|재배포\s*금지|版权所有|不得转载|禁止转载|無断転載|転載禁止)[^。]{0,60}$`,
    String.raw`^image (?:copyright|source)\b.{0,80}$`,
    // A photo credit in brackets: "[사진=JTBC]", "（图片来源：网络）", "(Photo: Reuters)".
    String.raw`^[\[【［(（]\s*(?:사진|写真|图片|圖片|photos?|images?)\s*(?:来源|來源|提供|출처|credit)?\s*[=:：]\s*[^\]】］)）]{1,60}[\]】］)）]$`,
    String.raw`^follow (?:us|[\p{L}.' -]{1,40}) on (?:twitter|x|facebook|instagram|linkedin|weibo|微博)\b.{0,120}$`,
    String.raw`^(?:sign up|subscribe)\b.{0,200}\bnewsletters?\b`,
    String.raw`^(?:already a subscriber|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)|subscribe (?:now )?to (?:continue|keep) reading)`,
    String.raw`^(?:有料会員|会員限定|この記事は有料)`,
  ].join('|'),
  'iu',
);
/** How a text node of such a line, or of a breadcrumb trail, can start (punctuation aside). */
const LINE_START = /^(?:[[【［]\s*PR|PR\s*[\]】］]|本文来源|责任编辑|编辑|责编|来源|点击|copyright|©|ⓒ|\(c\)|저작권|版权|著作権|사진|写真|图片|圖片|photo|image|follow|sign up|subscribe|already|this (?:article|story|content)|有料|会員|この記事|首页|主页|home|ホーム|トップ|当前位置|您的位置|you are here)/i;
/** The first step of a breadcrumb trail, or its label. */
const CRUMB_START = /^(?:首页|主页|home|ホーム|トップ|当前位置|您的位置|you are here)\s*[:：]?/i;
/** A separator that says "inside", alone in its text node: the way into a trail with no home word. */
const CRUMB_SEPARATOR = /^[>»›＞→]$/;
/** Every such separator in a line. */
const CRUMB_SEPARATORS = /[>»›＞→]/g;
/**
 * A short block that is a trail of links: home > section > page. Starting from a home word it may
 * use any separator; without one ("福娘童話集 > きょうのイソップ童話 > 欲張りなイヌ", corpus page
 * readability-hukumusume) it takes three links or more and a chevron between each two, which
 * prose between links does not have.
 */
function isBreadcrumb(el: Element, text: string): boolean {
  if (text.length > 150) return false;
  const links = Array.from(el.querySelectorAll('a'));
  if (links.length < 2) return false;
  if (CRUMB_START.test(text)) {
    if (!/[>»›＞/→|]/.test(text)) return false;
  } else if (links.length < 3 || (text.match(CRUMB_SEPARATORS)?.length ?? 0) < links.length - 1) {
    return false;
  }
  // Links and separators, and at most the current page's short label ("正文", "Article").
  let rest = text;
  for (const a of links) rest = rest.replace(collapseWhitespace(a.textContent ?? ''), '');
  return rest.replace(/[\s>»›＞/→|:：]/g, '').length <= 20;
}

/** Elements that stay inside a line of text. */
const INLINE = /^(?:a|abbr|b|bdi|bdo|cite|code|em|font|i|mark|q|s|small|span|strong|sub|sup|time|u)$/;
/** Elements in a line that are not its text. */
const isLineEdge = (n: Node) => n.nodeType === 1 && !INLINE.test((n as Element).localName) && !SILENT_TAGS.test((n as Element).localName);

/**
 * The nodes of the line `text` is in when that line is a run between <br>s or blocks inside a
 * larger element (the element's own text is judged as a block), else null.
 */
function lineRun(text: Text): ChildNode[] | null {
  let n: ChildNode = text;
  // Up through inline elements that hold nothing but this line.
  while (n.parentElement && INLINE.test(n.parentElement.localName) && !Array.from(n.parentElement.childNodes).some(isLineEdge)) {
    n = n.parentElement;
  }
  const run: ChildNode[] = [n];
  let edges = 0;
  for (let s = n.previousSibling; s; s = s.previousSibling) {
    if (isLineEdge(s)) { edges++; break; }
    run.unshift(s);
  }
  for (let s = n.nextSibling; s; s = s.nextSibling) {
    if (isLineEdge(s)) { edges++; break; }
    run.push(s);
  }
  return edges ? run : null;
}

/** The text of a line's nodes when it is at most `cap` characters, else null. */
function runText(run: ChildNode[], cap = 250): string | null {
  let text = '';
  for (const n of run) {
    const part = n.nodeType === 3 ? (n as Text).data : n.nodeType !== 1 || SILENT_TAGS.test((n as Element).localName) ? '' : shortText(n as Element, cap);
    if (part === null) return null;
    text += part;
    if (text.length > cap * 2 && collapseWhitespace(text).length > cap) return null;
  }
  text = collapseWhitespace(text);
  return text.length > cap ? null : text;
}

/**
 * The text of `el` when it is at most `cap` characters (whitespace collapsed), else null. Reads
 * text nodes only until the cap is passed: asking every <div> of a page for its whole textContent
 * would read the article once per ancestor.
 */
function shortText(el: Element, cap = 400): string | null {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let raw = '';
  // Counted as it comes, each text node once: collapsing the whole text so far at each node past
  // the cap was quadratic in a box of many short nodes (3% of extract() on the corpus).
  const collapsed = collapsedCounter();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    raw += data;
    collapsed.add(data);
    if (collapsed.length() > cap) return null;
  }
  const text = collapseWhitespace(raw);
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

/** How the text of a heading, an ad label or a prev/next line can start (the three rules above). */
const RULE_START = /^(?:相关|延伸|推荐|猜你|related|read|you|广告|推广|advertisement|sponsored|anzeige|上一|下一|previous|next|older|newer|分享|share)/i;
const TEXT_RULE_TAGS = /^(p|div|h[1-6]|span|strong|b|em|i|small|li|dt|dd|section|nav|ol|ul|figcaption)$/;
/** Boxes named as breadcrumb trails (a word every CMS uses, not one site's class). */
const CRUMB_BOX = /breadcrumb|crumbs/i;

/**
 * The elements of the clone that are clutter. Boxes are judged by their class and id; headings,
 * ad labels and prev/next lines by their text, looked for from the text nodes up (few text nodes
 * start like one), so that no element's text is read unless it may be one.
 */
function clutter(doc: Document, url: string, related?: Element[]): ChildNode[] {
  const out = new Set<ChildNode>();
  try {
    for (const el of related ?? findRelatedElements(doc, url)) out.add(el);
  } catch {
    // the related extractor must never cost us the article
  }
  const body = doc.body;
  if (!body) return [...out];
  const boxes = new Set<Element>();
  for (const el of Array.from(body.querySelectorAll('[class],[id]'))) {
    const tag = el.localName;
    if (tag === 'main' || tag === 'article') continue;
    const a = attrs(el);
    if (!a.trim()) continue;
    if (CRUMB_BOX.test(a) && shortText(el, 200) !== null) {
      out.add(el);
    } else if (AD_BOX.test(a) || SHARE_BOX.test(a)) {
      boxes.add(el);
      if (shortText(el, 300) !== null) out.add(el);
    } else if (SIGNUP_BOX.test(a) && (el.querySelector('form, input') || shortText(el, 300) !== null)) {
      out.add(el);
    }
  }
  // Search, comment and signup forms; not a form that wraps the whole page (ASP.NET WebForms).
  for (const form of Array.from(body.getElementsByTagName('form'))) if (shortText(form, 1000) !== null) out.add(form);
  for (const table of Array.from(body.getElementsByTagName('table'))) if (isEmptyLayoutTable(table)) out.add(table);

  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const judged = new Set<Element>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (data.length > 400) continue;
    const trimmed = data.trim();
    if (!trimmed || trimmed.length > 250) continue;
    const old = trimmed.length <= 120 && RULE_START.test(trimmed);
    const line = LINE_START.test(trimmed) || LINE_START.test(trimmed.replace(/^[\s.,:;·|>»\-[【（(［]+/, ''));
    const separator = !old && !line && CRUMB_SEPARATOR.test(trimmed);
    if (!old && !line && !separator) continue;
    if (line && !out.has(n as Text)) {
      const run = lineRun(n as Text);
      const text = run && runText(run);
      if (run && text && CLUTTER_LINE.test(text)) {
        for (const node of run) out.add(node);
        continue;
      }
    }
    for (let el = n.parentElement, level = 0; el && el !== body && level < 6; el = el.parentElement, level++) {
      if (judged.has(el)) continue;
      judged.add(el);
      if (!TEXT_RULE_TAGS.test(el.localName) || el.childElementCount > 8 || boxes.has(el)) continue;
      const text = shortText(el, 250);
      if (text === null) break; // its ancestors are longer still
      if (!text) continue;
      if (separator) {
        if (isBreadcrumb(el, text)) out.add(el);
      } else if (text.length <= 120 && (RELATED_HEADING.test(text) || AD_LABEL.test(text))) out.add(el);
      else if (text.length <= 120 && NAV_TEXT.test(text) && (mostlyLinks(el, text) || /^(分享到|share)/i.test(text))) out.add(el);
      else if (line && (CLUTTER_LINE.test(text) || isBreadcrumb(el, text))) out.add(el);
    }
  }
  return [...out];
}

/**
 * Removes related blocks, ads, share bars, signup boxes and prev/next links from `doc` (a copy).
 * `related`: the related blocks' elements in `doc` when the caller has found them already.
 */
export function removeClutter(doc: Document, url: string, related?: Element[]): void {
  for (const el of clutter(doc, url, related)) {
    if (el.nodeType !== 1) {
      el.remove(); // a line's text between <br>s
      continue;
    }
    // A related heading's only content may be the element we match (<p><strong>相关文章:</strong></p>):
    // remove the outermost element that holds nothing else.
    let target = el as Element;
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
