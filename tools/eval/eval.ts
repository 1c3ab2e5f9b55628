// `npm run eval`: scores what ships, lib/extract/index.ts's extract(doc, url) (the reader view's one
// call: detection, article, related), against labelled page folders
// (DIR/<id>/{source.html,labels.json}, read by tests/support/load-page.ts).
//   --corpus DIR   (repeatable) default: ../shared/corpus/pages (skipped with a note when absent)
//                  and tests/fixtures
//   --holdout      only the ~30% of SITES held out from tuning (load-page.ts isHoldout: a hash of
//                  siteOf, so that no site has pages on both sides)
//   --tune         only the other ~70%
//   --page ID      only this page (repeatable)
//   --json         print the results as JSON instead of text
//   --quiet        summary only (no per-page misses, no list of badge disagreements)
//   --browser      also run lib/ inside Chromium (tools/eval/eval-browser.ts) and list every page
//                  where Chromium and happy-dom disagree
// Scored: related items = the URLs of extract().related's items; detection = extract().detection
// .isArticle; title and must(-not)-contain phrases = extract().article. Badge agreement: on the
// pages labelled articles, the toolbar badge's count (detect(doc, url, ON_PAGE_LOAD).relatedCount,
// what the content script computes) equals the popup's (the items of extract().related).
// Also printed: the figures of each side of the site-grouped split, and P/R of the 5 site-grouped
// folds (site hash % 5; the extractor is rules, nothing is trained: this shows the spread).
// The last line of the plain output is always
//   related P=0.xxx R=0.xxx F1=0.xxx | detect acc=0.xxx | pages=N | badge agree=0.xxx
//     | relevance off P=0.xxx R=0.xxx on-flagged=0.xxx items=N
//   (relevance: tools/eval/relevance-eval.ts, over the pages that have a relevance.json)
import { formatRelevance, scoreRelevance, summariseRelevance, type RelevancePageResult } from './relevance-eval';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ON_PAGE_LOAD, detect } from '../../lib/extract/detect/detect';
import { extract } from '../../lib/extract/index';
import { itemCount } from '../../lib/extract/related/extract-related';
import { collapseWhitespace } from '../../lib/extract/text';
import type { Extraction } from '../../lib/extract/types';
import { isHoldout, listPageDirs, loadPage, readLabels, siteFold, siteOf, type LoadedPage } from '../../tests/support/load-page';
import { CORPUS_PAGES, FIXTURES } from '../../tests/support/paths';

const FOLDS = 5;

type Split = 'tune' | 'holdout';

interface PageResult {
  id: string;
  /** Graded related items against relevance.json, when the page has one (issue 15). */
  relevance?: RelevancePageResult | null;
  /** load-page.ts siteOf, and the side and fold its hash puts the site on. */
  site: string;
  split: Split;
  fold: number;
  /** Related items: found and labelled related / labelled optional / not labelled; labelled related missed. */
  hits: number;
  optionalHits: number;
  extra: string[];
  missed: string[];
  found: number;
  expected: number;
  /** extract().detection.isArticle equals the label (false when extract() threw). */
  detection: boolean;
  isArticle: boolean;
  /** Pages labelled articles only: the badge's and the popup's counts (null: the call threw). */
  badge?: { badge: number | null; popup: number | null };
  titleOk?: boolean;
  titleGot?: string | null;
  mustContain: number;
  mustNotContain: number;
  mustContainMissing: string[];
  mustNotContainPresent: string[];
  errors: string[];
}

