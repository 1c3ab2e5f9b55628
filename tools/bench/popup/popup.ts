// The built extension in Chromium: how long from opening the popup to the article painted, and
// whether 50 reader-mode on/off cycles leak into the page's JS heap. The popup is opened as a tab
// (popup.html?tab=<id>, as entrypoints/popup/main.tsx allows) pointed at the page's tab.
// Openings are timed over a bare DevTools pipe (cdp-pipe.ts), each left alone while it opens;
// the reader cycles, which click in the popup, go through Playwright.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, NO_SCRIPTS_CSP, type PageSource } from '../../chromium/pages';
import { percentile } from '../stats';
import { CdpPipe } from '../../../tests/support/cdp-pipe';

export interface PopupPageMeasure {
  id: string;
  bytes: number;
  /** Open → article painted, one per popup opening, in ms. */
  samples: number[];
  p50: number | null;
  /** Open → first contentful paint (the loading skeleton), p50. */
  firstPaintP50: number | null;
  /** Open → the page's answer in the popup (entrypoints/popup/App.tsx marks it), p50: the rest is rendering. */
  answerP50: number | null;
  /** The first opening on the page (nothing cached) and the later ones (the background's cached extraction). */
  coldMs: number | null;
  warmP50: number | null;
  /**
   * First openings: the one above and COLD_OPENINGS more, each after a reload of the page (the
   * page is read again: nothing cached in the background or in the page). Open → title painted.
   */
  coldSamples: number[];
  coldP50: number | null;
  /**
   * The same article in BARE_PAGE, opened in turn with the popup: a page of the extension that
   * fetches the popup's own rendered article from the extension's files and sets it as HTML under
   * the popup's CSS. No framework, no sanitiser, no message to the tab: what a popup of this
   * article cannot go below on this machine. One per opening, in ms.
   */
  bareSamples: number[];
  bareP50: number | null;
}

export interface HeapMeasure {
  page: string;
  cycles: number;
  beforeBytes: number | null;
  afterBytes: number | null;
  /** null when the cycles could not run; `note` says why. */
  growthBytes: number | null;
  /** Chromium's live DOM counters for the page's renderer before and after (a leak of nodes or listeners shows here). */
  domCounters?: { before: DomCounters; after: DomCounters };
  note: string;
}

/** The service worker's JS heap after a forced GC (Runtime.getHeapUsage), at a moment `when` says. */
export interface WorkerHeap {
  when: string;
  usedBytes: number | null;
  totalBytes: number | null;
  /** Why there is no figure, when there is none. */
  note?: string;
}

export interface DomCounters {
  documents: number;
  nodes: number;
  jsEventListeners: number;
}

export type PopupMeasure =
  | {
      status: 'ok';
      pages: PopupPageMeasure[];
      p50: number | null;
      p95: number | null;
      heap: HeapMeasure | null;
      /** First paint of an empty page of the extension (FLOOR_PAGE), p50: what any popup pays here. */
      floorP50: number | null;
      floorP95: number | null;
      /** The browser's first page of the extension, before the floor's counted openings (not in p50/p95). */
      floorFirst: number | null;
      /** BARE_PAGE's title painted, all pages: p50 and p95. */
      bareP50: number | null;
      bareP95: number | null;
      /** The popup's later (cached) openings, all pages: p50 and p95 (issue 16 compares them with the bare page's). */
      warmP50: number | null;
      warmP95: number | null;
      /** The popup on the generated 5 MB page (measureProgress); null when not asked for. */
      progress: ProgressMeasure | null;
      /** The background service worker's JS heap after GC, once the pages above had been read through it. */
      workerHeap: WorkerHeap[];
    }
  | { status: 'n/a'; reason: string; pages: PopupPageMeasure[]; heap: HeapMeasure | null };

const OPENINGS = 10;
/** First openings after the first one, each after a reload of the page. */
const COLD_OPENINGS = 4;
/** An empty page added to the timing copy only: the browser's own cost of opening an extension page. */
const FLOOR_PAGE = 'bench-floor.html';
/**
 * Added to the timing copy only: renders bench-bare-<n>.json (the article the popup painted,
 * saved by the bench after the popup's first opening) with the popup's stylesheet.
 */
