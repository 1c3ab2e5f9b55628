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
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { summariseRelevance } from './relevance-eval';
import { groupOf, summarise, type GroupSummary } from './eval-summary';
import { printEval } from './eval-report';
import { scorePage, type PageResult, type Split } from './score-page';
import { isHoldout, listPageDirs, loadPage, readLabels } from '../../tests/support/load-page';
import { CORPUS_PAGES, FIXTURES } from '../../tests/support/paths';

const FOLDS = 5;

type Options = ReturnType<typeof parseArgs>;

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

/** The page folders to score (the default corpora when none is named), and notes on what is absent. */
function pageDirs(opts: Options): { dirs: string[]; notes: string[] } {
  const notes: string[] = [];
  if (!opts.corpora.length) {
    if (existsSync(CORPUS_PAGES)) opts.corpora.push(CORPUS_PAGES);
    else notes.push(`note: ${CORPUS_PAGES} is absent; scoring tests/fixtures only`);
    opts.corpora.push(FIXTURES);
  }
  let dirs = opts.corpora.flatMap(listPageDirs);
  if (opts.split) dirs = dirs.filter((d) => (isHoldout(basename(d), readLabels(d)) ? 'holdout' : 'tune') === opts.split);
  if (opts.only.length) dirs = dirs.filter((d) => opts.only.includes(basename(d)));
  return { dirs, notes };
}

async function scoreAll(dirs: string[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const dir of dirs) {
    const page = loadPage(dir);
    try {
      results.push(scorePage(page));
    } finally {
      await page.close();
    }
  }
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { dirs, notes } = pageDirs(opts);
  const results = await scoreAll(dirs);
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
  const browserLines = browser ? browser.format(browser) : [];
  for (const line of printEval({ results, summary, relevance, bySplit, folds, browserLines, quiet: opts.quiet })) console.log(line);
}

await main();
