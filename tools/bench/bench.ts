// `npm run bench`: Sift's detection and extraction timed inside Debian's Chromium on every
// corpus page (page scripts off, no network), against Readability's own isProbablyReaderable
// and parse(); the sizes of what ships; the popup's open-to-article time; and the budgets of
// issue 4, each with PASS/FAIL. A benchmark, not a test: it never fails `npm test`.
//
//   npm run bench [-- --corpus DIR ...] [--json] [--save FILE] [--quick] [--no-build] [--only REGEX] [--firefox]
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  CHROMIUM,
  REPO,
  buildPageBundle,
  injectBundle,
  launchChromium,
  offlineContext,
  readPageSource,
  type PageSource,
} from '../chromium/pages';
import { HUGE_PAGE_URL, generateHugePage } from './huge-page';
import { DEFAULT_TIMING, OPS, type HugePageMeasure, type OpName, type PageMeasure, type TimingOptions } from '../in-page/index';
import { judgeProgress, measurePopup, type PopupMeasure } from './popup/popup';
import { SLOW_READ_MS } from '../../components/States';
import { buildExtension, measureShipped, type ShippedSizes } from './sizes';
import { stat, type Stat } from './stats';
import { listPageDirs } from '../../tests/support/load-page';

const DEFAULT_CORPORA = [resolve(REPO, '../shared/corpus/pages'), join(REPO, 'tests/fixtures')];
const SEED_FIXTURE = 'seed-dedecms';
const KB = 1024;

interface Args {
  corpora: string[];
  json: boolean;
  /** Also write the JSON report to this file. */
  save: string | null;
  quick: boolean;
  build: boolean;
  only: RegExp | null;
  /** Issue 16's race against Firefox's Reader View (not built yet: its budgets print n/a). */
  firefox: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpora: [], json: false, save: null, quick: false, build: true, only: null, firefox: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') args.corpora.push(resolve(argv[++i] ?? ''));
    else if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--save') args.save = resolve(argv[++i] ?? 'bench.json');
    else if (a === '--no-build') args.build = false;
    else if (a === '--only') args.only = new RegExp(argv[++i] ?? '');
    else if (a === '--firefox') args.firefox = true;
    else throw new Error(`unknown argument ${a} (see the header of tools/bench/bench.ts)`);
  }
  if (!args.corpora.length) args.corpora = DEFAULT_CORPORA;
  return args;
}

interface PageRow {
  id: string;
  corpus: string;
  bytes: number;
  measure?: PageMeasure;
  error?: string;
}

type Status = 'PASS' | 'FAIL' | 'n/a';
interface Budget {
  name: string;
  limit: string;
  value: string;
  status: Status;
  note?: string;
}

const started = Date.now();
function log(msg: string) {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}

async function measureCorpus(browser: Browser, bundle: string, sources: PageSource[], timing: TimingOptions) {
  const rows: PageRow[] = [];
  const offline = await offlineContext(browser);
  try {
    for (const [i, src] of sources.entries()) {
      const row: PageRow = { id: src.id, corpus: relative(REPO, resolve(src.dir, '..')), bytes: src.fileBytes };
      const page = await offline.open(src).catch((err: Error) => {
        row.error = `load: ${err.message.split('\n')[0]}`;
        return null;
      });
      if (page) {
        try {
          await injectBundle(page, bundle);
          row.measure = await page.evaluate(
            ([url, t]) => (globalThis as any).__siftBench.measurePage(url, t) as PageMeasure,
            [src.url, timing] as const,
          );
        } catch (err) {
          row.error = `measure: ${(err as Error).message.split('\n')[0]}`;
        }
        await page.close();
      }
      rows.push(row);
      if ((i + 1) % 20 === 0 || i + 1 === sources.length) log(`  ${i + 1}/${sources.length} pages`);
    }
  } finally {
    await offline.close();
  }
  return rows;
}

/** The generated 5 MB page, served like a corpus page. */
function hugePageSource(): PageSource & { elements: number } {
  const { html, elements } = generateHugePage();
  const body = Buffer.from(html);
  return { id: 'generated-huge', dir: '', url: HUGE_PAGE_URL, body, fileBytes: body.length, elements };
}