function resolveHref(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function textOfHtml(page: LoadedPage, html: string): string {
  const parsed = new page.window.DOMParser().parseFromString(html, 'text/html');
  return collapseWhitespace(parsed.body?.textContent ?? '');
}

function scorePage(page: LoadedPage): PageResult {
  const { labels, document: doc, url } = page;
  const base = doc.baseURI && /^https?:/.test(doc.baseURI) ? doc.baseURI : url;
  const result: PageResult = {
    id: page.id,
    site: siteOf(page.id, labels),
    split: isHoldout(page.id, labels) ? 'holdout' : 'tune',
    fold: siteFold(page.id, labels),
    hits: 0,
    optionalHits: 0,
    extra: [],
    missed: [],
    found: 0,
    expected: 0,
    detection: false,
    isArticle: labels.is_article,
    mustContain: labels.article_must_contain?.length ?? 0,
    mustNotContain: labels.article_must_not_contain?.length ?? 0,
    mustContainMissing: [],
    mustNotContainPresent: [],
    errors: [],
  };

  // The shipped pipeline, once: everything below is read from its result.
  let extraction: Extraction | null = null;
  try {
    extraction = extract(doc, url);
  } catch (e) {
    result.errors.push(`extract: ${(e as Error).message}`);
  }

  if (extraction) {
    try {
      result.relevance = scoreRelevance(page, extraction);
    } catch (e) {
      result.errors.push(`relevance: ${(e as Error).message}`);
    }
  }

  const required = new Set(labels.related.map((i) => resolveHref(i.href, base)));
  const optional = new Set(labels.related_optional.map((i) => resolveHref(i.href, base)));
  result.expected = required.size;
  const got = extraction ? [...new Set(extraction.related.flatMap((b) => b.items.map((i) => i.url)))] : [];
  result.found = got.length;
  for (const href of got) {
    if (required.has(href)) result.hits++;
    else if (optional.has(href)) result.optionalHits++;
    else result.extra.push(href);
  }
  const gotSet = new Set(got);
  result.missed = [...required].filter((h) => !gotSet.has(h));
  result.detection = extraction !== null && extraction.detection.isArticle === labels.is_article;

  if (labels.is_article) {
    // The toolbar badge: what the content script computes on page load, before any extraction.
    let badge: number | null = null;
    try {
      badge = detect(doc, url, ON_PAGE_LOAD).relatedCount;
    } catch (e) {
      result.errors.push(`detect: ${(e as Error).message}`);
    }
    result.badge = { badge, popup: extraction ? itemCount(extraction.related) : null };
  }

  const hasArticleLabels = labels.title !== undefined || labels.article_must_contain || labels.article_must_not_contain;
  if (hasArticleLabels) {
    const article = extraction?.article ?? null;
    const title = article?.title ?? null;
    const text = article ? textOfHtml(page, article.contentHtml) : '';
    if (labels.title !== undefined) {
      result.titleOk = (labels.title ?? null) === title;
      result.titleGot = title;
    }
    result.mustContainMissing = (labels.article_must_contain ?? []).filter((p) => !text.includes(collapseWhitespace(p)));
    result.mustNotContainPresent = (labels.article_must_not_contain ?? []).filter((p) =>
      text.includes(collapseWhitespace(p)),
    );
  }
  return result;
}

interface Related {
  precision: number;
  recall: number;
  f1: number;
  found: number;
  correct: number;
  expected: number;
  hits: number;
}

function relatedOf(results: PageResult[]): Related {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const found = sum((r) => r.found);
  const correct = sum((r) => r.hits + r.optionalHits);
  const hits = sum((r) => r.hits);
  const expected = sum((r) => r.expected);
  const precision = found ? correct / found : 1;
  const recall = expected ? hits / expected : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, found, correct, expected, hits };
}

/** The figures of one group of pages (a side of the split, a fold): related, detection, sites. */
interface GroupSummary {
  pages: number;
  sites: number;
  related: Related;
  detection: { accuracy: number | null; scored: number };
}

function groupOf(results: PageResult[]): GroupSummary {
  return {
    pages: results.length,
    sites: new Set(results.map((r) => r.site)).size,
    related: relatedOf(results),
    detection: {
      accuracy: results.length ? results.filter((r) => r.detection).length / results.length : null,
      scored: results.length,
    },
  };
}

interface BadgeSummary {
  /** Pages labelled articles, and those where the badge's count equals the popup's. */
  pages: number;
  agreeing: number;
  agreement: number | null;
  disagreements: { id: string; badge: number | null; popup: number | null }[];
}

function badgeOf(results: PageResult[]): BadgeSummary {
  const scored = results.filter((r) => r.badge);
  const agrees = (r: PageResult) => r.badge!.badge !== null && r.badge!.badge === r.badge!.popup;
  const agreeing = scored.filter(agrees).length;
  return {
    pages: scored.length,
    agreeing,
    agreement: scored.length ? agreeing / scored.length : null,
    disagreements: scored.filter((r) => !agrees(r)).map((r) => ({ id: r.id, ...r.badge! })),
  };
}

interface Summary extends GroupSummary {
  title: { correct: number; scored: number };
  mustContain: { missing: number; total: number };
  mustNotContain: { present: number; total: number };
  badge: BadgeSummary;
}

function summarise(results: PageResult[]): Summary {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const titled = results.filter((r) => r.titleOk !== undefined);
  return {
    ...groupOf(results),
    title: { correct: titled.filter((r) => r.titleOk).length, scored: titled.length },
    mustContain: { missing: sum((r) => r.mustContainMissing.length), total: sum((r) => r.mustContain) },
    mustNotContain: { present: sum((r) => r.mustNotContainPresent.length), total: sum((r) => r.mustNotContain) },
    badge: badgeOf(results),
  };
}

