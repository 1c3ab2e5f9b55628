// Cheap article detection, run by the content script on every page load. One pass over the
// text nodes, no layout, no getComputedStyle, no Readability (it would not fit the content-script
// budget). Chinese and Japanese text is weighed per character: Readability's isProbablyReaderable
// counts 140 characters per paragraph and misses 12 of the 27 Chinese article pages of the corpus.
//
// Here: how much of a page is one article's text (scoreDocument): its blocks of paragraph text,
// the main one, its share and the teasers around it. What detection reports is detect.ts.
import { mayBeHeading } from '../related/extract-related';
import { countCjk } from '../text';

/** Elements that continue the block of their parent rather than starting one. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'img',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
/** Text under these is never reading text. */
const NOT_TEXT = new Set('script style noscript template textarea select option button title'.split(' '));
// Readability's own "unlikely" words (Readability-readerable.js), applied to a paragraph's own class/id.
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;

// Thresholds, tuned on 70% of ../shared/corpus plus tests/fixtures (see the report of issue 2).
/** A paragraph weighs at least this much (Latin characters; one CJK character counts CJK_WEIGHT). */
const MIN_PARAGRAPH = 80;
/** The heaviest run of sibling paragraphs in an article weighs at least this much. */
const MIN_MAIN = 420;
/** …and holds at least this share of all paragraph text (front and list pages spread it thin). */
const MIN_SHARE = 0.1;
/** A page whose teaser snippets outweigh its main text this much is a front page. */
const MAX_TEASER_RATIO = 8;
/**
 * What one CJK character weighs, in Latin characters. By common reading rates (~400 CJK
 * characters a minute against ~230 words, about 1,400 Latin characters) one is worth about 3.5.
 * At 3, Chinese news items of 130-150 characters stayed under MIN_MAIN (gne-mingridapan-1,
 * ia-henandaily-91bdf33e); at 4, MIN_MAIN is 105 CJK characters and MIN_PARAGRAPH 20.
 */
const CJK_WEIGHT = 4;

/**
 * A row of a listing (a fixture or events calendar, a schedule, results, dated titles) is not a
 * paragraph: it holds a time, a date or a score (digits joined by `:`, `-`, `/`, `.`, 年 or 月) and
 * no sentence ("Sat 14 Sep 2024 15:00 Arsenal v Tottenham"). Prose that mentions a date ends a
 * sentence somewhere. A `.` before a digit is a decimal point or a time, not a full stop.
 */
const DATE_OR_TIME = /\d:\d\d|\d[-/.年月]\d/;
const SENTENCE = /[。！？]|[.!?](?!\d)/;
const isListingRow = (text: string) => text.length < 200 && DATE_OR_TIME.test(text) && !SENTENCE.test(text);

/**
 * A comment thread, by its class or id ("omment": Comment and comment, not recommend). A comment,
 * its author's link beside its text, has the shape of a teaser: a long thread made the article
 * above it look like a front page.
 */
const THREAD = '[class*=omment],[id*=omment]';

interface Block {
  el: Element;
  text: number;
  link: number;
  sample: string;
}

export interface DetectionScore {
  isArticle: boolean;
  /** Weight of the heaviest group of sibling paragraphs. */
  main: number;
  /** Share of all paragraph weight held by the main group (or its grandparent region). */
  share: number;
  /** Weight of teaser snippets (a paragraph beside its own title link). */
  teasers: number;
  /** Some text of the main group, for guessing the language. */
  sample: string;
  /** The parent of the main group's paragraphs. */
  mainEl: Element | null;
  /** True when the full pass over every text node ran (the fast path was not sure). */
  full: boolean;
}

function isHidden(el: Element, cache: Map<Element, boolean>): boolean {
  const known = cache.get(el);
  if (known !== undefined) return known;
  const style = el.getAttribute('style');
  const hidden =
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    (style != null && /display\s*:\s*none/i.test(style)) ||
    (el.parentElement != null && isHidden(el.parentElement, cache));
  cache.set(el, hidden);
  return hidden;
}

/**
 * Collects text into the nearest block-level ancestor of each text node. The badge counter's
 * candidate headings are picked up on the way (`headings`), so that it need not walk again.
 */
function collectBlocks(body: Element, headings?: Node[]): Map<Element, Block> {
  const blocks = new Map<Element, Block>();
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = (node as Text).data;
    // Pages indent their markup: padding must not count as text (readability-nytimes-4).
    const data = raw.trim();
    if (!data) continue;
    if (headings && mayBeHeading(node, raw)) headings.push(node);
    let el = node.parentElement;
    if (!el || NOT_TEXT.has(el.localName)) continue;
    let inLink = false;
    while (INLINE.has(el.localName) && el.parentElement && el !== body) {
      if (el.localName === 'a') inLink = true;
      el = el.parentElement;
    }
    if (el.localName === 'a') inLink = true;
    let block = blocks.get(el);
    if (!block) blocks.set(el, (block = { el, text: 0, link: 0, sample: '' }));
    if (inLink) block.link += data.length;
    else {
      block.text += data.length;
      if (block.sample.length < 200) block.sample += data.slice(0, 200);
    }
  }
  return blocks;
}

/** A clear article run: this much paragraph weight in at least FAST_PARAGRAPHS sibling <p>s. */
const FAST_MAIN = 1500;
const FAST_PARAGRAPHS = 4;

/**
 * The cheap common case, in the spirit of isProbablyReaderable: walk the <p>s in order and stop
 * as soon as one parent holds a clear run of real paragraphs. Teaser snippets (a <p> in a list
 * item, or right after a linked heading) and link-heavy paragraphs never count. null = unsure,
 * let the full pass decide.
 */