async function measureHuge(browser: Browser, bundle: string, timing: TimingOptions, src: PageSource & { elements: number }) {
  const { body, elements } = src;
  const offline = await offlineContext(browser);
  try {
    const page = await offline.open(src);
    await injectBundle(page, bundle);
    const m = await page.evaluate(
      ([url, t]) => (globalThis as any).__siftBench.measureHugePage(url, t) as HugePageMeasure,
      [src.url, timing] as const,
    );
    return { bytes: body.length, generatedElements: elements, ...m };
  } finally {
    await offline.close();
  }
}

const fmtMs = (v: number | null | undefined) => (v == null ? 'n/a' : v < 1 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`);
const fmtX = (v: number | null | undefined) => (v == null ? 'n/a' : `${v.toFixed(2)}x`);
const fmtKB = (v: number | null | undefined) => (v == null ? 'n/a' : `${(v / KB).toFixed(1)} KB`);
const fmtMB = (v: number) => `${(v / (KB * KB)).toFixed(1)} MB`;

function check(name: string, limit: string, value: number | null | undefined, ok: (v: number) => boolean, show: (v: number) => string, note?: string): Budget {
  if (value == null) return { name, limit, value: 'n/a', status: 'n/a', ...(note ? { note } : {}) };
  return { name, limit, value: show(value), status: ok(value) ? 'PASS' : 'FAIL', ...(note ? { note } : {}) };
}

/** Long tasks are 50 ms or more: 0 means there was none. */
const fmtTask = (v: number) => (v ? fmtMs(v) : 'none over 50 ms');

/**
 * "The popup shows progress and stays responsive" on the 5 MB page (popup/popup.ts judgeProgress):
 * each opening painted its skeleton, then said in words that it was still reading, before the
 * page's answer; a click sent while the page was read opened Settings before the answer, waiting
 * at most 100 ms (RAIL's limit for a response that feels immediate).
 */
function progressBudgets(popup: PopupMeasure): Budget[] {
  const progress = popup.status === 'ok' ? popup.progress : null;
  const openings = progress?.openings ?? [];
  const names = ['5 MB page: popup shows it is reading', '5 MB page: popup answers a click meanwhile'];
  if (!openings.length) {
    const note = popup.status === 'ok' ? (progress?.note ?? 'not measured') : popup.reason;
    return names.map((name) => ({ name, limit: 'every opening', value: 'n/a', status: 'n/a', note }));
  }
  const v = judgeProgress(openings, SLOW_READ_MS);
  return [
    { name: names[0], limit: 'skeleton, then words, before the answer', value: `${v.showedProgress}/${openings.length}`, status: v.progressOk ? 'PASS' : 'FAIL' },
    {
      name: names[1],
      limit: '<= 100 ms input delay',
      value: v.worstInputDelayMs == null ? 'no click' : fmtMs(v.worstInputDelayMs),
      status: v.responsiveOk ? 'PASS' : 'FAIL',
      note:
        `${v.answeredClicks}/${openings.length} clicks opened Settings while the page was being read; the popup's longest task: ` +
        `${fmtTask(v.longestTaskBeforeAnswer)} before the answer, ${fmtTask(v.longestTaskAfterAnswer)} after`,
    },
  ];
}

/**
 * Issue 16's popup budgets, against the bare page opened in turn with the popup in the same run:
 * later (cached) openings p50 <= 1.15x and p95 <= 1.3x the bare page's; a first opening (the page
 * read) p50 <= the bare page + 1x that page's Readability.parse (warm median, as timed above).
 */
