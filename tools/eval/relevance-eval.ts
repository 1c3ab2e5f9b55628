// Scores lib/extract/related/relevance.ts (on / near / off grades of related items) against the relevance.json
// labels beside labels.json (../shared/corpus/RELEVANCE.md). Used by `npm run eval`, and runnable
// alone:
//   npx tsx tools/eval/relevance-eval.ts [--page ID]... [--corpus DIR]... [--quiet] [--sites]
//     --page ID     only this page (repeatable)
//     --corpus DIR  (repeatable) default: ../shared/corpus/pages and tests/fixtures
//     --quiet       summary only (no per-page mistakes)
//     --sites       also the site-grouped check: the sites split in two halves (no site on both
//                   sides); thresholds fitted on one half are scored on the other, both ways
// The last line is always
//   relevance off P=0.xxx R=0.xxx on-flagged=0.xxx items=N
// P and R: precision and recall of the grade "off" against the items labelled off; on-flagged: the
// share of items labelled "on" that were graded off; N: the extracted items matched to a label.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../lib/extract/index';
import {
  DEFAULT_RELEVANCE_OPTIONS,
  describeReason,
  gradeRelated,
  type RelevanceArticle,
  type RelevanceGrade,
  type RelevanceOptions,
} from '../../lib/extract/related/relevance';
import type { Extraction, RelatedBlock } from '../../lib/extract/types';
import { relevanceArticleOf } from '../../lib/reader/grade-related';
import { fnv1a, listPageDirs, loadPage, siteOf, type LoadedPage } from '../../tests/support/load-page';
import { CORPUS_PAGES, FIXTURES } from '../../tests/support/paths';

export interface RelevanceLabel {
  href: string;
  title: string;
  relevance: RelevanceGrade;
  why?: string;
}

export interface RelevanceLabels {
  article_title: string;
  article_topic?: string;
  items: RelevanceLabel[];
}

