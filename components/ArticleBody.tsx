// The ONE component that renders article HTML. The extractor already sanitised it in the page;
// it is sanitised again here, in the extension's own document, because the page that produced it
// is untrusted (defence in depth).
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { sanitizeHtml } from '@/lib/sanitize';
import { toHttpUrl } from '@/lib/url';
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
 * scroll near (reader.css .sift-long): the first screen paints in a fraction of the time.
 */
const LONG_HTML = 200_000;

export function ArticleBody({ html, baseUrl, lang, dir, onOpenLink, t }: ArticleBodyProps) {
  const safe = useMemo(() => {
    try {
      return { html: sanitizeHtml(html, baseUrl) };
    } catch (err) {
      return { error: String(err) };
    }
  }, [html, baseUrl]);

  // An image with a srcset is told the width of our column (the page's `sizes` described the
  // page's layout), so the browser picks the candidate that fits: 400w in a narrow popup, 1600w
  // on a wide 2x screen. Measured, and again whenever the column changes (size, width, window).
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    // Reading clientWidth lays out the whole article at once: not for an article without srcsets.
    if (!element.querySelector('img[srcset]')) return;
    const fit = () => {
      const width = Math.round(element.clientWidth);
      for (const img of element.querySelectorAll('img[srcset]')) img.setAttribute('sizes', width > 0 ? `${width}px` : '100vw');
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
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
      class={safe.html.length > LONG_HTML ? 'sift-body sift-long' : 'sift-body'}
      lang={lang || undefined}
      dir={dir}
      onClick={onLinkClick}
      onAuxClick={onLinkClick}
      dangerouslySetInnerHTML={{ __html: safe.html }}
    />
  );
}