function fastPath(body: Element): DetectionScore | null {
  const hidden = new Map<Element, boolean>();
  const perParent = new Map<Element, { weight: number; count: number; sample: string }>();
  // The live collection, read in order: most pages stop after a few paragraphs, before a wrapper
  // for every <p> of the page would have been made.
  const paragraphs = body.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const text = p.textContent ?? '';
    if (text.length < 40) continue;
    const parent = p.parentElement!;
    if (p.closest('li, a')) continue;
    const prev = p.previousElementSibling;
    if (prev && /^h[1-6]$/.test(prev.localName) && prev.querySelector('a')) continue;
    let linked = 0;
    const links = p.getElementsByTagName('a');
    for (let j = 0; j < links.length; j++) linked += links[j].textContent!.length;
    if (linked * 2 > text.length || isListingRow(text)) continue;
    const head = text.slice(0, 120);
    const weight = (text.length - linked) * (1 + ((CJK_WEIGHT - 1) * countCjk(head)) / head.length);
    let run = perParent.get(parent);
    if (!run) perParent.set(parent, (run = { weight: 0, count: 0, sample: '' }));
    run.weight += weight;
    run.count++;
    if (run.sample.length < 600) run.sample += ` ${head}`;
    if (run.weight >= FAST_MAIN && run.count >= FAST_PARAGRAPHS) {
      if (isHidden(parent, hidden)) {
        run.weight = -Infinity; // a hidden copy (display:none) is not what the reader sees
        continue;
      }
      return { isArticle: true, main: run.weight, share: 1, teasers: 0, sample: run.sample, mainEl: parent, full: false };
    }
  }
  return null;
}

/**
 * The numbers behind `isArticle`, exported for tests and tuning. When the page needs the full
 * pass over its text, the text nodes that may be related headings are added to `headings`
 * (lib/extract/related/extract-related.ts mayBeHeading); the fast path leaves it untouched.
 */
export function scoreDocument(doc: Document, headings?: Node[]): DetectionScore {
  const body = doc.body;
  // (A document without a body scores nothing, and makes no full pass.)
  const fast = body && fastPath(body);
  if (fast) return fast;
  const blocks = body ? collectBlocks(body, headings) : new Map<Element, Block>();

  // Teaser titles: blocks that are (mostly) one link. Their parent is a teaser unit.
  const linkOnly = new Set<Element>();
  for (const b of blocks.values()) {
    if (b.link >= 8 && b.link >= b.text) linkOnly.add(b.el).add(b.el.parentElement!);
  }

  const hiddenCache = new Map<Element, boolean>();
  const paragraphs: { b: Block; weight: number }[] = [];
  const perParent = new Map<Element, number>();
  for (const b of blocks.values()) {
    if (b.text * CJK_WEIGHT < MIN_PARAGRAPH || b.link > b.text) continue;
    const cjk = countCjk(b.sample);
    const weight = b.text * (1 + ((CJK_WEIGHT - 1) * cjk) / Math.max(1, b.sample.length));
    // (The sample is the whole text of a block shorter than 200 characters.)
    if (weight < MIN_PARAGRAPH || isListingRow(b.sample)) continue;
    const cls = `${b.el.getAttribute('class') ?? ''} ${b.el.id}`;
    if (UNLIKELY.test(cls) && !MAYBE.test(cls)) continue;
    if (isHidden(b.el, hiddenCache)) continue;
    paragraphs.push({ b, weight });
    const parent = b.el.parentElement!;
    perParent.set(parent, (perParent.get(parent) ?? 0) + 1);
  }

  let total = 0;
  let teasers = 0;
  const parentWeight = new Map<Element, number>();
  const regionWeight = new Map<Element, number>();
  for (const { b, weight } of paragraphs) {
    total += weight;
    const parent = b.el.parentElement!;
    // A snippet right after its linked headline, in a flat list of such pairs.
    const prev = b.el.previousElementSibling;
    if (weight < 900 && linkOnly.has(prev!)) continue;
    parentWeight.set(parent, (parentWeight.get(parent) ?? 0) + weight);
    // A snippet next to its own title link is a teaser: teasers must not add up to a "region"
    // (zh-homepage-not-article: 24 teasers in one <ul>). Articles often wrap each paragraph
    // in its own <div>, hence the region one level up (readability-royal-road).
    // A comment in a thread is no teaser (THREAD).
    const teaser = linkOnly.has(parent) && (perParent.get(parent) ?? 0) <= 2 && weight < 900 && !b.el.closest(THREAD);
    if (teaser) {
      teasers += weight;
      continue;
    }
    for (let up = parent.parentElement, level = 0; up && level < 2; up = up.parentElement, level++) {
      regionWeight.set(up, (regionWeight.get(up) ?? 0) + weight);
    }
  }
  let main = 0;
  let mainEl: Element | null = null;
  for (const [el, w] of parentWeight) if (w > main) [main, mainEl] = [w, el];
  let region = 0;
  for (const w of regionWeight.values()) region = Math.max(region, w);
  const share = total ? Math.max(main, region) / total : 0;
  let sample = '';
  for (const { b } of paragraphs) if (b.el.parentElement === mainEl && sample.length < 600) sample += ` ${b.sample}`;
  // Judged by its main block: a clear run of paragraphs, as on the fast path, makes an article
  // whatever else its page holds (share and teasers weigh it against the rest of the page).
  const isArticle =
    (main >= FAST_MAIN && perParent.get(mainEl!)! >= FAST_PARAGRAPHS) ||
    (main >= MIN_MAIN && share >= MIN_SHARE && teasers <= MAX_TEASER_RATIO * main);
  return { isArticle, main, share, teasers, sample, mainEl, full: !!body };
}
