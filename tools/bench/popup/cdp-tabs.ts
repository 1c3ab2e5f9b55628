// The popup bench's moves over the bare DevTools pipe (tests/support/cdp-pipe.ts says why not
// Playwright): open a page and leave it alone, ask it what it painted, serve a saved page in a
// tab, read the service worker's heap.
import { writeFileSync } from 'node:fs';
import { NO_SCRIPTS_CSP, type PageSource } from '../../chromium/pages';
import type { CdpPipe } from '../../../tests/support/cdp-pipe';
import { inPage, outcome, paintedArticle, tabShowing, type Outcome } from './probes';
import type { WorkerHeap } from './types';

/** ReaderView's article title carries elementtiming="sift-article" for this. */
export const ARTICLE_TIMING = 'sift-article';
/** How long an opening is left alone before it is asked; one still busy is waited for. */
const SETTLE_MS = 1000;

/** Opens a page target and gives it time to open with no DevTools client attached. */
export async function openAlone(cdp: CdpPipe, url: string, settleMs: number): Promise<{ targetId: string; sessionId: string }> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  return { targetId, sessionId };
}

/**
 * Opens `url` alone, reads what it painted and when (probes.ts outcome), and closes it; throws when it
 * painted no article (`what` names it). `save`: also writes the painted article there (probes.ts paintedArticle).
 */
export async function openAndRead(cdp: CdpPipe, url: string, what: string, save?: string): Promise<Outcome & { paintedAt: number }> {
  const { targetId, sessionId } = await openAlone(cdp, url, SETTLE_MS);
  try {
    const seen = JSON.parse(await evaluateOnceOpen(cdp, sessionId, inPage(outcome, ARTICLE_TIMING))) as Outcome;
    if (seen.kind !== 'article' || seen.paintedAt == null) throw new Error(`${what} showed no article (${seen.text})`);
    if (save) writeFileSync(save, await cdp.evaluate<string>(sessionId, inPage(paintedArticle)));
    return { ...seen, paintedAt: seen.paintedAt };
  } finally {
    await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
  }
}

/**
 * Evaluates in the opened page. On a loaded machine an opening may still be on its initial
 * about:blank when it is asked; that document goes away as the page commits: ask again.
 */
export async function evaluateOnceOpen(cdp: CdpPipe, sessionId: string, expression: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await cdp.evaluate<string>(sessionId, expression);
    } catch (err) {
      if (attempt >= 20 || !/context was destroyed|Cannot find (default )?execution context/i.test((err as Error).message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function waitForTarget(cdp: CdpPipe, match: (t: { type: string; url: string }) => boolean, what: string) {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const { targetInfos } = await cdp.send<{ targetInfos: Array<{ targetId: string; type: string; url: string }> }>('Target.getTargets');
    const found = targetInfos.find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start`);
}


/** The worker's JS heap after a forced GC (its session stays attached, so it is never stopped for idling). */
export async function workerHeapNow(cdp: CdpPipe, workerSession: string, when: string): Promise<WorkerHeap> {
  try {
    await cdp.send('HeapProfiler.collectGarbage', {}, workerSession);
    const { usedSize, totalSize } = await cdp.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage', {}, workerSession);
    return { when, usedBytes: usedSize, totalBytes: totalSize };
  } catch (err) {
    return { when, usedBytes: null, totalBytes: null, note: `not measured: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** A tab showing `source`, served from memory; every other request fails. */
export async function serveInTab(cdp: CdpPipe, source: PageSource, workerSession: string) {
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
    const tabId = await cdp.evaluate<number | null>(workerSession, inPage(tabShowing, pageUrl));
    if (tabId == null) throw new Error(`no tab for ${source.url}`);
    return { tabId, close, reload: () => load(() => cdp.send('Page.reload', {}, tabSession)) };
  } catch (err) {
    await close();
    throw err;
  }
}

