// Loads one labelled page folder (<dir>/source.html + <dir>/labels.json) into an offline
// happy-dom Window. Shared by `npm run eval`, tests/corpus.test.ts and benchmarks.
// happy-dom never fetches anything and never runs the page's scripts here: corpus pages are
// third-party HTML full of analytics and ad loaders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { Window } from 'happy-dom';
import { repairHappyDom } from './happy-dom';
import { FIXTURES } from './paths';

export interface LabelItem {
  title: string;
  href: string;
  snippet?: string | null;
}

/** The union of the fixture and corpus labels.json formats (fields absent in one are optional). */
export interface Labels {
  url: string | null;
  lang?: string;
  is_article: boolean;
  title?: string | null;
  article_must_contain?: string[];
  article_must_not_contain?: string[];
  related: LabelItem[];
  related_optional: LabelItem[];
  notes?: string;
}

export interface LoadedPage {
  id: string;
  dir: string;
  /** The address the page was loaded at: labels.url, or a placeholder when that is null. */
  url: string;
  labels: Labels;
  window: Window;
  document: Document;
  /** Frees the window; call it when done with the page. */
  close: () => Promise<void>;
}

/** The charset the page declares in a <meta>, or "utf-8". gb2312/gbk become GB18030 (a superset). */
export function declaredCharset(bytes: Buffer): string {
  // Meta tags are ASCII, so latin1 is a safe lens whatever the real encoding is.
  const head = bytes.subarray(0, 16384).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  const name = (m?.[1] ?? 'utf-8').toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(name)) return 'gb18030';
  return iconv.encodingExists(name) ? name : 'utf-8';
}

/**
 * Decodes with the declared charset, except that bytes which are valid UTF-8 are read as UTF-8:
 * browser-saved pages (GNE's people-1) keep a stale `charset=GB2312` meta over UTF-8 bytes, and
 * real GB2312/GBK text is practically never valid UTF-8.
 */
export function decodeHtml(bytes: Buffer): string {
  const charset = declaredCharset(bytes);
  if (charset !== 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // not UTF-8: the declaration is right
    }
  }
  return iconv.decode(bytes, charset);
}

export function placeholderUrl(id: string): string {
  return `https://corpus.invalid/${encodeURIComponent(id)}/`;
}

/** A happy-dom Window at `url` that neither fetches, navigates nor runs scripts. */
export function offlineWindow(url: string): Window {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableImageFileLoading: false,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
      fetch: {
        // Any request that still slips through is answered locally with an error.
        interceptor: {
          beforeAsyncRequest: async () => {
            throw new Error('network disabled in corpus loader');
          },
          beforeSyncRequest: () => {
            throw new Error('network disabled in corpus loader');
          },
        },
      },
    },
  });
  repairHappyDom(window as unknown as globalThis.Window);
  return window;
}

/** Parses `html` in an offline window at `url`. */
export function loadHtml(html: string, url: string): { window: Window; document: Document } {
  const window = offlineWindow(url);
  const document = window.document as unknown as Document;
  document.open();
  document.write(html);
  document.close();
  return { window, document };
}

/**
 * Reads <dir>/labels.json, the one reader of labels for every tool and test (the browser tests
 * too). `related` and `related_optional` are always arrays.
 */
export function readLabels(dir: string): Labels {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
  labels.related ??= [];
  labels.related_optional ??= [];
  return labels;
}

/** The labels of one of the project's fixtures, by id (tests/fixtures/<id>). */
export function labelsOf(id: string): Labels {
  return readLabels(join(FIXTURES, id));
}

/** The phrases the labels say the article holds; the browser tests only use fixtures that name some. */
export function mustContain(labels: Labels): string[] {
  if (!labels.article_must_contain?.length) throw new Error('these labels name no article_must_contain phrase');
  return labels.article_must_contain;
}

export function loadPage(dir: string): LoadedPage {
  const id = basename(dir);
  const labels = readLabels(dir);
  const url = labels.url ?? placeholderUrl(id);
  const html = decodeHtml(readFileSync(join(dir, 'source.html')));
  const { window, document } = loadHtml(html, url);
  return {
    id,
    dir,
    url,
    labels,
    window,
    document,
    close: async () => {
      await window.happyDOM.abort();
      await window.happyDOM.close();
    },
  };
}

/** The page folders (those holding source.html and labels.json) under `root`, sorted by id. */
export function listPageDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(root, e.name))
    .filter((d) => existsSync(join(d, 'source.html')) && existsSync(join(d, 'labels.json')))
    .sort();
}

/**
 * Second-level labels under which a country code hands out names (bbc.co.uk, sina.com.cn,
 * uol.com.br, yahoo.co.jp): with one of these before a 2-letter top-level label, the registrable
 * domain keeps three labels. A short list, not the Public Suffix List: enough for the corpus.
 */
const GENERIC_SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'ac', 'mil', 'or', 'ne', 'go', 'gob']);

/** `hostname` reduced to its registrable domain: news.sina.com.cn → sina.com.cn, news.sky.com → sky.com. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  // IP addresses and single labels (localhost) have no registrable part to cut to.
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return host;
  const labels = host.split('.');
  const n = labels.length;
  const keep = n >= 3 && /^[a-z]{2}$/.test(labels[n - 1]) && GENERIC_SECOND_LEVEL.has(labels[n - 2]) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * The site a labelled page comes from, for grouping pages by site: the name of the registrable
 * domain of labels.url (news.sina.com.cn → "sina"; bbc.co.uk and bbc.com are one site, "bbc";
 * yahoo.com and yahoo.co.jp one owner, "yahoo"). Without an http(s) URL, the id says it: its
 * second dash-separated token (gne-sina-1 → "sina", ia-sohu-33a95b71 → "sohu", so a sohu.com
 * page without a URL is grouped with those that have one), except Mozilla Readability's test
 * pages, which are each their own case (many synthetic: "readability-base-url" and
 * "readability-base-url-base-element" are not one site) and keep their whole id.
 */
export function siteOf(id: string, labels: Pick<Labels, 'url'>): string {
  if (labels.url) {
    try {
      const u = new URL(labels.url);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname) {
        const domain = registrableDomain(u.hostname);
        return /^[\d.]+$/.test(domain) ? domain : domain.split('.')[0];
      }
    } catch {
      // not a URL: fall back to the id
    }
  }
  if (id.startsWith('readability-')) return id;
  const tokens = id.split('-');
  return tokens[1] ?? tokens[0];
}

/** FNV-1a (32-bit) of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The deterministic ~30% of SITES kept aside while tuning the extractors (FNV-1a hash of
 * siteOf), so that no site has pages on both sides: a rule written for one page of a site
 * cannot score on its sibling in the holdout. Tune on the rest; report both.
 */
export function isHoldout(id: string, labels: Pick<Labels, 'url'>): boolean {
  return fnv1a(siteOf(id, labels)) % 10 < 3;
}

/** The site-grouped fold (0-4) of a page, for a 5-fold cross-check: the same hash, modulo 5. */
export function siteFold(id: string, labels: Pick<Labels, 'url'>): number {
  return fnv1a(siteOf(id, labels)) % 5;
}
