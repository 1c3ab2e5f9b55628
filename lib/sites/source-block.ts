// "Remove" on a block of the reader view (issue 19): the block is Sift's sanitised copy, so the
// rule needs the page's element it came from. Found by its text (the extraction keeps a block's
// words), or by its images' addresses for a block without text; the outermost element that holds
// exactly those words is taken, so a wrapper with a name ("div.newsletter > p") is what the rule
// names. Pure: reads the documents, changes nothing.
import { collapseWhitespace } from '../extract/text';

/** What the reader view's block says, to look for in the page. */
export interface BlockInfo {
  tag: string;
  text: string;
  /** Absolute addresses of its images. */
  images: string[];
}

/** The blocks "Remove" offers in the reader view: the article body's readable blocks. */
export const REMOVABLE_BLOCKS = 'p, figure, blockquote, ul, ol, dl, table, pre, h2, h3, h4, h5, h6, picture, img';

export function blockInfo(block: Element): BlockInfo {
  const images = Array.from(block.matches('img') ? [block] : block.querySelectorAll('img'))
    .map((img) => img.getAttribute('src') ?? '')
    .filter((src) => /^https?:/i.test(src));
  return { tag: block.localName, text: collapseWhitespace(block.textContent ?? ''), images };
}

const textOf = (el: Element) => collapseWhitespace(el.textContent ?? '');

/** The page's element `info` was made from; null when none is found with certainty. */
export function sourceOf(doc: Document, info: BlockInfo): Element | null {
  const body = doc.body;
  if (!body) return null;
  if (info.text) {
    // Document order: an ancestor comes before its descendants, so the first is the outermost.
    const all = Array.from(body.querySelectorAll('*'));
    const exact = all.find((el) => el.localName !== 'script' && textOf(el) === info.text);
    if (exact) return exact;
    // A block the extraction trimmed (a share button dropped from a paragraph): the same tag, holding all its words.
    if (info.text.length >= 20) return Array.from(body.getElementsByTagName(info.tag)).find((el) => textOf(el).includes(info.text)) ?? null;
    return null;
  }
  for (const src of info.images) {
    const img = Array.from(body.getElementsByTagName('img')).find((el) => imageSources(el).includes(src));
    if (img) return img.closest('figure, picture') ?? img;
  }
  return null;
}

/** Every address an <img> of the page shows or would show (lazy loaders keep it in data-*). */
function imageSources(img: Element): string[] {
  const base = img.ownerDocument.baseURI;
  const out: string[] = [];
  for (const name of ['src', 'data-src', 'data-original', 'data-lazy-src']) {
    const value = img.getAttribute(name);
    if (!value) continue;
    try {
      out.push(new URL(value, base).href);
    } catch {
      // not an address
    }
  }
  return out;
}
