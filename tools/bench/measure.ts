// The bench's first step: every measurement, no verdicts. Sift's detection and extraction timed
// inside Chromium on every corpus page and on the generated 5 MB page, the sizes of what ships,
// and the popup's openings and reader cycles on the built extension.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildPageBundle, injectBundle, launchChromium, offlineContext, readPageSource, REPO, type PageSource } from '../chromium/pages';
import { DEFAULT_TIMING, type HugePageMeasure, type PageMeasure, type TimingOptions } from '../in-page/index';
import { listPageDirs } from '../../tests/support/load-page';
import type { Args } from './args';
import { NOT_RUN } from './format';
import { HUGE_PAGE_URL, generateHugePage } from './huge-page';
import { measurePopup, type PopupMeasure } from './popup/popup';
import { buildExtension, measureShipped, type ShippedSizes } from './sizes';
import { raceFirefox } from './firefox/race';
import type { FirefoxRace } from './firefox/ratios';

const SEED_FIXTURE = 'seed-dedecms';

export interface PageRow {
  id: string;
  corpus: string;
  bytes: number;
  measure?: PageMeasure;
  error?: string;
}

export type HugeResult = (HugePageMeasure & { bytes: number; generatedElements: number }) | { error: string };

/** What one run measured. */
export interface Measurements {
  timing: TimingOptions;
  skipped: string[];
  sources: PageSource[];
  chromiumVersion: string;
  rows: PageRow[];
  huge: HugeResult;
  sizes: ShippedSizes | { error: string };
  popup: PopupMeasure;
  /** Issue 16's race against Firefox Reader View (--firefox), else n/a. */
  firefox: FirefoxRace;
}

const started = Date.now();
export function log(msg: string) {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}

export async function measure(args: Args): Promise<Measurements> {
  const timing: TimingOptions = args.quick ? { batchMs: 2, samples: 3, budgetMs: 150, warmMs: 10 } : DEFAULT_TIMING;
  const { sources, skipped } = readCorpora(args);
  if (args.firefoxOnly) {
    const firefox = await raceFirefox({ build: args.build, quick: args.quick, only: args.only, log });
    const popup: PopupMeasure = { status: 'n/a', reason: NOT_RUN, pages: [], heap: null };
    return { timing, skipped, sources: [], chromiumVersion: 'not run', rows: [], huge: { error: NOT_RUN }, sizes: { error: NOT_RUN }, popup, firefox };
  }

  log(`bench: building the page bundle (lib/ + Readability)…`);
  const bundle = await buildPageBundle();
  const browser = await launchChromium();
  const chromiumVersion = browser.version();
  let rows: PageRow[] = [];
  let huge: HugeResult;
  const hugeSource = hugePageSource();
  try {
    log(`bench: ${sources.length} pages in Chromium ${chromiumVersion}…`);
    rows = await measureCorpus(browser, bundle, sources, timing);
    log(`bench: generated 5 MB page…`);
    huge = await measureHuge(browser, bundle, timing, hugeSource).catch((err: Error) => ({ error: err.message }));
  } finally {
    await browser.close();
  }

  const { sizes, extDir } = shippedSizes(args);
  // …and on the generated 5 MB page, whether the popup shows it is at work and answers meanwhile.
  log(`bench: popup open → article painted…`);
  const popup: PopupMeasure = await measurePopup(extDir, popupPages(sources), hugeSource).catch((err: Error) => ({
    status: 'n/a' as const,
    reason: `popup bench failed: ${err.message.split('\n')[0]}`,
    pages: [],
    heap: null,
  }));
  // Last, on its own: Firefox and Chromium never run at the same time (2 cores).
  const firefox = args.firefox
    ? await raceFirefox({ build: args.build, quick: args.quick, only: args.only, log })
    : { status: 'n/a' as const, reason: 'run with --firefox', rounds: 0, warm: false, pages: [], refused: [], errors: [], skipped: [], loadAverage: null };
  return { timing, skipped, sources, chromiumVersion, rows, huge: huge!, sizes, popup, firefox };
}

/** The page folders of every corpus asked for; an absent corpus is skipped and said so. */
function readCorpora(args: Args) {
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
  return { sources, skipped };
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

/** Builds the extension into its own folder (or takes .output/chrome-mv3 with --no-build) and sizes what ships. */
function shippedSizes(args: Args): { sizes: ShippedSizes | { error: string }; extDir: string | null } {
  try {
    let extDir: string;
    if (args.build) {
      log(`bench: wxt build into .output/bench…`);
      extDir = buildExtension(join(REPO, '.output/bench'));
    } else {
      extDir = join(REPO, '.output/chrome-mv3');
    }
    return { sizes: measureShipped(extDir), extDir };
  } catch (err) {
    return { sizes: { error: (err as Error).message }, extDir: null };
  }
}

/** Popup open → article painted, and reader on/off cycles: on the seed fixture and the largest page. */
function popupPages(sources: PageSource[]): PageSource[] {
  const bySize = [...sources].sort((a, b) => b.fileBytes - a.fileBytes);
  return [
    sources.find((s) => s.id === SEED_FIXTURE),
    bySize.find((s) => s.id !== SEED_FIXTURE && !s.dir.startsWith(join(REPO, 'tests/fixtures'))),
  ].filter((s): s is PageSource => !!s);
}