const BARE_PAGE = 'bench-bare.html';
const CYCLES = 50;
const ARTICLE = '.sift-article .sift-body';
/** ReaderView's article title carries elementtiming="sift-article" for this. */
const ARTICLE_TIMING = 'sift-article';
/** How long an opening is left alone before it is asked; one still busy is waited for. */
const SETTLE_MS = 1000;
const READER_BUTTON = 'button[aria-pressed]';

function notAvailable(reason: string): PopupMeasure {
  return { status: 'n/a', reason, pages: [], heap: null };
}

/** Chromium with the built extension loaded; returns its id. */
async function launchWithExtension(extDir: string, userDir: string): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    serviceWorkers: 'allow',
    args: [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  try {
    // Extensions.loadUnpacked rather than --load-extension: it says why a build does not load.
    const cdp = await context.browser()!.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: extDir } as never)) as { id: string };
    await cdp.detach();
    const worker =
      context.serviceWorkers().find((w) => w.url().includes(id)) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(id), timeout: 15_000 }));
    if (!worker) throw new Error('the background service worker did not start');
    return { context, id };
  } catch (err) {
    await context.close();
    throw new Error(`the extension did not load: ${(err as Error).message.replace(/^.*?: /, '')}`);
  }
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const worker = context.serviceWorkers()[0];
  const tabId = await worker.evaluate(async (target: string) => {
    // No named helpers in here: tsx would wrap them in a __name() the worker does not have.
    const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t) => t.url && t.url.replace(/#.*$/, '') === target.replace(/#.*$/, ''))?.id ?? null;
  }, url);
  if (tabId == null) throw new Error(`no tab for ${url}`);
  return tabId;
}

/** The page's JS heap after forced GC, and Chromium's DOM counters. */
async function heapUsed(page: Page): Promise<{ used: number; counters: DomCounters }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counters = (await cdp.send('Memory.getDOMCounters' as never)) as DomCounters;
    return { used: usedSize, counters: { documents: counters.documents, nodes: counters.nodes, jsEventListeners: counters.jsEventListeners } };
  } finally {
    await cdp.detach();
  }
}

async function toggle(popup: Page, to: boolean) {
  const button = popup.locator(READER_BUTTON).first();
  await button.click();
  await popup.waitForFunction(
    ([sel, want]) => document.querySelector(sel as string)?.getAttribute('aria-pressed') === String(want),
    [READER_BUTTON, to] as const,
    { timeout: 10_000 },
  );
}

/**
 * A copy of the shipped build whose manifest also grants host access and `tabs`, as the e2e build
 * does (SIFT_E2E in wxt.config.ts): a benchmark cannot click the toolbar button to get activeTab.
 * The JS is the shipped JS, byte for byte.
 */
