// Which pages the Firefox race reads, and the one server they come from (Firefox sends all its
// traffic to that server as a proxy, firefox-launch.ts: fixtures and corpus must share it).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NO_SCRIPTS_CSP } from '../../chromium/pages';
import { labelsOf } from '../../../tests/support/load-page';
import { servePages, type PageServer } from '../../../tests/support/page-server';
import { CORPUS, CORPUS_PAGES, FIXTURES } from '../../../tests/support/paths';

export interface RacePageSource {
  id: string;
  lang: string;
  /** Path on the server. */
  path: string;
  file: string;
  /** Fixtures are UTF-8; corpus pages are served as saved (their <meta charset> decides). */
  contentType: string;
}

interface IndexEntry {
  id: string;
  lang: string;
  is_article: boolean;
  synthetic: boolean;
}

/**
 * About `perLang` Chinese and `perLang` English articles of the corpus, deterministic: real (not
 * synthetic) articles sorted by id, every k-th of each language so the choice spans the sites.
 */
export function chooseCorpusPages(index: IndexEntry[], perLang: number): IndexEntry[] {
  const chosen: IndexEntry[] = [];
  for (const lang of ['zh', 'en']) {
    const pool = index.filter((p) => p.lang === lang && p.is_article && !p.synthetic).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!pool.length || perLang <= 0) continue;
    const k = Math.max(1, Math.floor(pool.length / perLang));
    for (let i = 0; i < pool.length && chosen.filter((c) => c.lang === lang).length < perLang; i += k) chosen.push(pool[i]);
  }
  return chosen;
}

/** The fixtures (each at its labelled path), then the chosen corpus pages (at /corpus/<id>); `skipped` says why none are there. */
export function racePages(perLang: number, only: RegExp | null): { pages: RacePageSource[]; skipped: string[] } {
  const skipped: string[] = [];
  const pages: RacePageSource[] = [];
  for (const id of readdirSync(FIXTURES).sort()) {
    if (!existsSync(join(FIXTURES, id, 'labels.json'))) continue;
    const labels = labelsOf(id);
    if (!labels.url) continue;
    pages.push({ id, lang: labels.lang ?? '?', path: new URL(labels.url).pathname, file: join(FIXTURES, id, 'source.html'), contentType: 'text/html; charset=utf-8' });
  }
  const indexFile = join(CORPUS, 'index.json');
  if (!existsSync(indexFile)) skipped.push(`corpus ${CORPUS} is absent: the race reads the fixtures only`);
  else {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as IndexEntry[];
    for (const p of chooseCorpusPages(index, perLang)) {
      const file = join(CORPUS_PAGES, p.id, 'source.html');
      if (existsSync(file)) pages.push({ id: p.id, lang: p.lang, path: `/corpus/${encodeURIComponent(p.id)}`, file, contentType: 'text/html' });
    }
  }
  return { pages: pages.filter((p) => !only || only.test(p.id)), skipped };
}

/**
 * Serves `pages` with page scripts off (the CSP the Chromium bench puts on its pages): what is
 * raced is reading the page, not the page's own scripts, and those would only reach for the
 * network. Extension scripts and Firefox's Reader View are not bound by a page's CSP.
 */
export function serveRacePages(pages: RacePageSource[]): Promise<PageServer> {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return servePages((url) => {
    const page = byPath.get(url.pathname);
    return page ? { file: page.file, contentType: page.contentType, headers: { 'content-security-policy': NO_SCRIPTS_CSP } } : undefined;
  });
}
