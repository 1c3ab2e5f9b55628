// A CSS selector for an element the reader pointed at ("Pick the article", "Remove": issue 19),
// meant to find the element of the same role on the site's other pages: a stable id, or the tag
// with its distinctive classes, anchored on the nearest ancestors that make it unique. Ids and
// classes that look generated (digit-heavy: "post-18342", "css-1x9f2a") change from page to page
// and are left out; a position (:nth-of-type) is the last resort. Pure: reads the element's
// document, never changes it; the result is checked to match exactly that element there.
import { MAX_SELECTOR_LENGTH } from './site-rules';

/** Names written as they are (no escaping needed): letters first, then letters, digits, - and _. */
const PLAIN_NAME = /^[A-Za-z_][\w-]*$/;
/** Classes that say the element's state, not its role: another page has another state. */
const STATE_CLASS = /^(is-|has-|js-)|^(active|current|selected|open|opened|closed|hover|focus|focused|visible|hidden|show|shown|in|on|loaded|lazyloaded|sticky|fixed)$/i;
/**
 * Tags whose id the extractor's copy of the page drops (lib/extract/article/declobber.ts
 * CLOBBERING): a rule naming that id would never match there.
 */
const ID_DROPPED = new Set(['form', 'input', 'button', 'select', 'textarea', 'fieldset', 'output', 'object', 'embed', 'img', 'iframe', 'frame', 'image']);
const MAX_CLASSES = 3;

/** A name a template wrote, not one a build tool or a CMS numbered. */
export function stableName(name: string): boolean {
  if (!PLAIN_NAME.test(name) || name.length > 40) return false;
  const digits = name.replace(/\D/g, '').length;
  return digits <= 1 || (digits === 2 && digits / name.length < 0.2);
}

function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && !ID_DROPPED.has(el.localName) && stableName(id) ? id : null;
}

function stableClasses(el: Element): string[] {
  const names = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && stableName(c) && !STATE_CLASS.test(c));
  return [...new Set(names)].slice(0, MAX_CLASSES);
}

/** One step of a selector for `el`: #id, or tag.class.class, with its position when asked. */
function segment(el: Element, position: boolean): string {
  const id = stableId(el);
  if (id) return `#${id}`;
  const tag = PLAIN_NAME.test(el.localName) ? el.localName : '*';
  const classes = stableClasses(el).map((c) => `.${c}`).join('');
  if (!position) return tag + classes;
  let n = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.localName === el.localName) n++;
  return `${tag}${classes}:nth-of-type(${n})`;
}

/** Whether `el` says something about itself: an id or a class (a bare "div" says nothing). */
function distinctive(el: Element): boolean {
  return !!stableId(el) || stableClasses(el).length > 0 || /^(main|article|header|footer|aside|nav|section)$/.test(el.localName);
}

function matchesOnly(el: Element, selector: string): boolean {
  if (selector.length > MAX_SELECTOR_LENGTH) return false;
  try {
    const all = el.ownerDocument.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

/** `el`'s ancestors up to (not including) <body> or <html>, nearest first. */
function ancestorsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && p.localName !== 'body' && p.localName !== 'html'; p = p.parentElement) out.push(p);
  return out;
}

/**
 * A selector that matches `el` and nothing else in its document, within MAX_SELECTOR_LENGTH; null
 * when there is none (an element outside <body>, or one too deep to name in that many characters).
 * `positions: false`: none that counts positions either (a "Remove" rule: "the fifth paragraph"
 * would remove another paragraph on every other page of the site).
 */
export function selectorFor(el: Element, { positions = true } = {}): string | null {
  if (!el.ownerDocument.body?.contains(el) || el === el.ownerDocument.body) return null;
  const ancestors = ancestorsOf(el);
  // Without positions first (the same role on another page), then with them on the element, then everywhere.
  for (const position of positions ? (['none', 'self', 'all'] as const) : (['none'] as const)) {
    const own = segment(el, position !== 'none');
    if (matchesOnly(el, own)) return own;
    // Anchored on the distinctive ancestors, nearest first, until it is unique; an id ends the chain.
    let chain = own;
    for (const anc of ancestors) {
      if (position !== 'all' && !distinctive(anc)) continue;
      const step = segment(anc, position === 'all');
      chain = `${step} ${chain}`;
      if (chain.length > MAX_SELECTOR_LENGTH) break;
      if (matchesOnly(el, chain)) return chain;
      if (stableId(anc)) break;
    }
  }
  if (!positions) return null;
  // Every step with its position, child by child from <body>: unique by construction.
  const path = [el, ...ancestors].reverse().map((e) => segment(e, true));
  const full = `body > ${path.join(' > ')}`;
  return matchesOnly(el, full) ? full : null;
}