function timingCopy(extDir: string): string {
  const copy = join(dirname(extDir), 'timing-chrome-mv3');
  rmSync(copy, { recursive: true, force: true });
  cpSync(extDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.permissions = [...new Set([...(manifest.permissions ?? []), 'tabs'])];
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  writeFileSync(join(copy, FLOOR_PAGE), '<!doctype html><meta charset="utf-8"><title>floor</title><p>An empty extension page.</p>');
  // The popup's stylesheets, as its HTML links them (Vite puts them in the head).
  const popupHtml = readFileSync(join(copy, manifest.action?.default_popup ?? 'popup.html'), 'utf8');
  const styles = [...popupHtml.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('');
  writeFileSync(join(copy, BARE_PAGE), `<!doctype html><html><head><meta charset="utf-8"><title>bare</title><script src="/bench-bare.js"></script>${styles}</head><body><div id="app"></div></body></html>`);
  writeFileSync(join(copy, 'bench-bare.js'), BARE_SCRIPT);
  return copy;
}

// BARE_PAGE's script (MV3 pages take no inline script): the classes are ReaderView's.
const BARE_SCRIPT = `fetch('/bench-bare-' + new URLSearchParams(location.search).get('n') + '.json').then((r) => r.json()).then((a) => {
  const show = () => {
    const root = document.createElement('div');
    root.className = 'sift-root sift-popup';
    root.innerHTML = '<main class="sift-main"><div class="sift-reader"><article class="sift-article"><header class="sift-header">'
      + '<h1 class="sift-title" elementtiming="${ARTICLE_TIMING}"></h1></header><div class="sift-body"></div></article></div></main>';
    const article = root.querySelector('article');
    if (a.lang) article.lang = a.lang;
    if (a.dir) article.dir = a.dir;
    root.querySelector('h1').textContent = a.title;
    root.querySelector('.sift-body').innerHTML = a.html;
    document.getElementById('app').append(root);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
});
`;

// What the popup painted, for BARE_PAGE.
const PAINTED_ARTICLE = `JSON.stringify((() => {
  const article = document.querySelector('.sift-article');
  return { title: article.querySelector('.sift-title').textContent, html: article.querySelector('.sift-body').innerHTML, lang: article.lang, dir: article.dir };
})())`;

/** Measures the popup on `pages`; n/a (with the reason) while the extension has no popup yet. */
export async function measurePopup(extDir: string | null, pages: PageSource[], progressPage?: PageSource): Promise<PopupMeasure> {
  if (!extDir || !existsSync(join(extDir, 'manifest.json'))) return notAvailable('no extension build');
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  const popupFile: string | undefined = manifest.action?.default_popup;
  if (!popupFile) return notAvailable('the build has no popup yet');
  if (!pages.length) return notAvailable('no pages to open');
  const copy = timingCopy(extDir);
  let timed: Awaited<ReturnType<typeof timeOpenings>>;
  try {
    timed = await timeOpenings(copy, popupFile, pages, progressPage);
  } catch (err) {
    return notAvailable((err as Error).message.split('\n')[0]);
  }
  const last = pages[pages.length - 1];
  const heap = await readerCyclesOn(copy, popupFile, last).catch((err: Error) => ({
    page: last.id,
    cycles: CYCLES,
    beforeBytes: null,
    afterBytes: null,
    growthBytes: null,
    note: `reader cycles failed: ${err.message.split('\n')[0]}`,
  }));
  const all = timed.results.flatMap((r) => r.samples);
  const bare = timed.results.flatMap((r) => r.bareSamples);
  const warm = timed.results.flatMap((r) => r.samples.slice(1));
  return {
    status: 'ok',
    pages: timed.results,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    heap,
    // The first is the browser's first page of the extension, which no popup opening pays here.
    floorP50: percentile(timed.floor.slice(1), 0.5),
    floorP95: percentile(timed.floor.slice(1), 0.95),
    floorFirst: timed.floor[0] ?? null,
    bareP50: percentile(bare, 0.5),
    bareP95: percentile(bare, 0.95),
    warmP50: percentile(warm, 0.5),
    warmP95: percentile(warm, 0.95),
    progress: timed.progress,
    workerHeap: timed.workerHeap,
  };
}

// Read in the popup once it has been left alone to open: when the article's title was painted
// (Element Timing: ReaderView's <h1 elementtiming>, the browser's own paint time), the first
// paint (the loading skeleton) and the page's answer (App.tsx's mark), or the state shown instead.
const OUTCOME = `new Promise((done) => {
  const report = (kind, paintedAt, text) => done(JSON.stringify({
    kind, paintedAt, text,
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    answer: performance.getEntriesByName('sift:page-received')[0]?.startTime ?? null,
  }));
  const timer = setTimeout(() => report('timeout', null, 'nothing after 30 s'), 30000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.identifier === ${JSON.stringify(ARTICLE_TIMING)});
    if (!entry) return;
    observer.disconnect();
    clearTimeout(timer);
    report('article', entry.renderTime || entry.startTime, '');
  }).observe({ type: 'element', buffered: true });
  const poll = () => {
    const state = document.querySelector('.sift-state');
    if (!state) return setTimeout(poll, 50);
    clearTimeout(timer);
    report('state', null, state.textContent.replace(/\\s+/g, ' ').trim());
  };
  poll();
})`;

const FIRST_PAINT = `new Promise((done) => new PerformanceObserver((list) => {
  const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
  if (entry) done(entry.startTime);
}).observe({ type: 'paint', buffered: true }))`;

/** Opens a page target and gives it time to open with no DevTools client attached. */
async function openAlone(cdp: CdpPipe, url: string, settleMs: number): Promise<{ targetId: string; sessionId: string }> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  return { targetId, sessionId };
}

interface Outcome {
  kind: string;
  paintedAt: number | null;
  text: string;
  firstPaint: number | null;
  answer: number | null;
}

/**
 * Opens `url` alone, reads what it painted and when (OUTCOME), and closes it; throws when it
 * painted no article (`what` names it). `save`: also writes the painted article there (PAINTED_ARTICLE).
 */
async function openAndRead(cdp: CdpPipe, url: string, what: string, save?: string): Promise<Outcome & { paintedAt: number }> {
  const { targetId, sessionId } = await openAlone(cdp, url, SETTLE_MS);
  try {
    const outcome = JSON.parse(await evaluateOnceOpen(cdp, sessionId, OUTCOME)) as Outcome;
    if (outcome.kind !== 'article' || outcome.paintedAt == null) throw new Error(`${what} showed no article (${outcome.text})`);
    if (save) writeFileSync(save, await cdp.evaluate<string>(sessionId, PAINTED_ARTICLE));
    return { ...outcome, paintedAt: outcome.paintedAt };
  } finally {
    await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
  }
}

/**
 * Evaluates in the opened page. On a loaded machine an opening may still be on its initial
 * about:blank when it is asked; that document goes away as the page commits: ask again.
 */
async function evaluateOnceOpen(cdp: CdpPipe, sessionId: string, expression: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await cdp.evaluate<string>(sessionId, expression);
    } catch (err) {
      if (attempt >= 20 || !/context was destroyed|Cannot find (default )?execution context/i.test((err as Error).message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function waitForTarget(cdp: CdpPipe, match: (t: { type: string; url: string }) => boolean, what: string) {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const { targetInfos } = await cdp.send<{ targetInfos: Array<{ targetId: string; type: string; url: string }> }>('Target.getTargets');
    const found = targetInfos.find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start`);
}

/**
 * Every popup opening (and the floor) in a Chromium driven over its DevTools pipe: each opening
 * is a new tab left alone until it has had time to paint, then asked what it painted and when
 * (cdp-pipe.ts says why not through Playwright). Only the page's tab is attached from the start,
 * to serve it from disk.
 */
async function timeOpenings(extDir: string, popupFile: string, pages: PageSource[], progressPage?: PageSource) {
  const cdp = CdpPipe.launch(CHROMIUM, [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging']);
  try {
    // Extensions.loadUnpacked rather than --load-extension: it says why a build does not load.
    const { id } = await cdp.send<{ id: string }>('Extensions.loadUnpacked', { path: extDir }).catch((err: Error) => {
      throw new Error(`the extension did not load: ${err.message.replace(/^.*?: /, '')}`);
    });
    const worker = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`), 'the background service worker');
    const { sessionId: workerSession } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.targetId, flatten: true });

    const floor: number[] = [];
    for (let i = 0; i <= OPENINGS; i++) {
      const { targetId, sessionId } = await openAlone(cdp, `chrome-extension://${id}/${FLOOR_PAGE}`, 500);
      floor.push(Number(await evaluateOnceOpen(cdp, sessionId, FIRST_PAINT)));
      await cdp.send('Target.closeTarget', { targetId });
    }

    const results: PopupPageMeasure[] = [];
    // The service worker's memory (issue 21): with each page's tab open, its extraction held in
    // the background's cache (bounded: 16 tabs, 8 MB), and once every tab has closed. Reported,
    // not a budget.
    const workerHeap: WorkerHeap[] = [];
    for (const source of pages) {
      const tab = await serveInTab(cdp, source, workerSession);
      try {
        const popupUrl = `chrome-extension://${id}/${popupFile}?tab=${tab.tabId}`;
        const bareUrl = `chrome-extension://${id}/${BARE_PAGE}?n=${results.length}`;
        const samples: number[] = [];
        const firstPaints: number[] = [];
        const answers: number[] = [];
        const bareSamples: number[] = [];
        const openPopup = async (first: boolean) => {
          // The first opening also leaves what it painted for the bare page.
          const save = first ? join(extDir, `bench-bare-${results.length}.json`) : undefined;
          const outcome = await openAndRead(cdp, popupUrl, `${source.id}: the popup`, save);
          samples.push(outcome.paintedAt);
          if (outcome.firstPaint != null) firstPaints.push(outcome.firstPaint);
          if (outcome.answer != null) answers.push(outcome.answer);
        };
        const openBare = async () => {
          bareSamples.push((await openAndRead(cdp, bareUrl, `${source.id}: the bare page`)).paintedAt);
        };
        // The popup's first opening comes first (it is the cold one, and the bare page shows what
        // it painted); after that the two take turns leading, so neither always follows the other.
        await openPopup(true);
        await openBare();
        for (let i = 1; i < OPENINGS; i++) {
          if (i % 2) {
            await openBare();
            await openPopup(false);
          } else {
            await openPopup(false);
            await openBare();
          }
        }
        // More first openings, each on a page loaded again: read again, nothing kept anywhere.
        const coldSamples = samples.slice(0, 1);
        for (let i = 0; i < COLD_OPENINGS; i++) {
          await tab.reload();
          // The content script reports the load, which drops the background's copy: give it time.
          await new Promise((resolve) => setTimeout(resolve, 500));
          coldSamples.push((await openAndRead(cdp, popupUrl, `${source.id}: the popup, first opening`)).paintedAt);
        }
        results.push({
          coldSamples,
          coldP50: percentile(coldSamples, 0.5),
          id: source.id,
          bytes: source.fileBytes,
          samples,
          p50: percentile(samples, 0.5),
          firstPaintP50: percentile(firstPaints, 0.5),
          answerP50: percentile(answers, 0.5),
          coldMs: samples[0] ?? null,
          warmP50: percentile(samples.slice(1), 0.5),
          bareSamples,
          bareP50: percentile(bareSamples, 0.5),
        });
        workerHeap.push(await workerHeapNow(cdp, workerSession, `read ${source.id} (${Math.round(source.fileBytes / 1024)} KB of HTML), its tab open`));
      } finally {
        await tab.close();
      }
    }
    let progress: ProgressMeasure | null = null;
    if (progressPage) {
      progress = await measureProgress(cdp, `chrome-extension://${id}/${popupFile}`, progressPage, workerSession).catch((err: Error) => ({
        page: progressPage.id,
        openings: [],
        note: `failed: ${err.message.split('\n')[0]}`,
      }));
    }
    const read = [...results.map((r) => r.id), ...(progressPage ? [progressPage.id] : [])];
    workerHeap.push(await workerHeapNow(cdp, workerSession, `read ${read.join(', ')}, every tab closed`));
    return { floor, results, progress, workerHeap };
  } finally {
    await cdp.close();
  }
}