function parseArgs(argv: string[]) {
  const opts = { corpora: [] as string[], json: false, quiet: false, browser: false, split: null as null | Split, only: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') opts.corpora.push(resolve(argv[++i]));
    else if (a === '--page') opts.only.push(argv[++i]);
    else if (a === '--json') opts.json = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--browser') opts.browser = true;
    else if (a === '--holdout') opts.split = 'holdout';
    else if (a === '--tune') opts.split = 'tune';
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

const f3 = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const notes: string[] = [];
  if (!opts.corpora.length) {
    if (existsSync(CORPUS_PAGES)) opts.corpora.push(CORPUS_PAGES);
    else notes.push(`note: ${CORPUS_PAGES} is absent; scoring tests/fixtures only`);
    opts.corpora.push(FIXTURES);
  }
  let dirs = opts.corpora.flatMap(listPageDirs);
  if (opts.split) dirs = dirs.filter((d) => (isHoldout(basename(d), readLabels(d)) ? 'holdout' : 'tune') === opts.split);
  if (opts.only.length) dirs = dirs.filter((d) => opts.only.includes(basename(d)));

  const results: PageResult[] = [];
  for (const dir of dirs) {
    const page = loadPage(dir);
    try {
      results.push(scorePage(page));
    } finally {
      await page.close();
    }
  }
  const summary = summarise(results);
  const relevance = summariseRelevance(results.map((r) => r.relevance ?? null));
  const bySplit = Object.fromEntries(
    (['tune', 'holdout'] as const).map((s) => [s, groupOf(results.filter((r) => r.split === s))]),
  ) as Record<Split, GroupSummary>;
  const folds = Array.from({ length: FOLDS }, (_, fold) => ({ fold, ...groupOf(results.filter((r) => r.fold === fold)) }));

  const browser = opts.browser
    ? await import('./eval-browser').then(async (m) => ({ ...(await m.compareWithChromium(dirs)), format: m.formatDisagreements }))
    : null;

  if (opts.json) {
    const chromium = browser ? { browser: { pages: browser.pages, disagreements: browser.disagreements } } : {};
    console.log(JSON.stringify({ notes, summary, relevance, bySplit, folds, pages: results, ...chromium }, null, 2));
    return;
  }
  for (const n of notes) console.log(n);
  const errorKinds = new Set<string>();
  for (const r of results) {
    const lines: string[] = [];
    for (const h of r.missed) lines.push(`  missed  ${h}`);
    for (const h of r.extra) lines.push(`  extra   ${h}`);
    if (!r.detection) lines.push(`  detection wrong (is_article=${r.isArticle})`);
    if (r.titleOk === false) lines.push(`  title wrong: got ${JSON.stringify(r.titleGot)}`);
    for (const p of r.mustContainMissing) lines.push(`  must-contain missing: ${p}`);
    for (const p of r.mustNotContainPresent) lines.push(`  must-not-contain present: ${p}`);
    for (const e of r.errors) errorKinds.add(e);
    if (lines.length && !opts.quiet) {
      console.log(`${r.id} [${r.split}, ${r.site}] related ${r.hits}/${r.expected} (+${r.optionalHits} optional, ${r.extra.length} extra)`);
      console.log(lines.join('\n'));
    }
  }
  for (const e of errorKinds) console.log(`error (counted as failure): ${e}`);
  if (browser) for (const line of browser.format(browser)) console.log(line);
  const { badge } = summary;
  if (!opts.quiet && badge.disagreements.length) {
    console.log(
      `badge != popup on ${badge.disagreements.length} of ${badge.pages} pages labelled articles ` +
        '(badge: detect(ON_PAGE_LOAD).relatedCount; popup: items of extract().related):',
    );
    const width = Math.max(...badge.disagreements.map((d) => d.id.length));
    for (const d of badge.disagreements) console.log(`  ${d.id.padEnd(width)}  badge=${d.badge ?? 'error'} popup=${d.popup ?? 'error'}`);
  }
  console.log('site-grouped split (FNV-1a of the site, ~30% of sites held out; no site on both sides):');
  for (const s of ['tune', 'holdout'] as const) {
    const g = bySplit[s];
    if (!g.pages) continue;
    const r = g.related;
    console.log(
      `  ${s.padEnd(7)} related P=${f3(r.precision)} R=${f3(r.recall)} F1=${f3(r.f1)} | detect acc=${f3(g.detection.accuracy)} | ` +
        `sites=${g.sites} pages=${g.pages} (found ${r.found}, correct ${r.correct}, expected ${r.expected})`,
    );
  }
  console.log(
    `site-grouped 5-fold (site hash % 5; rules, nothing trained: the spread): ` +
      folds
        .map((f) =>
          f.pages ? `${f.fold}: P=${f3(f.related.precision)} R=${f3(f.related.recall)} (${f.sites} sites, ${f.pages} pages)` : `${f.fold}: no pages`,
        )
        .join(' | '),
  );
  const { related: rel, detection, title, mustContain, mustNotContain } = summary;
  console.log(`related found ${rel.found}, correct ${rel.correct}, hits ${rel.hits} of ${rel.expected}`);
  if (title.scored) {
    console.log(
      `article title ${title.correct}/${title.scored}, must-contain missing ${mustContain.missing}/${mustContain.total}, ` +
        `must-not-contain present ${mustNotContain.present}/${mustNotContain.total}`,
    );
  }
  console.log(`badge agrees with popup on ${badge.agreeing} of ${badge.pages} pages labelled articles`);
  console.log(
    `related P=${f3(rel.precision)} R=${f3(rel.recall)} F1=${f3(rel.f1)} | detect acc=${f3(detection.accuracy)} | ` +
      `pages=${summary.pages} | badge agree=${f3(badge.agreement)} | ${formatRelevance(relevance)}`,
  );
}

await main();
