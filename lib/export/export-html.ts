// The reader view as one self-contained HTML file (issue 18, "Take it away"): the sanitised article
// with the reader's CSS inlined, its title and meta line, and the related blocks as links, grouped
// as the reader shows them. No script of any kind, and a Content-Security-Policy that allows none
// either, so the file cannot run anything whatever a page smuggled into its text; images stay at
// their absolute http(s) URLs (or inline data: images), so the file is one file.
import { relatedGroups, safeUrl, type RelatedOptions, type RelatedGroup } from './markdown';
import type { Extraction } from '../extract/types';

export interface HtmlOptions extends RelatedOptions {
  /** The reader's style sheet (components/reader.css), inlined. */
  css: string;
  /** The article body, sanitised for this document (lib/extract/sanitize.ts sanitizeHtml). */
  bodyHtml: string;
  /** The reader's theme and font, as the view shows them. */
  theme?: string;
  font?: string;
  /** The related list's heading for a block without one, in the UI language. */
  untitledHeading?: string;
}

/** The policy of the saved file: styles inline, images and media from the web, nothing else. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; media-src http: https:; base-uri 'none'; form-action 'none'";

/** Extra rules for a page of its own (the popup and reader mode have a bar and padding of theirs). */
const PAGE_CSS = 'html,body{margin:0;padding:0}.sift{min-height:100vh;padding:1em 1.5em}';

/**
 * The HTML file for `x`. `doc` is any document (the popup's, the page's, happy-dom's): the file is
 * built as a detached document of its own, text set as text, so nothing is ever parsed as markup but
 * the sanitised body.
 */
export function toHtmlFile(x: Extraction, opts: HtmlOptions, doc: Document = document): string {
  const out = doc.implementation.createHTMLDocument('');
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, text?: string) => {
    const node = out.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) if (value) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const a = x.article;
  const title = (a?.title ?? x.page?.title ?? '').replace(/\s+/g, ' ').trim();
  const lang = a?.langTag || a?.lang || x.detection.lang || '';
  if (lang) out.documentElement.lang = lang;
  if (a?.dir) out.documentElement.dir = a.dir;

  out.head.append(
    el('meta', { charset: 'utf-8' }),
    el('meta', { 'http-equiv': 'Content-Security-Policy', content: EXPORT_CSP }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'referrer', content: 'no-referrer' }),
    el('title', {}, title),
  );
  const source = safeUrl(x.url);
  if (source) out.head.append(el('link', { rel: 'canonical', href: source }));
  out.head.append(el('style', {}, `${opts.css}\n${PAGE_CSS}`));

  const root = el('div', { class: 'sift', 'data-theme': opts.theme ?? 'auto', 'data-font': opts.font ?? 'sans' });
  const reader = el('div', { class: 'sift-reader' });
  root.append(reader);
  out.body.append(root);

  const article = el('article', { class: 'sift-article', lang: lang || undefined, dir: a?.dir });
  const header = el('header', { class: 'sift-header' });
  header.append(el('h1', { class: 'sift-title' }, title));
  const meta = el('p', { class: 'sift-meta' });
  if (source) meta.append(el('a', { class: 'sift-meta-part sift-source', href: source }, new URL(source).hostname.replace(/^www\./, '')));
  for (const part of new Set([a?.byline, a?.siteName ?? x.page?.siteName, isoDay(a?.publishedTime)])) {
    if (part?.trim()) meta.append(el('span', { class: 'sift-meta-part' }, part.trim()));
  }
  header.append(meta);
  article.append(header);
  if (a) {
    const body = el('div', { class: 'sift-body', lang: lang || undefined, dir: a.dir });
    // The one place markup goes in: the sanitised body, parsed by DOMParser (inert: nothing loads or runs).
    const parsed = new (doc.defaultView ?? window).DOMParser().parseFromString(opts.bodyHtml, 'text/html');
    body.append(...[...parsed.body.childNodes].map((node) => out.importNode(node, true)));
    article.append(body);
  }
  reader.append(article);

  const groups = relatedGroups(x.related, opts);
  if (groups.length) reader.append(relatedSection(groups, opts, el, lang, a?.dir));

  // Whatever the body held, the file carries no script, handler or frame (the CSP forbids them too).
  for (const node of out.querySelectorAll('script, iframe, frame, object, embed, base, form, noscript, template')) node.remove();
  for (const node of out.querySelectorAll('*'))
    for (const attr of [...node.attributes]) if (/^on/i.test(attr.name) || !safeAttr(attr.name, attr.value)) node.removeAttribute(attr.name);

  return `<!DOCTYPE html>\n${out.documentElement.outerHTML}\n`;
}

/** The day of an ISO date ("2026-01-02"); the text as it is when it is not one. */
function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
}

const IMAGE_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;

/** Links go to http(s) only; sources are http(s) or an inline raster image (never SVG, which can script). */
function safeAttr(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n === 'href' || n === 'xlink:href' || n === 'action' || n === 'formaction') return safeUrl(value.trim()) !== null;
  if (n === 'src' || n === 'poster' || n === 'data') return safeUrl(value.trim()) !== null || IMAGE_DATA.test(value.trim());
  if (n === 'srcset') return value.split(',').every((c) => { const url = c.trim().split(/\s+/)[0]; return !url || safeUrl(url) !== null || IMAGE_DATA.test(url); });
  if (n === 'srcdoc') return false;
  return true;
}

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string | undefined>, text?: string) => HTMLElementTagNameMap[K];

function relatedSection(groups: RelatedGroup[], opts: HtmlOptions, el: Make, lang: string, dir?: string): HTMLElement {
  const section = el('section', { class: 'sift-related-all', lang: lang || undefined, dir });
  for (const group of groups) {
    const block = el('section', { class: 'sift-related' });
    block.append(el('h2', { class: 'sift-related-heading' }, group.heading || opts.untitledHeading || 'Related'));
    if (group.first.length) block.append(list(group.first, el));
    if (group.off.length) {
      block.append(el('h3', { class: 'sift-related-off' }, opts.offTopicHeading ?? 'Other topics'));
      block.append(list(group.off, el));
    }
    section.append(block);
  }
  return section;
}

function list(items: RelatedGroup['first'], el: Make): HTMLElement {
  const ol = el('ol', { class: 'sift-items' });
  for (const item of items) {
    const li = el('li', { class: 'sift-item' });
    li.append(el('a', { class: 'sift-item-link', href: safeUrl(item.url) ?? undefined }, item.title.replace(/\s+/g, ' ').trim()));
    const snippet = item.snippet?.replace(/\s+/g, ' ').trim();
    if (snippet) li.append(el('p', { class: 'sift-snippet' }, snippet));
    ol.append(li);
  }
  return ol;
}

/** A file name for the article: its title, without characters file systems refuse, and the extension. */
export function exportFileName(x: Extraction, extension: 'md' | 'html'): string {
  const title = (x.article?.title ?? x.page?.title ?? '').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const short = [...title].slice(0, 80).join('').trim().replace(/^\.+/, '');
  return `${short || 'article'}.${extension}`;
}