/** The worker's JS heap after a forced GC (its session stays attached, so it is never stopped for idling). */
async function workerHeapNow(cdp: CdpPipe, workerSession: string, when: string): Promise<WorkerHeap> {
  try {
    await cdp.send('HeapProfiler.collectGarbage', {}, workerSession);
    const { usedSize, totalSize } = await cdp.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage', {}, workerSession);
    return { when, usedBytes: usedSize, totalBytes: totalSize };
  } catch (err) {
    return { when, usedBytes: null, totalBytes: null, note: `not measured: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** A tab showing `source`, served from memory; every other request fails. */
async function serveInTab(cdp: CdpPipe, source: PageSource, workerSession: string) {
  const { targetId: tabTarget } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId: tabSession } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: tabTarget, flatten: true });
  const pageUrl = source.url.replace(/#.*$/, '');
  const stopServing = cdp.on(({ method, params, sessionId }) => {
    if (method !== 'Fetch.requestPaused' || sessionId !== tabSession) return;
    const serve = params.request.url.replace(/#.*$/, '') === pageUrl && params.resourceType === 'Document';
    const reply = serve
      ? cdp.send('Fetch.fulfillRequest', {
          requestId: params.requestId,
          responseCode: 200,
          responseHeaders: [
            { name: 'content-type', value: 'text/html; charset=utf-8' },
            { name: 'content-security-policy', value: NO_SCRIPTS_CSP },
          ],
          body: source.body.toString('base64'),
        }, tabSession)
      : cdp.send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'BlockedByClient' }, tabSession);
    reply.catch(() => {});
  });
  const close = async () => {
    stopServing();
    await cdp.send('Target.closeTarget', { targetId: tabTarget }).catch(() => {});
  };
  /** Loads the page (again): a load also drops the background's cached extraction of the tab. */
  const load = async (navigate: () => Promise<unknown>) => {
    const loaded = cdp.waitFor((e) => e.method === 'Page.loadEventFired' && e.sessionId === tabSession, 60_000, `${source.id} to load`);
    await navigate();
    await loaded;
  };
  try {
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, tabSession);
    await cdp.send('Page.enable', {}, tabSession);
    await load(() => cdp.send('Page.navigate', { url: source.url }, tabSession));
    const tabId = await cdp.evaluate<number | null>(
      workerSession,
      `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url && t.url.replace(/#.*$/, '') === ${JSON.stringify(pageUrl)})?.id ?? null)`,
    );
    if (tabId == null) throw new Error(`no tab for ${source.url}`);
    return { tabId, close, reload: () => load(() => cdp.send('Page.reload', {}, tabSession)) };
  } catch (err) {
    await close();
    throw err;
  }
}

/** One popup opening on a page that takes long to read (ProgressMeasure). All times from the opening. */
export interface ProgressOpening {
  /** First contentful paint: the loading skeleton (it is all the popup has before the answer). */
  skeletonAt: number | null;
  /** The skeleton's words that the page is still being read (components/States.tsx), when they came before the answer. */
  wordsAt: number | null;
  /** The page's answer in the popup (App.tsx's mark): the page was read until then. */
  answerAt: number | null;
  /** The article's title painted. */
  paintedAt: number | null;
  /** The click on Settings, sent while the page was being read: when it happened and how long it waited for the popup. */
  clickAt: number | null;
  inputDelayMs: number | null;
  /** The settings panel was open two frames (at most 250 ms) after the click, and the answer had not come yet. */
  answeredClickWhileReading: boolean;
  /** The popup's longest task (Long Tasks API) before the answer, and from the answer to 1 s after the title painted. */
  longestTaskBeforeAnswer: number;
  longestTaskAfterAnswer: number;
}

export interface ProgressMeasure {
  page: string;
  openings: ProgressOpening[];
  note: string;
}

/** What the openings of measureProgress say against issue 4's "shows progress and stays responsive". */
export interface ProgressVerdict {
  /** Openings that painted the skeleton before the answer and, when the answer took longer than `slowMs` (and a frame), said in words that they were still reading. */
  showedProgress: number;
  /** Openings whose click, sent while the page was read, opened Settings before the answer. */
  answeredClicks: number;
  /** The longest input delay of those clicks; null when an opening sent none. */
  worstInputDelayMs: number | null;
  longestTaskBeforeAnswer: number;
  longestTaskAfterAnswer: number;
  /** Every opening showed progress; every click was answered while reading, within `maxDelayMs`. */
  progressOk: boolean;
  responsiveOk: boolean;
}

export function judgeProgress(openings: ProgressOpening[], slowMs: number, maxDelayMs = 100): ProgressVerdict {
  const showed = ({ skeletonAt, wordsAt, answerAt }: ProgressOpening) =>
    skeletonAt != null && answerAt != null && skeletonAt < answerAt && (answerAt <= slowMs + 100 || (wordsAt != null && wordsAt < answerAt));
  const showedProgress = openings.filter(showed).length;
  const answeredClicks = openings.filter((o) => o.answeredClickWhileReading).length;
  const delays = openings.map((o) => o.inputDelayMs);
  const worstInputDelayMs = openings.length && delays.every((d) => d != null) ? Math.max(...(delays as number[])) : null;
  const longest = (pick: (o: ProgressOpening) => number) => Math.max(0, ...openings.map(pick));
  return {
    showedProgress,
    answeredClicks,
    worstInputDelayMs,
    longestTaskBeforeAnswer: longest((o) => o.longestTaskBeforeAnswer),
    longestTaskAfterAnswer: longest((o) => o.longestTaskAfterAnswer),
    progressOk: openings.length > 0 && showedProgress === openings.length,
    responsiveOk: worstInputDelayMs != null && worstInputDelayMs <= maxDelayMs && answeredClicks === openings.length,
  };
}

const PROGRESS_OPENINGS = 3;
const SETTINGS_BUTTON = 'button[aria-controls="sift-settings"]';

// Once the popup's own document is there (an opening may still be on its initial about:blank,
// which goes away as the popup commits: evaluateOnceOpen asks again then), starts watching long
// tasks and the first input (both buffered, so nothing earlier is missed) and the skeleton's
// words; then gives the Settings button's centre, or null when the page has already answered.
const WATCH_AND_FIND_BUTTON = `new Promise((done) => {
  const started = performance.now();
  const watch = () => {
    const w = globalThis.__siftBenchWatch = { tasks: [], firstInput: null, wordsAt: null };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => { const e = list.getEntries()[0]; if (e && !w.firstInput) w.firstInput = { at: e.startTime, delay: e.processingStart - e.startTime }; }).observe({ type: 'first-input', buffered: true });
    const words = () => { if (w.wordsAt == null && document.querySelector('.sift-skeleton-note')) w.wordsAt = performance.now(); };
    new MutationObserver(words).observe(document, { childList: true, subtree: true });
    words();
  };
  const look = () => {
    if (location.protocol !== 'chrome-extension:') return setTimeout(look, 20);
    if (!globalThis.__siftBenchWatch) watch();
    const answered = performance.getEntriesByName('sift:page-received').length > 0;
    const button = document.querySelector(${JSON.stringify(SETTINGS_BUTTON)});
    if (button && !answered) {
      const r = button.getBoundingClientRect();
      return done(JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 }));
    }
    if (answered || performance.now() - started > 10000) return done('null');
    setTimeout(look, 20);
  };
  look();
})`;

// Two frames after the click (or 250 ms, should frames not come): did the panel open, and was
// the page still being read?
const AFTER_CLICK = `new Promise((done) => {
  const report = () => done(JSON.stringify({
    open: document.getElementById('sift-settings')?.hidden === false,
    answered: performance.getEntriesByName('sift:page-received').length > 0,
  }));
  const timer = setTimeout(report, 250);
  requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); report(); }));
})`;

// What the watch saw, read once OUTCOME is in (the title painted) and a second more has passed.
const WATCHED = `(() => {
  const w = globalThis.__siftBenchWatch;
  if (!w) throw new Error('the popup was not watched from its start');
  const answerAt = performance.getEntriesByName('sift:page-received')[0]?.startTime ?? null;
  const longest = (from, to) => Math.max(0, ...w.tasks.filter(([at]) => at >= from && at < to).map(([, d]) => d));
  return JSON.stringify({
    firstInput: w.firstInput,
    wordsAt: w.wordsAt,
    longestTaskBeforeAnswer: longest(0, answerAt ?? Infinity),
    longestTaskAfterAnswer: answerAt == null ? 0 : longest(answerAt, Infinity),
  });
})()`;

/**
 * The popup on a page that takes long to read (the generated 5 MB page): it must show the reader
 * it is at work and answer them meanwhile, since the reading happens in the page. Each opening
 * follows a reload of the page (nothing cached); a click on Settings is sent while the page is
 * still being read.
 */
async function measureProgress(cdp: CdpPipe, popupBase: string, source: PageSource, workerSession: string): Promise<ProgressMeasure> {
  const tab = await serveInTab(cdp, source, workerSession);
  const openings: ProgressOpening[] = [];
  try {
    for (let i = 0; i < PROGRESS_OPENINGS; i++) {
      if (i > 0) await tab.reload();
      // The content script reports the load, which drops the cached extraction: give it time.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: `${popupBase}?tab=${tab.tabId}` });
      try {
        const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
        const at = JSON.parse(await evaluateOnceOpen(cdp, sessionId, WATCH_AND_FIND_BUTTON)) as { x: number; y: number } | null;
        let answeredClickWhileReading = false;
        if (at) {
          for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
            await cdp.send('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: 1 }, sessionId);
          }
          const after = JSON.parse(await cdp.evaluate<string>(sessionId, AFTER_CLICK)) as { open: boolean; answered: boolean };
          answeredClickWhileReading = after.open && !after.answered;
        }
        const outcome = JSON.parse(await cdp.evaluate<string>(sessionId, OUTCOME)) as Outcome;
        await new Promise((resolve) => setTimeout(resolve, 1000)); // the rest of the article renders
        const watched = JSON.parse(await cdp.evaluate<string>(sessionId, WATCHED)) as Pick<ProgressOpening, 'wordsAt' | 'longestTaskBeforeAnswer' | 'longestTaskAfterAnswer'> & {
          firstInput: { at: number; delay: number } | null;
        };
        openings.push({
          skeletonAt: outcome.firstPaint,
          wordsAt: watched.wordsAt,
          answerAt: outcome.answer,
          paintedAt: outcome.paintedAt,
          clickAt: watched.firstInput?.at ?? null,
          inputDelayMs: watched.firstInput?.delay ?? null,
          answeredClickWhileReading,
          longestTaskBeforeAnswer: watched.longestTaskBeforeAnswer,
          longestTaskAfterAnswer: watched.longestTaskAfterAnswer,
        });
      } finally {
        await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
      }
    }
  } finally {
    await tab.close();
  }
  return { page: source.id, openings, note: `${openings.length} openings, each after a reload of the page` };
}

/** The reader cycles on `source`, driven through Playwright (clicks in the popup, heap snapshots). */
async function readerCyclesOn(extDir: string, popupFile: string, source: PageSource): Promise<HeapMeasure> {
  const userDir = mkdtempSync(join(tmpdir(), 'sift-bench-'));
  let launched: { context: BrowserContext; id: string };
  try {
    launched = await launchWithExtension(extDir, userDir);
  } catch (err) {
    rmSync(userDir, { recursive: true, force: true });
    throw err;
  }
  const { context, id } = launched;
  try {
    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = req.url();
      if (url.startsWith('chrome-extension://')) return route.continue();
      if (req.isNavigationRequest() && url.replace(/#.*$/, '') === source.url.replace(/#.*$/, '')) {
        return route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': NO_SCRIPTS_CSP },
          body: source.body,
        });
      }
      return route.abort('blockedbyclient');
    });
    const tab = await context.newPage();
    await tab.goto(source.url, { waitUntil: 'load' });
    const tabId = await tabIdOf(context, source.url);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/${popupFile}?tab=${tabId}`);
    await popup.waitForSelector(ARTICLE, { timeout: 30_000 });
    return await readerCycles(tab, popup, source.id);
  } finally {
    await context.close();
    rmSync(userDir, { recursive: true, force: true });
  }
}

/** 50 reader on/off cycles driven from the popup's button; the page's heap after GC, before and after. */
async function readerCycles(tab: Page, popup: Page, id: string): Promise<HeapMeasure> {
  if (!(await popup.$(READER_BUTTON))) throw new Error('the popup has no reader-mode button');
  // One cycle first: loading the reader's code and styles the first time is not a leak. It also
  // checks that "on" really puts the overlay (WXT's <sift-reader> host) in the page and "off" removes it.
  const overlays = () => tab.evaluate(() => document.querySelectorAll('sift-reader').length);
  await toggle(popup, true);
  const shown = await overlays();
  await toggle(popup, false);
  const left = await overlays();
  if (shown !== 1 || left !== 0) {
    throw new Error(`reader mode did not toggle the overlay (${shown} <sift-reader> when on, ${left} when off)`);
  }
  const before = await heapUsed(tab);
  for (let i = 0; i < CYCLES; i++) {
    await toggle(popup, true);
    await toggle(popup, false);
  }
  const after = await heapUsed(tab);
  const { documents: d0, nodes: n0, jsEventListeners: l0 } = before.counters;
  const { documents: d1, nodes: n1, jsEventListeners: l1 } = after.counters;
  return {
    page: id,
    cycles: CYCLES,
    beforeBytes: before.used,
    afterBytes: after.used,
    growthBytes: after.used - before.used,
    domCounters: { before: before.counters, after: after.counters },
    note:
      `${id}, after forced GC, the page's isolate (page + content scripts); ` +
      `DOM counters before → after: documents ${d0} → ${d1}, nodes ${n0} → ${n1}, JS listeners ${l0} → ${l1}`,
  };
}
