// The ONE component that renders article HTML. The extractor already sanitised it in the page;
// it is sanitised again here, in the extension's own document, because the page that produced it
// is untrusted (defence in depth).
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { sanitizeHtml } from '@/lib/extract/sanitize';
import { toHttpUrl } from '@/lib/extract/url';
import type { OpenIntent } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { openIntent } from './open-intent';

export interface ArticleBodyProps {
  html: string;
  baseUrl: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  onOpenLink: (url: string, intent: OpenIntent) => void;
  t: Translate;
}

/**
 * Above this much HTML (a 5 MB page gives 4.9 MB), blocks off screen are not laid out until they
 * scroll near (reader.css .sift-long), and the article is sanitised and rendered in parts: the
 * first screen paints at once, the rest follows a part per task, and the popup stays responsive.
 */
const LONG_HTML = 200_000;
/**
 * Any article longer than about one and a half of this is cut after its first paragraphs, a
 * screen or two of text: the first frame sanitises, lays out and paints only that, under the
 * title, and the rest follows in the next task (issue 16: the first frame has no work the reader
 * does not see in it).
 */
const FIRST_PART = 6_000;
const PART = 250_000;
const SIBLING_PARAGRAPHS = /<\/p>\s*(?=<p[\s>])/gi;

/**
 * `html` cut between sibling paragraphs ("</p><p") into parts of about `first`, then `size`,
 * characters; one part when it is not long. Each part is sanitised on its own, so a cut can never
 * make anything unsafe; at worst a part leaves the block that held its paragraphs.
 */
export function splitLongHtml(html: string, first = FIRST_PART, size = PART): string[] {
  if (html.length <= first * 1.5) return [html];
  const parts: string[] = [];
  let start = 0;
  let want = first;
  while (html.length - start > want * 1.5) {
    SIBLING_PARAGRAPHS.lastIndex = start + want;
    const cut = SIBLING_PARAGRAPHS.exec(html);
    if (!cut) break;
    const end = cut.index + cut[0].length;
    parts.push(html.slice(start, end));
    start = end;
    want = size;
  }
  parts.push(html.slice(start));
  return parts;
}

export function ArticleBody({ html, baseUrl, lang, dir, onOpenLink, t }: ArticleBodyProps) {
  const parts = useMemo(() => splitLongHtml(html), [html]);
  const safe = useMemo(() => {
    try {
      return { html: sanitizeHtml(parts[0], baseUrl) };
    } catch (err) {
      return { error: String(err) };
    }
  }, [parts, baseUrl]);

  // An image with a srcset is told the width of our column (the page's `sizes` described the
  // page's layout), so the browser picks the candidate that fits: 400w in a narrow popup, 1600w
  // on a wide 2x screen. Measured, and again whenever the column changes (size, width, window).
  const body = useRef<HTMLDivElement>(null);
  const fitRef = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const fit = () => {
      const images = element.querySelectorAll('img[srcset]');
      // Reading clientWidth lays out the whole article at once: not for an article without srcsets.
      if (!images.length) return;
      const width = Math.round(element.clientWidth);
      for (const img of images) img.setAttribute('sizes', width > 0 ? `${width}px` : '100vw');
    };
    fitRef.current = fit;
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [safe]);

  // A broken or blocked image (hotlink protection, a page-relative URL, an ad blocker) collapses
  // instead of leaving a broken icon or the empty box its width and height reserved. `error` does
  // not bubble: listened for in the capture phase, for every part, and the images that failed
  // before the listener was there are looked for once.
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const collapse = (img: HTMLImageElement) => {
      img.classList.add('sift-broken');
      if (img.parentElement?.localName === 'picture') img.parentElement.classList.add('sift-broken');
    };
    const onError = (event: Event) => {
      const target = event.target as Element | null;
      if (target?.localName === 'img') collapse(target as HTMLImageElement);
    };
    element.addEventListener('error', onError, true);
    for (const img of element.querySelectorAll('img')) {
      // decode() rejects only for an image that cannot be shown (an SVG without a size has none either).
      if (img.complete && img.naturalWidth === 0 && img.currentSrc) img.decode().catch(() => collapse(img));
    }
    return () => element.removeEventListener('error', onError, true);
  }, [safe]);

  // The parts after the first, one per task, each sanitised before it is added.
  useEffect(() => {
    const element = body.current;
    if (!element || parts.length < 2 || 'error' in safe) return;
    let next = 1;
    let timer: ReturnType<typeof setTimeout>;
    const addPart = () => {
      try {
        element.insertAdjacentHTML('beforeend', sanitizeHtml(parts[next], baseUrl));
      } catch {
        const note = element.ownerDocument.createElement('p');
        note.className = 'sift-note';
        note.textContent = t('unsafeArticle');
        element.append(note);
        return;
      }
      fitRef.current();
      if (++next < parts.length) timer = setTimeout(addPart, 0);
    };
    timer = setTimeout(addPart, 0);
    return () => clearTimeout(timer);
  }, [safe]);

  // Links in the article must not navigate the popup (or leave the reader): they open in a tab,
  // and a link to a place in this article scrolls there.
  const onLinkClick = (event: JSX.TargetedMouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    const intent = openIntent(event);
    event.preventDefault();
    const raw = link.getAttribute('href') ?? '';
    if (raw.startsWith('#')) {
      const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
      const id = decodeURIComponent(raw.slice(1));
      root.getElementById?.(id)?.scrollIntoView({ block: 'start' });
      return;
    }
    const url = toHttpUrl(raw, baseUrl);
    if (url && intent) onOpenLink(url, intent);
  };

  if ('error' in safe) {
    return <p class="sift-note">{t('unsafeArticle')}</p>;
  }
  return (
    <div
      ref={body}
      class={html.length > LONG_HTML ? 'sift-body sift-long' : 'sift-body'}
      lang={lang || undefined}
      dir={dir}
      onClick={onLinkClick}
      onAuxClick={onLinkClick}
      dangerouslySetInnerHTML={{ __html: safe.html }}
    />
  );
}