function popupBudgets(popup: PopupMeasure, rows: PageRow[]): Budget[] {
  const names = ['popup, later openings: p50 / bare page p50', 'popup, later openings: p95 / bare page p95', 'popup, first opening: (p50 - bare p50) / parse'];
  if (popup.status !== 'ok') return names.map((name) => ({ name, limit: '', value: 'n/a', status: 'n/a', note: popup.reason }));
  const ratio = (a: number | null, b: number | null) => (a != null && b ? a / b : null);
  const first = popup.pages.map((pg) => {
    const parse = rows.find((r) => r.id === pg.id)?.measure?.timings.readabilityParse.ms ?? null;
    return { id: pg.id, parse, over: pg.coldP50 != null && pg.bareP50 != null && parse ? (pg.coldP50 - pg.bareP50) / parse : null, pg };
  });
  const worst = first.filter((f) => f.over != null).sort((a, b) => b.over! - a.over!)[0];
  return [
    check(names[0], '<= 1.15x', ratio(popup.warmP50, popup.bareP50), (v) => v <= 1.15, fmtX, `${fmtMs(popup.warmP50)} vs ${fmtMs(popup.bareP50)}`),
    check(names[1], '<= 1.3x', ratio(popup.warmP95, popup.bareP95), (v) => v <= 1.3, fmtX, `${fmtMs(popup.warmP95)} vs ${fmtMs(popup.bareP95)}`),
    check(names[2], '<= 1x', worst?.over, (v) => v <= 1, fmtX,
      first.map((f) => `${f.id}: first p50 ${fmtMs(f.pg.coldP50)}, bare p50 ${fmtMs(f.pg.bareP50)}, parse ${fmtMs(f.parse)}`).join('; ')),
  ];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const timing: TimingOptions = args.quick ? { batchMs: 2, samples: 3, budgetMs: 150, warmMs: 10 } : DEFAULT_TIMING;
  const skipped: string[] = [];
  const sources: PageSource[] = [];
  for (const dir of args.corpora) {
    if (!existsSync(dir)) {
      const msg = `corpus ${dir} is absent: skipped`;
      skipped.push(msg);
      log(msg);
      continue;
    }
    const dirs = listPageDirs(dir).filter((d) => !args.only || args.only.test(d));
    sources.push(...dirs.map(readPageSource));
  }

  log(`bench: building the page bundle (lib/ + Readability)…`);
  const bundle = await buildPageBundle();
  const browser = await launchChromium();
  const chromiumVersion = browser.version();
  let rows: PageRow[] = [];
  let huge: Awaited<ReturnType<typeof measureHuge>> | { error: string };
  const hugeSource = hugePageSource();
  try {
    log(`bench: ${sources.length} pages in Chromium ${chromiumVersion}…`);
    rows = await measureCorpus(browser, bundle, sources, timing);
    log(`bench: generated 5 MB page…`);
    huge = await measureHuge(browser, bundle, timing, hugeSource).catch((err: Error) => ({ error: err.message }));
  } finally {
    await browser.close();
  }

  let sizes: ShippedSizes | { error: string };
  let extDir: string | null = null;
  try {
    if (args.build) {
      log(`bench: wxt build into .output/bench…`);
      extDir = buildExtension(join(REPO, '.output/bench'));
    } else {
      extDir = join(REPO, '.output/chrome-mv3');
    }
    sizes = measureShipped(extDir);
  } catch (err) {
    sizes = { error: (err as Error).message };
    extDir = null;
  }

  // Popup open → article painted, and reader on/off cycles: on the seed fixture and the largest page.
  const bySize = [...sources].sort((a, b) => b.fileBytes - a.fileBytes);
  const popupPages = [
    sources.find((s) => s.id === SEED_FIXTURE),
    bySize.find((s) => s.id !== SEED_FIXTURE && !s.dir.startsWith(join(REPO, 'tests/fixtures'))),
  ].filter((s): s is PageSource => !!s);
  // …and on the generated 5 MB page, whether the popup shows it is at work and answers meanwhile.
  log(`bench: popup open → article painted…`);
  const popup: PopupMeasure = await measurePopup(extDir, popupPages, hugeSource).catch((err: Error) => ({
    status: 'n/a' as const,
    reason: `popup bench failed: ${err.message.split('\n')[0]}`,
    pages: [],
    heap: null,
  }));

  // Summaries.
  const measured = rows.filter((r) => r.measure);
  const ops = {} as Record<OpName, Stat & { errors: number; firstCall: Stat; firstError?: string }>;
  for (const op of OPS) {
    const t = measured.map((r) => r.measure!.timings[op]);
    const ok = t.filter((x) => x.ms != null);
    const firstError = t.find((x) => x.error)?.error;
    ops[op] = {
      ...stat(ok.map((x) => x.ms!)),
      errors: t.length - ok.length,
      firstCall: stat(ok.map((x) => x.firstMs!)),
      ...(firstError ? { firstError } : {}),
    };
  }
  // Each page's ratio is the one its pair of operations was timed for (tools/in-page timePair).
  const ratio = (name: keyof PageMeasure['ratios']) =>
    measured
      .map((r) => ({ id: r.id, r: r.measure!.ratios[name] }))
      .filter((x): x is { id: string; r: number } => x.r != null);
  const detectRatios = ratio('detectVsIsProbablyReaderable');
  const extractRatios = ratio('extractVsReadabilityParse');
  const worst = (list: { id: string; r: number }[]) =>
    [...list].sort((x, y) => y.r - x.r).slice(0, 5).map((x) => ({ id: x.id, ratio: Number(x.r.toFixed(2)) }));
  const slowest = (op: OpName) =>
    measured
      .filter((r) => r.measure!.timings[op].ms != null)
      .sort((x, y) => y.measure!.timings[op].ms! - x.measure!.timings[op].ms!)
      .slice(0, 5)
      .map((r) => ({ id: r.id, ms: Number(r.measure!.timings[op].ms!.toFixed(3)), elements: r.measure!.elements }));
  const ratios = {
    detectVsIsProbablyReaderable: { ...stat(detectRatios.map((x) => x.r)), worst: worst(detectRatios) },
    extractVsReadabilityParse: { ...stat(extractRatios.map((x) => x.r)), worst: worst(extractRatios) },
  };
  const mutated = measured.filter((r) => r.measure!.mutated).map((r) => r.id);
  const phaseNames = [...new Set(measured.flatMap((r) => Object.keys(r.measure!.phases ?? {})))];
  const phases = Object.fromEntries(
    phaseNames.map((name) => {
      const t = measured.map((r) => r.measure!.phases?.[name]).filter((x) => x != null);
      const ok = t.filter((x) => x.ms != null);
      return [name, { ...stat(ok.map((x) => x.ms!)), errors: t.length - ok.length }];
    }),
  );

  const sz = 'error' in sizes ? null : sizes;
  // The largest growth of Chromium's DOM counters over the cycles, per cycle.
  const leftPerCycle = (heap: typeof popup.heap) => {
    const c = heap?.domCounters;
    if (!c || !heap) return null;
    return Math.max(0, c.after.nodes - c.before.nodes, c.after.documents - c.before.documents, c.after.jsEventListeners - c.before.jsEventListeners) / heap.cycles;
  };
  const hugeOk = 'error' in huge ? null : huge;
  const budgets: Budget[] = [
    check('content script (every page), minified', '<= 20 KB', sz && sz.everyPage.files.length ? sz.everyPage.bytes : null, (v) => v <= 20 * KB, fmtKB,
      sz && !sz.everyPage.files.length ? 'no content script in the build yet' : undefined),
    check('detection: p50 of ratios to isProbablyReaderable', '<= 3x', ratios.detectVsIsProbablyReaderable.p50, (v) => v <= 3, fmtX),
    check('detection: p95 time', '<= 1 ms', ops.detect.n ? ops.detect.p95 : null, (v) => v <= 1, fmtMs),
    // Issue 16 replaced issue 4's 1.25x (sanitising included) and its popup p95 <= 150 ms: an
    // absolute time on a shared machine says little, a ratio to the bare page in the same run more.
    check('full extraction: p50 of ratios to Readability.parse', '<= 1.5x', ratios.extractVsReadabilityParse.p50, (v) => v <= 1.5, fmtX),
    ...popupBudgets(popup, rows),
    check('popup JS, gzip', '<= 45 KB', sz && sz.popup.files.length ? sz.popup.gzip : null, (v) => v <= 45 * KB, fmtKB,
      sz && !sz.popup.files.length ? 'no popup in the build yet' : undefined),
    check('5 MB page: detection', '<= 20 ms', hugeOk?.detect.ms, (v) => v <= 20, fmtMs, hugeOk?.detect.error),
    hugeOk && hugeOk.extractMs != null
      ? { name: '5 MB page: extraction completes', limit: 'completes', value: fmtMs(hugeOk.extractMs), status: 'PASS' }
      : { name: '5 MB page: extraction completes', limit: 'completes', value: 'no', status: hugeOk?.extractError?.includes('not implemented') ? 'n/a' : 'FAIL', note: hugeOk?.extractError ?? (huge as { error?: string }).error },
    ...progressBudgets(popup),
    check('50 reader on/off cycles: page JS heap growth', '< 1 MB', popup.heap?.growthBytes, (v) => v < KB * KB, fmtKB,
      popup.heap ? popup.heap.note : 'reader mode not measurable yet'),
    // "No leaked listeners or nodes": the heap above is V8's; DOM nodes live in Blink's own heap
    // (a leaked copy of the page, 6,500 nodes a cycle, added 0.9 MB of JS heap only).
    // Issue 16's goal against Firefox's own Reader View, per page Sift / Firefox from the user's
    // action to the title painted: not measured yet, so never a PASS.
    ...['Firefox race: Sift popup / Reader View, p50 of page ratios', 'Firefox race: Sift reader mode / Reader View, p50 of page ratios'].map(
      (name): Budget => ({
        name,
        limit: '<= 1x',
        value: 'n/a',
        status: 'n/a',
        note: args.firefox ? 'the race is not built yet (issue 16, part "Race the anchor")' : 'run with --firefox (not built yet)',
      }),
    ),
    check('50 reader on/off cycles: nodes, documents, listeners left', '< 1 a cycle', leftPerCycle(popup.heap), (v) => v < 1,
      (v) => `${v.toFixed(2)} a cycle`, popup.heap?.domCounters ? undefined : 'no DOM counters'),
  ];

  const report = {
    date: new Date().toISOString(),
    chromium: { path: CHROMIUM, version: chromiumVersion },
    // Timings are only comparable on an idle machine: other processes inflate them.
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    timing,
    corpora: args.corpora.map((dir) => ({ dir: relative(REPO, dir) || '.', pages: sources.filter((s) => resolve(s.dir, '..') === dir).length })),
    skipped,
    ops,
    ratios,
    phases,
    slowest: { detect: slowest('detect'), extract: slowest('extract'), readabilityParse: slowest('readabilityParse') },
    mutatedBySift: mutated,
    loadErrors: rows.filter((r) => r.error).map((r) => ({ id: r.id, error: r.error })),
    hugePage: huge,
    sizes,
    popup,
    budgets,
    pages: rows.map((r) => ({
      id: r.id,
      corpus: r.corpus,
      bytes: r.bytes,
      ...(r.error ? { error: r.error } : {}),
      ...(r.measure
        ? {
            elements: r.measure.elements,
            ms: Object.fromEntries(OPS.map((op) => [op, r.measure!.timings[op].ms])),
            firstMs: Object.fromEntries(OPS.map((op) => [op, r.measure!.timings[op].firstMs])),
            readerable: r.measure.readerable,
            detectIsArticle: r.measure.detectIsArticle,
            readabilityTextLength: r.measure.readabilityTextLength,
            extractTextLength: r.measure.extractTextLength,
            relatedItems: r.measure.relatedItems,
          }
        : {}),
    })),
  };

  if (args.save) writeFileSync(args.save, `${JSON.stringify(report, null, 2)}\n`);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  const p = (s = '') => out.push(s);
  p(`Sift Reader benchmark — ${report.date}, Chromium ${chromiumVersion}, ${measured.length} pages measured` +
    (report.loadErrors.length ? `, ${report.loadErrors.length} failed to load` : ''));
  p(`  machine: ${report.machine.cpus} CPUs, load average ${report.machine.loadAverage1m} (figures are noisy when it exceeds the CPU count)`);
  for (const s of skipped) p(`  (${s})`);
  p(`  corpora: ${report.corpora.map((c) => `${c.dir} (${c.pages})`).join(', ')}`);
  p();
  p('Per page, in the page (warm median of repeated calls; "first" = the cold first call)');
  p(`  ${'operation'.padEnd(34)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'max'.padStart(11)}${'first p50'.padStart(12)}${'first p95'.padStart(12)}  errors`);
  const labels: Record<OpName, string> = {
    treeWalker: 'TreeWalker pass (floor)',
    isProbablyReaderable: 'Readability isProbablyReaderable',
    detect: 'Sift detect',
    readabilityParse: 'Readability.parse on a clone',
    extract: 'Sift extract (article+related+sanitise)',
  };
  for (const op of OPS) {
    const o = ops[op];
    p(`  ${labels[op].padEnd(34)}${fmtMs(o.p50).padStart(11)}${fmtMs(o.p95).padStart(11)}${fmtMs(o.max).padStart(11)}` +
      `${fmtMs(o.firstCall.p50).padStart(12)}${fmtMs(o.firstCall.p95).padStart(12)}  ${o.errors}${o.firstError ? ` (${o.firstError})` : ''}`);
  }
  if (phaseNames.length) {
    p('  parts, timed on their own:');
    for (const name of phaseNames) {
      const o = phases[name];
      p(`    ${name.padEnd(32)}${fmtMs(o.p50).padStart(11)}${fmtMs(o.p95).padStart(11)}${fmtMs(o.max).padStart(11)}${''.padStart(24)}  ${o.errors}`);
    }
  }
  p();
  p('Per-page ratios');
  for (const [label, r] of [
    ['Sift detect / isProbablyReaderable', ratios.detectVsIsProbablyReaderable],
    ['Sift extract / Readability.parse', ratios.extractVsReadabilityParse],
  ] as const) {
    p(`  ${label.padEnd(36)} p50 ${fmtX(r.p50)}  p95 ${fmtX(r.p95)}  (n=${r.n})` +
      (r.worst.length ? `  worst: ${r.worst.map((w) => `${w.id} ${w.ratio}x`).join(', ')}` : ''));
  }
  for (const op of ['detect', 'extract'] as const) {
    const list = report.slowest[op];
    if (list.length) p(`  slowest ${op}: ${list.map((x) => `${x.id} ${fmtMs(x.ms)} (${x.elements} el.)`).join(', ')}`);
  }
  if (mutated.length) p(`  !! Sift changed the document on: ${mutated.join(', ')}`);
  for (const e of report.loadErrors) p(`  !! ${e.id}: ${e.error}`);
  p();
  p('Generated 5 MB page');
  if (hugeOk) {
    p(`  ${(hugeOk.bytes / KB / KB).toFixed(2)} MB, ${hugeOk.elements} elements; detect ${fmtMs(hugeOk.detect.ms)} (first call ${fmtMs(hugeOk.detect.firstMs)})` +
      `${hugeOk.detect.error ? ` [${hugeOk.detect.error}]` : ''}; isProbablyReaderable ${fmtMs(hugeOk.isProbablyReaderable.ms)}; ` +
      `extract ${hugeOk.extractMs != null ? fmtMs(hugeOk.extractMs) : `did not complete (${hugeOk.extractError})`}`);
    p(`  detect says isArticle=${hugeOk.detectIsArticle}, isProbablyReaderable=${hugeOk.readerable}; extraction: ` +
      `${hugeOk.extractTextLength ? `${hugeOk.extractTextLength} characters of article` : 'no article'}, ${hugeOk.relatedItems ?? 0} related items`);
    const parts = Object.entries(hugeOk.phases ?? {});
    if (parts.length) p(`  parts of detect: ${parts.map(([n, t]) => `${n.replace(/^detect: /, '')} ${fmtMs(t.ms)}`).join(', ')}`);
  } else p(`  failed: ${(huge as { error: string }).error}`);
  p();
  p('Shipped JS (chrome-mv3)');
  if (sz) {
    for (const [label, g] of [
      ['every page (content scripts)', sz.everyPage],
      ['lazily loaded (extractor…)', sz.lazy],
      ['popup', sz.popup],
      ['background', sz.background],
    ] as const) {
      p(`  ${label.padEnd(30)} ${fmtKB(g.bytes).padStart(9)} min  ${fmtKB(g.gzip).padStart(9)} gzip  ${g.files.map((f) => `${f.file} ${fmtKB(f.bytes)}`).join(', ') || '(none)'}`);
      if (g.sources.length && g !== sz.background) {
        p(`      from: ${g.sources.slice(0, 8).map((x) => `${x.source} ${fmtKB(x.chars)}`).join(', ')}`);
      }
    }
  } else p(`  n/a: ${(sizes as { error: string }).error.split('\n')[0]}`);
  p();
  p('Popup: open → article painted');
  if (popup.status === 'ok') {
    for (const pg of popup.pages) {
      p(`  ${pg.id}: ${pg.samples.map((s) => s.toFixed(0)).join(', ')} ms (p50 ${fmtMs(pg.p50)}; first paint at p50 ${fmtMs(pg.firstPaintP50)}; page's answer in the popup at p50 ${fmtMs(pg.answerP50)}; first opening ${fmtMs(pg.coldMs)}, later ones (cached) p50 ${fmtMs(pg.warmP50)})`);
      p(`    first openings, each after a reload: ${pg.coldSamples.map((s) => s.toFixed(0)).join(', ')} ms (p50 ${fmtMs(pg.coldP50)})`);
    }
    p(`  all samples: p50 ${fmtMs(popup.p50)}  p95 ${fmtMs(popup.p95)}; later (cached) openings: p50 ${fmtMs(popup.warmP50)}  p95 ${fmtMs(popup.warmP95)}`);
    p(`  floor: an empty extension page opened the same way paints its first frame at p50 ${fmtMs(popup.floorP50)}, p95 ${fmtMs(popup.floorP95)} (the browser's first page of the extension, before them: ${fmtMs(popup.floorFirst)})`);
    p(`  bare: the same articles in a page with the popup's CSS and no framework, sanitiser or message (one fetch, innerHTML), opened in turn with the popup: title painted at p50 ${fmtMs(popup.bareP50)}, p95 ${fmtMs(popup.bareP95)} (${popup.pages.map((pg) => `${pg.id} p50 ${fmtMs(pg.bareP50)}`).join(', ')})`);
  } else p(`  n/a: ${popup.reason}`);
  if (popup.status === 'ok' && popup.progress) {
    const pr = popup.progress;
    p(`  ${pr.page} (${pr.note}): skeleton painted, "still reading" shown, page's answer, title painted; the click on Settings sent while the page was read, its input delay`);
    for (const o of pr.openings) {
      p(`    ${fmtMs(o.skeletonAt)}, ${fmtMs(o.wordsAt)}, ${fmtMs(o.answerAt)}, ${fmtMs(o.paintedAt)}; click at ${fmtMs(o.clickAt)}, delay ${fmtMs(o.inputDelayMs)}` +
        `${o.answeredClickWhileReading ? ', Settings opened before the answer' : ', Settings did not open before the answer'}; ` +
        `popup's longest task ${fmtTask(o.longestTaskBeforeAnswer)} before the answer, ${fmtTask(o.longestTaskAfterAnswer)} after`);
    }
  }
  if (popup.status === 'ok') {
    for (const w of popup.workerHeap) {
      p(`  service worker JS heap after GC, ${w.when}: ` +
        (w.usedBytes != null ? `${fmtMB(w.usedBytes)} used of ${fmtMB(w.totalBytes!)}` : w.note));
    }
  }
  if (popup.heap) p(`  50 reader on/off cycles: heap ${fmtKB(popup.heap.beforeBytes)} → ${fmtKB(popup.heap.afterBytes)}, growth ${fmtKB(popup.heap.growthBytes)} (${popup.heap.note})`);
  p();
  p('Budgets (issue 4, with issue 16\'s in place of two of them)');
  for (const b of budgets) {
    p(`  ${b.status.padEnd(5)} ${b.name.padEnd(52)} ${b.value.padStart(10)}  (${b.limit})${b.note ? `  — ${b.note}` : ''}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
