// The one place that sanitises page HTML before anything of ours renders it (issue 2).
// DOMPurify with an allow-list, plus what its defaults let through: forms, <template>, <style>,
// mailto:/data: links and a srcset with a javascript: entry. URLs are judged by lib/extract/url.ts, which
// strips the control characters that `new URL()` silently drops ("\x01JaVa\tScript:").
import createDOMPurify, { type DOMPurify, type Config } from 'dompurify';
import { toHttpUrl, toImageUrl } from './url';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd',
  'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby',
  's', 'samp', 'small', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr', 'article', 'section', 'header', 'footer',
  'main', 'aside',
];
// No id/name (DOM clobbering), no class, no style, no event handlers: nothing else is allowed.
const ALLOWED_ATTR = [
  'href', 'src', 'srcset', 'sizes', 'media', 'type', 'alt', 'title', 'width', 'height', 'dir', 'lang',
  'colspan', 'rowspan', 'scope', 'headers', 'datetime', 'start', 'reversed', 'open',
];
// Removed elements whose text is not reading text either.
const DROP_WITH_CONTENT = [
  'form', 'button', 'select', 'textarea', 'input', 'option', 'object', 'embed', 'iframe', 'frame',
  'frameset', 'canvas', 'map', 'audio', 'video', 'dialog', 'menu', 'keygen', 'isindex', 'applet',
];
const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);
const ALLOWED_ATTR_SET = new Set(ALLOWED_ATTR);
const DROP_SET = new Set([
  ...DROP_WITH_CONTENT, 'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext',
  'svg', 'math', 'head', 'title', 'link', 'meta', 'base',
]);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  // Our own hook below decides every URL; this only keeps DOMPurify from keeping odd schemes.
  ALLOWED_URI_REGEXP: /^(?:https?:|data:image\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

// Characters no genuine page URL carries raw (browsers percent-encode them): markup and quotes in
// a URL are an attribute break-out attempt (vectors dp-095 `src="</comment><img src=x onerror=…"`).
const MARKUP_IN_URL = /[<>`"]/;

function safeLink(raw: string, base: string): string | null {
  return MARKUP_IN_URL.test(raw) ? null : toHttpUrl(raw, base);
}

/** Image URLs: http(s), or an inline raster data: image (SVG can carry script). */
function safeImage(raw: string, base: string): string | null {
  return MARKUP_IN_URL.test(raw) ? null : toImageUrl(raw, base);
}

/** A srcset with every candidate checked; null when any candidate is unsafe. */
function safeSrcset(raw: string, base: string): string | null {
  const out: string[] = [];
  // Candidates are "url [descriptor]" separated by commas; data: URLs contain commas, so a
  // srcset holding one is refused rather than guessed at.
  if (/data:/i.test(raw)) return null;
  for (const part of raw.split(',')) {
    const candidate = part.trim();
    if (!candidate) continue;
    const [url, ...descriptor] = candidate.split(/\s+/);
    const safe = safeLink(url, base);
    if (!safe || descriptor.some((d) => !/^\d+(\.\d+)?[wx]$/i.test(d))) return null;
    out.push([safe, ...descriptor].join(' '));
  }
  return out.length ? out.join(', ') : null;
}

function fixUrls(node: Element, base: string): void {
  const tag = node.localName;
  if (tag === 'a') {
    const href = node.getAttribute('href');
    const safe = href == null ? null : safeLink(href, base);
    if (safe) {
      node.setAttribute('href', safe);
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  } else if (node.hasAttribute('href')) {
    node.removeAttribute('href');
  }
  if (node.hasAttribute('src')) {
    const safe = tag === 'img' || tag === 'source' ? safeImage(node.getAttribute('src')!, base) : null;
    if (safe) node.setAttribute('src', safe);
    else node.removeAttribute('src');
  }
  if (node.hasAttribute('srcset')) {
    const safe = tag === 'img' || tag === 'source' ? safeSrcset(node.getAttribute('srcset')!, base) : null;
    if (safe) node.setAttribute('srcset', safe);
    else node.removeAttribute('srcset');
  }
}

const purifiers = { copy: new WeakMap<object, DOMPurify>(), inPlace: new WeakMap<object, DOMPurify>() };

/**
 * Our DOMPurify instance for `win`: 'copy' sanitises into a fragment of its own document (HTML
 * strings, in the popup and the overlay); 'inPlace' sanitises the node it is given (sanitizeContent).
 */
function purifierFor(win: Window, mode: 'copy' | 'inPlace' = 'copy'): DOMPurify {
  let purifier = purifiers[mode].get(win);
  if (!purifier) {
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    // Set once: a config passed to each sanitize() call is parsed again every time (its tag and
    // attribute sets rebuilt), a fixed cost that weighs on small pages. This instance is ours alone.
    purifier.setConfig({ ...CONFIG, ...(mode === 'inPlace' ? { IN_PLACE: true } : { RETURN_DOM_FRAGMENT: true }) });
    purifiers[mode].set(win, purifier);
  }
  return purifier;
}

/**
 * Builds the sanitiser of `win` and runs it once on a scrap of HTML: in a fresh page its first
 * use costs ~15 ms (instance, config, the parser's first document, cold code). The popup calls it
 * while it waits for the page's answer, so the article does not pay it after the answer arrives.
 * The scrap holds nothing that could load (no image, no URL but a relative link): a warm-up must
 * never make a request of its own (issue 21).
 */
export function prepareSanitizer(win: Window = globalThis.window): void {
  if (win) sanitizeHtml('<p title="t"><a href="/">x</a> <b>y</b></p>', 'https://sift.invalid/', win);
}

/**
 * Sanitises `html` from a page at `baseUrl` for rendering in the popup or the overlay.
 * Relative URLs come back absolute. `win` is the window whose DOM parses the HTML (the page's,
 * the popup's, or happy-dom's in tests); it defaults to the global one.
 */
export function sanitizeHtml(html: string, baseUrl: string, win: Window = globalThis.window): string {
  if (!win) throw new Error('sanitizeHtml: no window to parse HTML with');
  return serialize(purify(html, baseUrl, win), win);
}

/** DOMPurify with our configuration, then our own second pass over what it kept. */
function purify(dirty: string | Element, baseUrl: string, win: Window): DocumentFragment {
  const purifier = purifierFor(win);
  const fragment = purifier.sanitize(dirty) as unknown as DocumentFragment;
  purifier.removed = []; // what it removed, kept until its next call (see sanitizeContent)
  secondPass(fragment, baseUrl);
  return fragment;
}

/** Ours, after DOMPurify, wherever it sanitised: the allow-list and URLs again, then empty media. */
function secondPass(root: DocumentFragment | Element, baseUrl: string): void {
  enforce(root, baseUrl);
  dropEmptyMedia(root);
}

/**
 * The fragment's HTML, read in the fragment's own document: DOMPurify parses into an inert one
 * (DOMParser), where nothing loads. A holder in the live document (the popup's) would adopt the
 * fragment, and an adopted <img> fetches its URL even detached, before anything is shown.
 */
function serialize(fragment: DocumentFragment, win: Window): string {
  const holder = (fragment.ownerDocument ?? win.document).createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}

/**
 * sanitizeHtml(el.innerHTML) without the round trip through a string, and without a copy: `el`
 * is sanitised where it is, so it must be ours to change (the extractor hands over Readability's
 * article element, in a copy of the page that has no window to load anything in). On a 5 MB page
 * that is megabytes neither serialised and parsed nor copied; on small pages DOMPurify's own
 * document and copy were about a sixth of the extraction.
 */
export function sanitizeContent(el: Element, baseUrl: string, win: Window = globalThis.window): string {
  if (!win) throw new Error('sanitizeContent: no window to work in');
  let root = el;
  // DOMPurify refuses to work in place on a root it would remove; only the content is kept anyway.
  if (el.namespaceURI !== HTML_NS || !ALLOWED_TAG_SET.has(el.localName)) {
    root = el.ownerDocument.createElement('div');
    root.append(...Array.from(el.childNodes));
  }
  const purifier = purifierFor(win, 'inPlace');
  try {
    purifier.sanitize(root);
  } catch {
    // DOMPurify refuses to hand back a tree that kept changing under it (seen with happy-dom's
    // NodeIterator, which skips nodes put back during the walk). Sanitise a copy of what is there
    // now instead. Kept in the product: the refusal is DOMPurify's own check, in any DOM, and it
    // must not cost the reader its article.
    const fragment = purify(root, baseUrl, win);
    const only = fragment.childNodes.length === 1 ? fragment.firstElementChild : null;
    return only && only.localName === root.localName ? only.innerHTML : serialize(fragment, win);
  } finally {
    // DOMPurify keeps what it removed until its next call: nodes that would hold the page's copy.
    purifier.removed = [];
  }
  secondPass(root, baseUrl);
  return root.innerHTML;
}

/**
 * Our allow-list, applied again to DOMPurify's output over a static element list, and every URL
 * checked. It makes the result independent of how well the DOM's NodeIterator copes with
 * removals (happy-dom's stops at the first removed node, so DOMPurify alone kept <iframe>s there).
 */
function enforce(root: DocumentFragment | Element, base: string): void {
  // Comments carry nothing a reader sees, and markup inside one is an mXSS classic
  // ("<!--</textarea><img onerror=…>-->" once re-parsed in another context): none survive.
  const comments = (root.ownerDocument ?? root).createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const found: Node[] = [];
  for (let c = comments.nextNode(); c; c = comments.nextNode()) found.push(c);
  for (const c of found) c.parentNode?.removeChild(c);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue; // inside an element removed earlier
    const tag = el.localName;
    if (el.namespaceURI !== HTML_NS || DROP_SET.has(tag)) {
      el.remove();
      continue;
    }
    if (!ALLOWED_TAG_SET.has(tag)) {
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    for (const name of el.getAttributeNames()) if (!ALLOWED_ATTR_SET.has(name)) el.removeAttribute(name);
    fixUrls(el, base);
  }
}

/** <img>/<source> left with no URL at all are empty boxes; so is a <picture> without an <img>. */
function dropEmptyMedia(root: DocumentFragment | Element): void {
  for (const el of root.querySelectorAll('img, source')) {
    const orphan = el.localName === 'source' && el.parentElement?.localName !== 'picture';
    if (orphan || (!el.hasAttribute('src') && !el.hasAttribute('srcset'))) el.remove();
  }
  for (const picture of root.querySelectorAll('picture')) if (!picture.querySelector('img')) picture.remove();
}