/** <dir>/relevance.json, or null when the page has none. */
export function readRelevanceLabels(dir: string): RelevanceLabels | null {
  const file = join(dir, 'relevance.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RelevanceLabels) : null;
}

export interface RelevanceMistake {
  title: string;
  url: string;
  label: RelevanceGrade;
  grade: RelevanceGrade;
  reason: string;
}

export interface RelevancePageResult {
  id: string;
  /** Extracted items matched to a label (each URL once). */
  scored: number;
  /** Labels no extracted item matched (the extractor missed them). */
  unmatched: number;
  /** Graded off and labelled off / graded off, labelled on or near / labelled off, graded on or near. */
  offTp: number;
  offFp: number;
  offFn: number;
  /** Items labelled on, and those of them graded off. */
  on: number;
  onFlagged: number;
  /** Items whose grade differs from the label (all levels), for the per-page report. */
  mistakes: RelevanceMistake[];
}

/** A page made ready for grading: what the grader reads, and the labels by resolved URL. */
export interface RelevanceCase {
  id: string;
  article: RelevanceArticle;
  blocks: RelatedBlock[];
  labels: Map<string, RelevanceLabel>;
  labelCount: number;
}

function resolveHref(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/**
 * What the grader is given for a page, as the reader view gives it (lib/reader/grade-related.ts): the
 * extracted article as plain text, or, when extraction found no article, the page's <h1> (or
 * <title>) and meta description. Parsed in the page's own happy-dom window.
 */
export function relevanceArticle(page: LoadedPage, extraction: Extraction): RelevanceArticle {
  return relevanceArticleOf(extraction, new page.window.DOMParser() as unknown as DOMParser);
}

/** The page's grading case, or null when it has no relevance.json. */
export function relevanceCase(page: LoadedPage, extraction: Extraction): RelevanceCase | null {
  const rel = readRelevanceLabels(page.dir);
  if (!rel) return null;
  const doc = page.document;
  const base = doc.baseURI && /^https?:/.test(doc.baseURI) ? doc.baseURI : page.url;
  const labels = new Map<string, RelevanceLabel>();
  for (const item of rel.items) labels.set(resolveHref(item.href, base), item);
  return { id: page.id, article: relevanceArticle(page, extraction), blocks: extraction.related, labels, labelCount: rel.items.length };
}

/** Grades a case and scores the grades against its labels. */
export function scoreCase(c: RelevanceCase, options: Partial<RelevanceOptions> = {}): RelevancePageResult {
  const result: RelevancePageResult = { id: c.id, scored: 0, unmatched: 0, offTp: 0, offFp: 0, offFn: 0, on: 0, onFlagged: 0, mistakes: [] };
  const seen = new Set<string>();
  for (const block of gradeRelated(c.article, c.blocks, options)) {
    for (const item of block.items) {
      const label = c.labels.get(item.url);
      if (!label || seen.has(item.url)) continue;
      seen.add(item.url);
      const grade = item.relevance!.grade;
      result.scored++;
      if (grade === 'off' && label.relevance === 'off') result.offTp++;
      else if (grade === 'off') result.offFp++;
      else if (label.relevance === 'off') result.offFn++;
      if (label.relevance === 'on') {
        result.on++;
        if (grade === 'off') result.onFlagged++;
      }
      if (grade !== label.relevance)
        result.mistakes.push({ title: item.title, url: item.url, label: label.relevance, grade, reason: describeReason(item.relevance!.reason) });
    }
  }
  result.unmatched = c.labelCount - seen.size;
  return result;
}

/**
 * Scores one loaded page from its extract() result: the extracted items whose URL matches a
 * relevance.json href (resolved like eval.ts resolves labels). Null when the page has no
 * relevance.json.
 */
export function scoreRelevance(page: LoadedPage, extraction: Extraction, options: Partial<RelevanceOptions> = {}): RelevancePageResult | null {
  const c = relevanceCase(page, extraction);
  return c ? scoreCase(c, options) : null;
}

export interface RelevanceSummary {
  pages: number;
  items: number;
  offTp: number;
  offFp: number;
  offFn: number;
  on: number;
  onFlagged: number;
  /** Of "off": 1 when nothing was graded off (nothing wrongly flagged). */
  precision: number;
  /** Of "off": 1 when nothing is labelled off. */
  recall: number;
  /** Share of items labelled on that were graded off; 0 when none is labelled on. */
  onFlaggedShare: number;
}

export function summariseRelevance(results: (RelevancePageResult | null)[]): RelevanceSummary {
  const scored = results.filter((r): r is RelevancePageResult => r !== null);
  const sum = (f: (r: RelevancePageResult) => number) => scored.reduce((n, r) => n + f(r), 0);
  const offTp = sum((r) => r.offTp);
  const offFp = sum((r) => r.offFp);
  const offFn = sum((r) => r.offFn);
  const on = sum((r) => r.on);
  const onFlagged = sum((r) => r.onFlagged);
  return {
    pages: scored.length,
    items: sum((r) => r.scored),
    offTp,
    offFp,
    offFn,
    on,
    onFlagged,
    precision: offTp + offFp ? offTp / (offTp + offFp) : 1,
    recall: offTp + offFn ? offTp / (offTp + offFn) : 1,
    onFlaggedShare: on ? onFlagged / on : 0,
  };
}

/** `relevance off P=0.xxx R=0.xxx on-flagged=0.xxx items=N` */
export function formatRelevance(s: RelevanceSummary): string {
  return `relevance off P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} on-flagged=${s.onFlaggedShare.toFixed(3)} items=${s.items}`;
}

// ---------------------------------------------------------------------------------------------
// The site-grouped check

/**
 * Groups pages into sites: the same site name, or the same labelled article (the seed fixtures
 * are one article on four hosts with one set of teasers). Returns each page's group key.
 */
export function siteGroups(pages: { id: string; url: string | null; articleTitle: string }[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: string, b: string) => {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    const [ra, rb] = [find(a), find(b)].sort();
    parent.set(rb, ra);
  };
  for (const p of pages) {
    union(`page:${p.id}`, `site:${siteOf(p.id, { url: p.url })}`);
    if (p.articleTitle) union(`page:${p.id}`, `title:${p.articleTitle}`);
  }
  const groups = new Map<string, string>();
  for (const p of pages) {
    const root = find(`page:${p.id}`);
    // the group is named by its sites, sorted, so that the split does not depend on page order
    const sites = [...parent.keys()].filter((k) => k.startsWith('site:') && find(k) === root).sort();
    groups.set(p.id, sites.join('+').replace(/site:/g, '') || root);
  }
  return groups;
}

/** A small grid over the thresholds that decide "off"; the rest stay at their defaults. */
function grid(): Partial<RelevanceOptions>[] {
  const out: Partial<RelevanceOptions>[] = [];
  for (const shareScore of [1.5, 2, 2.5])
    for (const onBest of [2.5, 3, 3.5])
      for (const feedShare of [0.3, 0.4, 0.5])
        for (const fieldShare of [0.2, 0.3, 0.45])
          for (const generalFactor of [0.25, 0.35, 0.5]) out.push({ shareScore, onBest, feedShare, fieldShare, generalFactor });
  return out;
}

/** Fitting objective: recall of off, once precision ≥ 0.90 and on-flagged ≤ 5%; otherwise penalised. */
function objective(s: RelevanceSummary): number {
  const penalty = Math.max(0, 0.9 - s.precision) * 4 + Math.max(0, s.onFlaggedShare - 0.05) * 4;
  return s.recall - penalty;
}

function fit(cases: RelevanceCase[]): { options: Partial<RelevanceOptions>; summary: RelevanceSummary } {
  let best: { options: Partial<RelevanceOptions>; summary: RelevanceSummary; score: number } | null = null;
  for (const options of grid()) {
    const summary = summariseRelevance(cases.map((c) => scoreCase(c, options)));
    const score = objective(summary);
    if (!best || score > best.score + 1e-9) best = { options, summary, score };
  }
  return best!;
}

// ---------------------------------------------------------------------------------------------
// Command line


function parseArgs(argv: string[]) {
  const opts = { corpora: [] as string[], only: [] as string[], quiet: false, sites: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') opts.corpora.push(resolve(argv[++i]));
    else if (a === '--page') opts.only.push(argv[++i]);
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--sites') opts.sites = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

const f3 = (n: number) => n.toFixed(3);
const counts = (s: RelevanceSummary) => `(off: ${s.offTp} right, ${s.offFp} wrong, ${s.offFn} missed; on flagged ${s.onFlagged}/${s.on})`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.corpora.length) {
    if (existsSync(CORPUS_PAGES)) opts.corpora.push(CORPUS_PAGES);
    else console.log(`note: ${CORPUS_PAGES} is absent; scoring tests/fixtures only`);
    opts.corpora.push(FIXTURES);
  }
  let dirs = opts.corpora.flatMap(listPageDirs).filter((d) => existsSync(join(d, 'relevance.json')));
  if (opts.only.length) dirs = dirs.filter((d) => opts.only.includes(basename(d)));

  const cases: { c: RelevanceCase; url: string | null; articleTitle: string }[] = [];
  for (const dir of dirs) {
    const page = loadPage(dir);
    try {
      const c = relevanceCase(page, extract(page.document, page.url));
      if (c) cases.push({ c, url: page.labels.url, articleTitle: readRelevanceLabels(dir)?.article_title ?? '' });
    } finally {
      await page.close();
    }
  }

  const results = cases.map(({ c }) => scoreCase(c));
  if (!opts.quiet) {
    for (const r of results) {
      const wrong = r.mistakes.filter((m) => (m.grade === 'off') !== (m.label === 'off'));
      const head = `${r.id}: ${r.scored} scored${r.unmatched ? `, ${r.unmatched} labels not extracted` : ''}; off ${r.offTp} right, ${r.offFp} wrong, ${r.offFn} missed`;
      console.log(r.onFlagged ? `${head}; ${r.onFlagged} on-topic flagged` : head);
      for (const m of wrong) console.log(`  ${m.label.padEnd(4)} graded ${m.grade.padEnd(4)} ${m.title.slice(0, 70)}  (${m.reason})`);
    }
  }

  if (opts.sites) {
    const groups = siteGroups(cases.map(({ c, url, articleTitle }) => ({ id: c.id, url, articleTitle })));
    const half = (id: string) => fnv1a(groups.get(id)!) % 2;
    const sides = [0, 1].map((h) => cases.filter(({ c }) => half(c.id) === h).map(({ c }) => c));
    const sites = [0, 1].map((h) => [...new Set(cases.filter(({ c }) => half(c.id) === h).map(({ c }) => groups.get(c.id)!))].sort());
    console.log('site-grouped check (sites split in two halves by FNV-1a of the site group; no site on both sides):');
    for (const h of [0, 1]) console.log(`  half ${h}: ${sites[h].join(', ')} (${sides[h].length} pages)`);
    for (const [tune, test] of [
      [0, 1],
      [1, 0],
    ]) {
      const fitted = fit(sides[tune]);
      const held = summariseRelevance(sides[test].map((c) => scoreCase(c, fitted.options)));
      const defaults = summariseRelevance(sides[test].map((c) => scoreCase(c)));
      console.log(`  fitted on half ${tune}: ${JSON.stringify(fitted.options)}`);
      console.log(`    half ${tune} (fitted) ${formatRelevance(fitted.summary)} ${counts(fitted.summary)}`);
      console.log(`    half ${test} (held out, fitted thresholds) ${formatRelevance(held)} ${counts(held)}`);
      console.log(`    half ${test} (held out, shipped defaults) ${formatRelevance(defaults)} ${counts(defaults)}`);
    }
    console.log(`  shipped defaults: ${JSON.stringify(DEFAULT_RELEVANCE_OPTIONS)}`);
  }

  const summary = summariseRelevance(results);
  if (!opts.quiet) console.log(`pages=${summary.pages} ${counts(summary)}`);
  console.log(formatRelevance(summary));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
