// The headings of related lists: short texts with a cue word (vocabulary.ts), found in one pass
// over the page's text nodes (or among the ones detection's walk already found), and inline
// "Related: headline" links.
import { COUNT_WORDS, MAX_HEADING, type Vocabulary, bare } from './vocabulary';

// Wikipedia-style hatnotes ("See also: X", role=note) are cross-references, not teaser lists.
// A form control's caption (<label for>) names a checkbox (a newsletter called "In Case You Missed
// It"), never a list; some sites use a bare <label> as a heading.
const SKIP = 'script,style,noscript,template,textarea,select,option,a,button,label[for],nav,[role=navigation],[role=note]';
/**
 * `el` or its nearest ancestor that SKIP names, or null. A function, not the exported string: the
 * bundler would copy an exported string constant into every use in the content script.
 */
export const skippedAncestor = (el: Element) => el.closest(SKIP);
const BARE_MORE_TAG = /^(?:h[1-6]|strong|b|p|dt)$/;

export interface Heading {
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
export const MAX_TEXT_NODES = 20_000;

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
  if (!label || !a || skippedAncestor(a.parentElement!)) return null;
  // One short word may follow the phrase ("Leggi anche su", "Read more on").
  const text = bare(label);
  if (!related.test(text) && !related.test(text.replace(/\s+\S{1,3}$/, ''))) return null;
  let para = a.parentElement!;
  while (INLINE_WRAPPER.test(para.tagName) && para.parentElement) para = para.parentElement;
  const strip = (t: string | null) => (t ?? '').replace(/[\s()（）[\]【】]/g, '');
  return strip(para.textContent) === strip(a.textContent) && /^(?:P|LI|DIV|DD)$/.test(para.tagName) ? { node: para, text, related: true, inline: a } : null;
}

/** Short texts that read as headings: related ones, and others that end a related list. */
export function findHeadings(body: HTMLElement, { candidates }: RelatedScope, max: number, words: Vocabulary): Heading[] & { truncated?: boolean } {
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
    if ((related || (text.length <= 30 && words.other.test(text))) && !skippedAncestor(parent)) out.push({ node, text, related });
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

export const INLINE_WRAPPER = /^(?:FONT|SPAN|B|STRONG|EM|I|SMALL)$/;
