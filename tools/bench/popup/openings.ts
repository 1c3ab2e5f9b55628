// Every popup opening (and the floor) in a Chromium driven over its DevTools pipe: each opening
// is a new tab left alone until it has had time to paint, then asked what it painted and when
// (tests/support/cdp-pipe.ts says why not through Playwright). Only the page's tab is attached
// from the start, to serve it from disk.
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, type PageSource } from '../../chromium/pages';
import { CdpPipe } from '../../../tests/support/cdp-pipe';
import { percentile } from '../stats';
import { evaluateOnceOpen, openAlone, openAndRead, serveInTab, waitForTarget, workerHeapNow } from './cdp-tabs';
import { emptyInjection, firstPaint, inPage } from './probes';
import { measureProgress } from './progress';
import { BARE_PAGE, FLOOR_PAGE } from './timing-copy';
import type { PopupPageMeasure, ProgressMeasure, WorkerHeap } from './types';

const OPENINGS = 10;
/** First openings after the first one, each after a reload of the page. */
const COLD_OPENINGS = 4;

/** The extension loaded in the pipe's Chromium, and a session on its service worker. */
interface Loaded {
  cdp: CdpPipe;
  extDir: string;
  base: string;
  workerSession: string;
}

export async function timeOpenings(extDir: string, popupFile: string, pages: PageSource[], progressPage?: PageSource) {
  const cdp = CdpPipe.launch(CHROMIUM, [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging']);
  try {
    // Extensions.loadUnpacked rather than --load-extension: it says why a build does not load.
    const { id } = await cdp.send<{ id: string }>('Extensions.loadUnpacked', { path: extDir }).catch((err: Error) => {
      throw new Error(`the extension did not load: ${err.message.replace(/^.*?: /, '')}`);
    });
    const worker = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`), 'the background service worker');
    const { sessionId: workerSession } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    const ext: Loaded = { cdp, extDir, base: `chrome-extension://${id}/`, workerSession };

    const floor = await floorOpenings(ext);
    const results: PopupPageMeasure[] = [];
    // The service worker's memory (issue 21): with each page's tab open, its extraction held in
    // the background's cache (bounded: 16 tabs, 8 MB), and once every tab has closed. Reported,
    // not a budget.
    const workerHeap: WorkerHeap[] = [];
    for (const source of pages) {
      const timed = await timePage(ext, popupFile, source, results.length);
      results.push(timed.result);
      workerHeap.push(timed.workerHeap);
    }
    let progress: ProgressMeasure | null = null;
    if (progressPage) {
      progress = await measureProgress(cdp, `${ext.base}${popupFile}`, progressPage, workerSession).catch((err: Error) => ({
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

/** The empty extension page's first paint, OPENINGS + 1 times (the first is the browser's first page of the extension). */
async function floorOpenings({ cdp, base }: Loaded): Promise<number[]> {
  const floor: number[] = [];
  for (let i = 0; i <= OPENINGS; i++) {
    const { targetId, sessionId } = await openAlone(cdp, `${base}${FLOOR_PAGE}`, 500);
    floor.push(Number(await evaluateOnceOpen(cdp, sessionId, inPage(firstPaint))));
    await cdp.send('Target.closeTarget', { targetId });
  }
  return floor;
}

/** The popup and the bare page on `source` (the n-th page), in turns; then first openings after reloads. */
async function timePage(ext: Loaded, popupFile: string, source: PageSource, n: number) {
  const { cdp, extDir, base, workerSession } = ext;
  const tab = await serveInTab(cdp, source, workerSession);
  try {
    const popupUrl = `${base}${popupFile}?tab=${tab.tabId}`;
    const bareUrl = `${base}${BARE_PAGE}?n=${n}`;
    const samples: number[] = [];
    const firstPaints: number[] = [];
    const answers: number[] = [];
    const bareSamples: number[] = [];
    const openPopup = async (first: boolean) => {
      // The first opening also leaves what it painted for the bare page.
      const save = first ? join(extDir, `bench-bare-${n}.json`) : undefined;
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
    // The floor of a first opening past the bare page: an empty script injected and answered.
    const injections: number[] = [];
    for (let i = 0; i < OPENINGS; i++) injections.push(Number(await cdp.evaluate<number>(workerSession, inPage(emptyInjection, tab.tabId))));
    const result: PopupPageMeasure = {
      emptyInjectionP50: percentile(injections, 0.5),
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
    };
    const heap = await workerHeapNow(cdp, workerSession, `read ${source.id} (${Math.round(source.fileBytes / 1024)} KB of HTML), its tab open`);
    return { result, workerHeap: heap };
  } finally {
    await tab.close();
  }
}
