// URL rules shared by every extractor: only http(s) leaves lib/, and "the same page" ignores
// fragments and tracking parameters.

const TRACKING_PARAM = /^(utm_[a-z]+|from|ref|iref|spm|fbclid|gclid|share|source)$/i;

/**
 * Resolves `raw` against `base` and returns it only when it is http(s).
 * Control characters and whitespace are stripped first, as the URL parser does, so an
 * obfuscated "\x01JaVa\tScript:" is judged by the scheme the browser would really use.
 */
export function toHttpUrl(raw: string | null | undefined, base: string): string | null {
  if (raw == null) return null;
  const cleaned = raw.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
  if (!cleaned) return null;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A raw value whose scheme, once invisible characters are gone, is not http(s) is refused
  // even if the parser resolved it as a relative path.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return null;
  return url.href;
}

/** Image URLs may also be inline `data:image/` (not SVG: it can carry script). */
export function toImageUrl(raw: string | null | undefined, base: string): string | null {
  if (raw && /^\s*data:image\/(png|jpe?g|gif|webp|avif);/i.test(raw)) return raw.trim();
  return toHttpUrl(raw, base);
}

/** The key under which two URLs name the same page: no fragment, no tracking parameters. */
export function pageKey(href: string): string {
  // A URL's href (what toHttpUrl and a link's `href` give) without query or fragment is its key.
  if (!href.includes('?') && !href.includes('#')) return href;
  try {
    const url = new URL(href);
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) {
      if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
    }
    url.search = url.searchParams.toString() ? `?${url.searchParams}` : '';
    return url.href;
  } catch {
    return href;
  }
}

/** True when `href` points at the page `pageUrl` itself (same scheme, host and path). */
export function isSelfLink(href: string, pageUrl: string): boolean {
  try {
    const a = new URL(href);
    const b = new URL(pageUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
