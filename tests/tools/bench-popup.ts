// The built extension in Chromium: how long from opening the popup to the article painted, and
// whether 50 reader-mode on/off cycles leak into the page's JS heap. The popup is opened as a tab
// (popup.html?tab=<id>, as entrypoints/popup/main.tsx allows) pointed at the page's tab.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, NO_SCRIPTS_CSP, type PageSource } from './bench-browser';
import { percentile } from './bench-stats';

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
    }
  | { status: 'n/a'; reason: string; pages: PopupPageMeasure[]; heap: HeapMeasure | null };

const OPENINGS = 10;
/** An empty page added to the timing copy only: the browser's own cost of opening an extension page. */
const FLOOR_PAGE = 'bench-floor.html';
const CYCLES = 50;
const ARTICLE = '.sift-article .sift-body';
const READER_BUTTON = 'button[aria-pressed]';

// Runs in the popup before its own scripts: notes when the article is in the DOM, then waits for
// the frame that shows it (requestAnimationFrame runs before paint, the task after it after).
// The bench then waits on window.__siftDone, a promise: Playwright's waitForSelector polls the
// page every frame (selector queries and box checks), which took ~20 ms of the popup's main
// thread per opening while it was being timed.
const PAINT_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  let done;
  window.__siftDone = new Promise((resolve) => { done = resolve; });
  const check = () => {
    if (window.__siftPainted != null) return;
    if (document.querySelector(${JSON.stringify(ARTICLE)})) {
      window.__siftPainted = -1;
      requestAnimationFrame(() => setTimeout(() => { window.__siftPainted = performance.now(); done('article'); }, 0));
    } else if (document.querySelector('.sift-state')) {
      done('state');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

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
  return copy;
}

/** Measures the popup on `pages`; n/a (with the reason) while the extension has no popup yet. */
export async function measurePopup(extDir: string | null, pages: PageSource[]): Promise<PopupMeasure> {
  if (!extDir || !existsSync(join(extDir, 'manifest.json'))) return notAvailable('no extension build');
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  const popupFile: string | undefined = manifest.action?.default_popup;
  if (!popupFile) return notAvailable('the build has no popup yet');
  if (!pages.length) return notAvailable('no pages to open');

  const userDir = mkdtempSync(join(tmpdir(), 'sift-bench-'));
  let launched: { context: BrowserContext; id: string };
  try {
    launched = await launchWithExtension(timingCopy(extDir), userDir);
  } catch (err) {
    rmSync(userDir, { recursive: true, force: true });
    return notAvailable((err as Error).message);
  }
  const { context, id } = launched;
  try {
    let current: PageSource | null = null;
    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = req.url();
      if (url.startsWith('chrome-extension://')) return route.continue();
      if (current && req.isNavigationRequest() && url.replace(/#.*$/, '') === current.url.replace(/#.*$/, '')) {
        return route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': NO_SCRIPTS_CSP },
          body: current.body,
        });
      }
      return route.abort('blockedbyclient');
    });
    await context.addInitScript(PAINT_PROBE);
    const floor: number[] = [];
    for (let i = 0; i < OPENINGS; i++) {
      const empty = await context.newPage();
      await empty.goto(`chrome-extension://${id}/${FLOOR_PAGE}`);
      await empty.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 10_000 });
      floor.push(await empty.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
      await empty.close();
    }
    const results: PopupPageMeasure[] = [];
    let heap: HeapMeasure | null = null;
    for (const source of pages) {
      current = source;
      const tab = await context.newPage();
      await tab.goto(source.url, { waitUntil: 'load' });
      const tabId = await tabIdOf(context, source.url);
      const popupUrl = `chrome-extension://${id}/${popupFile}?tab=${tabId}`;
      const samples: number[] = [];
      const firstPaints: number[] = [];
      const answers: number[] = [];
      for (let i = 0; i < OPENINGS; i++) {
        const popup = await context.newPage();
        await popup.goto(popupUrl);
        const outcome = await popup.evaluate(() =>
          Promise.race([(window as any).__siftDone as Promise<string>, new Promise((resolve) => setTimeout(resolve, 30_000, 'timeout'))]),
        );
        if (outcome !== 'article') {
          const text = outcome === 'state' ? (await popup.innerText('.sift-state')).replace(/\s+/g, ' ').trim() : 'nothing after 30 s';
          await popup.close();
          throw new Error(`${source.id}: the popup showed no article (${text})`);
        }
        samples.push(await popup.evaluate(() => (window as any).__siftPainted as number));
        const fcp = await popup.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        );
        if (fcp != null) firstPaints.push(fcp);
        const answer = await popup.evaluate(() => performance.getEntriesByName('sift:page-received')[0]?.startTime ?? null);
        if (answer != null) answers.push(answer);
        if (i === OPENINGS - 1 && source === pages[pages.length - 1]) {
          heap = await readerCycles(tab, popup, source.id).catch((err: Error) => ({
            page: source.id,
            cycles: CYCLES,
            beforeBytes: null,
            afterBytes: null,
            growthBytes: null,
            note: `reader cycles failed: ${err.message.split('\n')[0]}`,
          }));
        }
        await popup.close();
      }
      results.push({
        id: source.id,
        bytes: source.fileBytes,
        samples,
        p50: percentile(samples, 0.5),
        firstPaintP50: percentile(firstPaints, 0.5),
        answerP50: percentile(answers, 0.5),
        coldMs: samples[0] ?? null,
        warmP50: percentile(samples.slice(1), 0.5),
      });
      await tab.close();
    }
    const all = results.flatMap((r) => r.samples);
    return { status: 'ok', pages: results, p50: percentile(all, 0.5), p95: percentile(all, 0.95), heap, floorP50: percentile(floor, 0.5) };
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
