// `npm run eval -- --browser`: the shipped pipeline, lib/extract/index.ts's extract(), run inside
// Chromium (the bench's page bundle, built from lib/), compared with the same call in happy-dom,
// page by page. Readers run
// Chromium; happy-dom is what the unit tests and the default eval use, and the two DOMs differ
// (parser corner cases, innerText, CSS-free visibility, URL resolution), so every disagreement
// is listed.
import {
  buildPageBundle,
  injectBundle,
  launchChromium,
  offlineContext,
  readPageSource,
} from '../chromium/pages';
import type { BrowserEvalResult } from '../in-page/index';
import { loadPage } from '../../tests/support/load-page';
import { extract } from '../../lib/extract/index';

export interface PageEval extends BrowserEvalResult {
  id: string;
  dir: string;
  /** The address the page was loaded at (labels.url or the corpus placeholder). */
  url: string;
}

/**
 * Loads each page folder in Chromium (page scripts off, no network, the same decoding as
 * load-page.ts) and runs extract() in the page.
 */
export async function evalInBrowser(dirs: string[], onProgress?: (done: number, total: number) => void): Promise<PageEval[]> {
  const bundle = await buildPageBundle();
  const browser = await launchChromium();
  const results: PageEval[] = [];
  try {
    const offline = await offlineContext(browser);
    for (const [i, dir] of dirs.entries()) {
      const src = readPageSource(dir);
      const base = { id: src.id, dir, url: src.url };
      try {
        const page = await offline.open(src);
        try {
          await injectBundle(page, bundle);
          const r = await page.evaluate((url) => (globalThis as any).__siftBench.evalPage(url) as BrowserEvalResult, src.url);
          results.push({ ...base, ...r });
        } finally {
          await page.close();
        }
      } catch (err) {
        results.push({ ...base, isArticle: null, relatedHrefs: [], title: null, error: (err as Error).message.split('\n')[0] });
      }
      onProgress?.(i + 1, dirs.length);
    }
    await offline.close();
  } finally {
    await browser.close();
  }
  return results;
}

/** The same results from extract() in happy-dom (load-page.ts), in the same shape. */
export function evalInHappyDom(dir: string): Promise<PageEval> {
  const page = loadPage(dir);
  let result: PageEval;
  try {
    const extraction = extract(page.document, page.url);
    result = {
      id: page.id,
      dir,
      url: page.url,
      isArticle: extraction.detection.isArticle,
      relatedHrefs: extraction.related.flatMap((b) => b.items.map((i) => i.url)),
      title: extraction.article?.title ?? null,
    };
  } catch (err) {
    result = { id: page.id, dir, url: page.url, isArticle: null, relatedHrefs: [], title: null, error: `extract: ${(err as Error).message}` };
  }
  return page.close().then(() => result);
}

export interface Disagreement {
  id: string;
  /** What differs: "isArticle", "title", "related" (hrefs), "related order" or "error". */
  field: string;
  happyDom: string;
  chromium: string;
}

function differences(h: PageEval, c: PageEval): Disagreement[] {
  const out: Disagreement[] = [];
  const add = (field: string, a: unknown, b: unknown) =>
    out.push({ id: h.id, field, happyDom: typeof a === 'string' ? a : JSON.stringify(a), chromium: typeof b === 'string' ? b : JSON.stringify(b) });
  if ((h.error ?? '') !== (c.error ?? '')) add('error', h.error ?? '', c.error ?? '');
  if (h.isArticle !== c.isArticle) add('isArticle', h.isArticle, c.isArticle);
  if (h.title !== c.title) add('title', h.title, c.title);
  const hs = new Set(h.relatedHrefs);
  const cs = new Set(c.relatedHrefs);
  const onlyH = h.relatedHrefs.filter((u) => !cs.has(u));
  const onlyC = c.relatedHrefs.filter((u) => !hs.has(u));
  if (onlyH.length || onlyC.length) add('related', onlyH.join(' '), onlyC.join(' '));
  else if (h.relatedHrefs.join('\n') !== c.relatedHrefs.join('\n')) add('related order', h.relatedHrefs.length, c.relatedHrefs.length);
  return out;
}

/** Runs both and lists every page where Chromium and happy-dom disagree. */
export async function compareWithChromium(
  dirs: string[],
  onProgress: (done: number, total: number) => void = (done, total) => {
    if (done % 20 === 0 || done === total) process.stderr.write(`browser: ${done}/${total} pages in Chromium\n`);
  },
): Promise<{ pages: number; disagreements: Disagreement[]; chromium: PageEval[]; happyDom: PageEval[] }> {
  const chromium = await evalInBrowser(dirs, onProgress);
  const happyDom: PageEval[] = [];
  for (const dir of dirs) happyDom.push(await evalInHappyDom(dir));
  const disagreements = happyDom.flatMap((h, i) => differences(h, chromium[i]));
  return { pages: dirs.length, disagreements, chromium, happyDom };
}

/** Plain-text lines for a report: one per disagreement, then a count. */
export function formatDisagreements(result: { pages: number; disagreements: Disagreement[] }): string[] {
  const lines = result.disagreements.map(
    (d) => `${d.id}: ${d.field} differs\n    happy-dom: ${d.happyDom || '(none)'}\n    chromium:  ${d.chromium || '(none)'}`,
  );
  const pages = new Set(result.disagreements.map((d) => d.id)).size;
  lines.push(`browser: Chromium and happy-dom disagree on ${pages} of ${result.pages} pages`);
  return lines;
}
