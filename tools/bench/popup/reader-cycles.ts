// 50 reader-mode on/off cycles driven from the popup's button, through Playwright (it clicks in
// the popup and reads the page's heap): whether they leak into the page's JS heap or leave DOM
// nodes, documents or listeners behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, NO_SCRIPTS_CSP, type PageSource } from '../../chromium/pages';
import type { DomCounters, HeapMeasure } from './types';

export const CYCLES = 50;
const ARTICLE = '.sift-article .sift-body';
const READER_BUTTON = 'button[aria-pressed]';

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

const SETTLE_POLL_MS = 500;
const SETTLE_MAX_MS = 5000;
type HeapReading = Awaited<ReturnType<typeof heapUsed>>;
const COUNTERS = ['documents', 'nodes', 'jsEventListeners'] as const;

/**
 * heapUsed once the page has let go of what it lets go of by itself: read every 0.5 s until the
 * DOM counters are back to `baseline` (or, without one, the same twice in a row), 5 s at most.
 * Read at once, the last view or two closed are still held for a moment by work their close left
 * pending (measured on en-news-related: 611 nodes at rest, 1,114 to 1,608 right after the 50th
 * cycle, 611 again 1 s later, in every run); that made this verdict flip between runs. A leak
 * does not go back to the baseline: it is read after the full 5 s.
 */
async function settledHeap(page: Page, baseline?: DomCounters): Promise<HeapReading> {
  let last = await heapUsed(page);
  for (let waited = 0; waited < SETTLE_MAX_MS; waited += SETTLE_POLL_MS) {
    if (baseline && COUNTERS.every((k) => last.counters[k] <= baseline[k])) break;
    await page.waitForTimeout(SETTLE_POLL_MS);
    const next = await heapUsed(page);
    const same = COUNTERS.every((k) => next.counters[k] === last.counters[k]);
    last = next;
    if (!baseline && same) break;
  }
  return last;
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


/** The reader cycles on `source`, driven through Playwright (clicks in the popup, heap snapshots). */
export async function readerCyclesOn(extDir: string, popupFile: string, source: PageSource): Promise<HeapMeasure> {
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
  const before = await settledHeap(tab);
  for (let i = 0; i < CYCLES; i++) {
    await toggle(popup, true);
    await toggle(popup, false);
  }
  const after = await settledHeap(tab, before.counters);
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
