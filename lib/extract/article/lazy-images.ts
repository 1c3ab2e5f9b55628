// Lazy-loaded images, promoted to real ones in the article clone before Readability runs.
// Sites keep the real URL in a data-* attribute and a placeholder (grey.gif, a 1x1 GIF, an SVG
// data: URI) in src: seed-dedecms (data-original), seed-wordpress-zh (data-src + SVG src),
// en-news-related (data-src/data-srcset), Medium/Kotaku (<noscript> fallbacks).

const SRC_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-lazyload', 'data-url', 'data-echo'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
const PLACEHOLDER_NAME = /(?:^|[/_.-])(?:grey|gray|blank|spacer|pixel|placeholder|loading|lazy|transparent|1x1)[\w-]*\.(?:gif|png|svg|jpe?g|webp)(?:$|[?#])/i;

/** True when `src` is no real picture: missing, inline data: (tiny GIF, SVG box) or a placeholder file. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  const s = src.trim();
  if (/^data:/i.test(s)) return /^data:image\/svg/i.test(s) || s.length < 200;
  return PLACEHOLDER_NAME.test(s);
}

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name)?.trim();
    if (value && !/^data:/i.test(value)) return value;
  }
  return null;
}

/** The <img> inside a <noscript> right after (or around) `img`, parsed without running anything. */
function noscriptImage(img: Element): Element | null {
  const next = img.nextElementSibling ?? img.parentElement?.nextElementSibling ?? null;
  if (!next || next.localName !== 'noscript') return null;
  const markup = next.textContent ?? '';
  if (!/<img\b/i.test(markup)) return next.querySelector('img');
  // <noscript> content is raw text in a scripting DOM: read it with an inert template.
  const template = img.ownerDocument.createElement('template');
  template.innerHTML = markup; // inert: nothing loads or runs; the article is sanitised later
  return template.content.querySelector('img');
}

/** Puts the real image URL into src/srcset of every lazy <img> and <source> under `root` (a clone). */
export function promoteLazyImages(root: Document | Element): void {
  for (const img of Array.from(root.querySelectorAll('img, source'))) {
    const src = img.getAttribute('src');
    const real = firstAttr(img, SRC_ATTRS);
    const realSet = firstAttr(img, SRCSET_ATTRS);
    if (real && (isPlaceholderSrc(src) || real !== src)) img.setAttribute('src', real);
    if (realSet) img.setAttribute('srcset', realSet);
    if (img.localName === 'img' && !real && !realSet && isPlaceholderSrc(src)) {
      const fallback = noscriptImage(img);
      const fallbackSrc = fallback?.getAttribute('src');
      if (fallback && fallbackSrc) {
        img.setAttribute('src', fallbackSrc);
        const set = fallback.getAttribute('srcset');
        if (set) img.setAttribute('srcset', set);
        if (!img.getAttribute('alt') && fallback.getAttribute('alt')) img.setAttribute('alt', fallback.getAttribute('alt')!);
      }
    }
    // A placeholder that stays would render as a grey box or a broken image.
    if (isPlaceholderSrc(img.getAttribute('src')) && !img.getAttribute('srcset')) img.removeAttribute('src');
  }
}
