// `npm run eval`: scores lib/ against labelled page folders (DIR/<id>/{source.html,labels.json}).
//   --corpus DIR   (repeatable) default: ../shared/corpus/pages (skipped with a note when absent)
//                  and tests/fixtures
//   --holdout      only the ~30% of pages held out from tuning (hash of the id)
//   --tune         only the other ~70%
//   --page ID      only this page (repeatable)
//   --json         print the results as JSON instead of text
//   --quiet        summary only (no per-page misses)
//   --browser      also run lib/ inside Chromium (tests/tools/eval-browser.ts) and list every page
//                  where Chromium and happy-dom disagree
// The last line of the plain output is always
//   related P=0.xxx R=0.xxx F1=0.xxx | detect acc=0.xxx | pages=N
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detect } from '../../lib/detect';
import { extractArticle } from '../../lib/extract-article';
import { extractRelated } from '../../lib/extract-related';
import { collapseWhitespace } from '../../lib/text';
import { isHoldout, listPageDirs, loadPage, type LoadedPage } from './load-page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_PAGES = resolve(ROOT, '../shared/corpus/pages');
const FIXTURES = resolve(ROOT, 'tests/fixtures');

interface PageResult {
  id: string;
  split: 'tune' | 'holdout';
  /** Related items: found and labelled related / labelled optional / not labelled; labelled related missed. */
  hits: number;
  optionalHits: number;
  extra: string[];
  missed: string[];
  found: number;
  expected: number;
  detection: boolean | null;
  isArticle: boolean;
  titleOk?: boolean;
  titleGot?: string | null;
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
    split: isHoldout(page.id) ? 'holdout' : 'tune',
    hits: 0,
    optionalHits: 0,
    extra: [],
    missed: [],
    found: 0,
    expected: 0,
    detection: null,
    isArticle: labels.is_article,
    mustContainMissing: [],
    mustNotContainPresent: [],
    errors: [],
  };

  const required = new Set(labels.related.map((i) => resolveHref(i.href, base)));
  const optional = new Set(labels.related_optional.map((i) => resolveHref(i.href, base)));
  result.expected = required.size;
  let got: string[] = [];
  try {
    got = [...new Set(extractRelated(doc, url).flatMap((b) => b.items.map((i) => i.url)))];
  } catch (e) {
    result.errors.push(`extractRelated: ${(e as Error).message}`);
  }
  result.found = got.length;
  for (const href of got) {
    if (required.has(href)) result.hits++;
    else if (optional.has(href)) result.optionalHits++;
    else result.extra.push(href);
  }
  const gotSet = new Set(got);
  result.missed = [...required].filter((h) => !gotSet.has(h));

  try {
    result.detection = detect(doc, url).isArticle === labels.is_article;
  } catch (e) {
    result.errors.push(`detect: ${(e as Error).message}`);
  }

  const hasArticleLabels = labels.title !== undefined || labels.article_must_contain || labels.article_must_not_contain;
  if (hasArticleLabels) {
    let text = '';
    let title: string | null = null;
    try {
      const article = extractArticle(doc, url);
      title = article?.title ?? null;
      text = article ? textOfHtml(page, article.contentHtml) : '';
    } catch (e) {
      result.errors.push(`extractArticle: ${(e as Error).message}`);
    }
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

interface Summary {
  pages: number;
  related: { precision: number; recall: number; f1: number; found: number; correct: number; expected: number; hits: number };
  detection: { accuracy: number | null; scored: number };
  title: { correct: number; scored: number };
  mustContain: { missing: number; total: number };
  mustNotContain: { present: number; total: number };
}

function summarise(results: PageResult[], pages: LoadedPageLabels[]): Summary {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const found = sum((r) => r.found);
  const correct = sum((r) => r.hits + r.optionalHits);
  const hits = sum((r) => r.hits);
  const expected = sum((r) => r.expected);
  const precision = found ? correct / found : 1;
  const recall = expected ? hits / expected : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const scoredDetect = results.filter((r) => r.detection !== null);
  const titled = results.filter((r) => r.titleOk !== undefined);
  return {
    pages: results.length,
    related: { precision, recall, f1, found, correct, expected, hits },
    detection: {
      accuracy: scoredDetect.length ? scoredDetect.filter((r) => r.detection).length / scoredDetect.length : null,
      scored: scoredDetect.length,
    },
    title: { correct: titled.filter((r) => r.titleOk).length, scored: titled.length },
    mustContain: { missing: sum((r) => r.mustContainMissing.length), total: pages.reduce((n, p) => n + p.mustContain, 0) },
    mustNotContain: {
      present: sum((r) => r.mustNotContainPresent.length),
      total: pages.reduce((n, p) => n + p.mustNotContain, 0),
    },
  };
}

interface LoadedPageLabels {
  mustContain: number;
  mustNotContain: number;
}

function parseArgs(argv: string[]) {
  const opts = { corpora: [] as string[], json: false, quiet: false, browser: false, split: null as null | 'tune' | 'holdout', only: [] as string[] };
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
    if (existsSync(SHARED_PAGES)) opts.corpora.push(SHARED_PAGES);
    else notes.push(`note: ${SHARED_PAGES} is absent; scoring tests/fixtures only`);
    opts.corpora.push(FIXTURES);
  }
  let dirs = opts.corpora.flatMap(listPageDirs);
  if (opts.split) dirs = dirs.filter((d) => (isHoldout(d.split('/').pop()!) ? 'holdout' : 'tune') === opts.split);
  if (opts.only.length) dirs = dirs.filter((d) => opts.only.includes(d.split('/').pop()!));

  const results: PageResult[] = [];
  const counts: LoadedPageLabels[] = [];
  // detect/extractArticle may print warnings of their own; keep them out of the report.
  for (const dir of dirs) {
    const page = loadPage(dir);
    try {
      results.push(scorePage(page));
      counts.push({
        mustContain: page.labels.article_must_contain?.length ?? 0,
        mustNotContain: page.labels.article_must_not_contain?.length ?? 0,
      });
    } finally {
      await page.close();
    }
  }
  const summary = summarise(results, counts);
  const bySplit = Object.fromEntries(
    (['tune', 'holdout'] as const).map((s) => {
      const idx = results.map((r, i) => (r.split === s ? i : -1)).filter((i) => i >= 0);
      return [s, summarise(idx.map((i) => results[i]), idx.map((i) => counts[i])).related];
    }),
  );

  const browser = opts.browser
    ? await import('./eval-browser').then(async (m) => ({ ...(await m.compareWithChromium(dirs)), format: m.formatDisagreements }))
    : null;

  if (opts.json) {
    const chromium = browser ? { browser: { pages: browser.pages, disagreements: browser.disagreements } } : {};
    console.log(JSON.stringify({ notes, summary, bySplit, pages: results, ...chromium }, null, 2));
    return;
  }
  for (const n of notes) console.log(n);
  const errorKinds = new Set<string>();
  for (const r of results) {
    const lines: string[] = [];
    for (const h of r.missed) lines.push(`  missed  ${h}`);
    for (const h of r.extra) lines.push(`  extra   ${h}`);
    if (r.detection === false) lines.push(`  detection wrong (is_article=${r.isArticle})`);
    if (r.titleOk === false) lines.push(`  title wrong: got ${JSON.stringify(r.titleGot)}`);
    for (const p of r.mustContainMissing) lines.push(`  must-contain missing: ${p}`);
    for (const p of r.mustNotContainPresent) lines.push(`  must-not-contain present: ${p}`);
    for (const e of r.errors) errorKinds.add(e);
    if (lines.length && !opts.quiet) {
      console.log(`${r.id} [${r.split}] related ${r.hits}/${r.expected} (+${r.optionalHits} optional, ${r.extra.length} extra)`);
      console.log(lines.join('\n'));
    }
  }
  for (const e of errorKinds) console.log(`error (counted as failure): ${e}`);
  if (browser) for (const line of browser.format(browser)) console.log(line);
  for (const s of ['tune', 'holdout'] as const) {
    const r = bySplit[s];
    console.log(`${s.padEnd(7)} related P=${f3(r.precision)} R=${f3(r.recall)} F1=${f3(r.f1)} (found ${r.found}, correct ${r.correct}, expected ${r.expected})`);
  }
  const { related: rel, detection, title, mustContain, mustNotContain } = summary;
  console.log(`related found ${rel.found}, correct ${rel.correct}, hits ${rel.hits} of ${rel.expected}`);
  if (title.scored) {
    console.log(
      `article title ${title.correct}/${title.scored}, must-contain missing ${mustContain.missing}/${mustContain.total}, ` +
        `must-not-contain present ${mustNotContain.present}/${mustNotContain.total}`,
    );
  }
  console.log(
    `related P=${f3(rel.precision)} R=${f3(rel.recall)} F1=${f3(rel.f1)} | detect acc=${f3(detection.accuracy)} | pages=${summary.pages}`,
  );
}

await main();
