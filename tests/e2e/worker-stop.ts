// Stops Sift's MV3 service worker through DevTools, as Chrome does after 30 s idle (the tests'
// DevTools connection keeps it from ever idling out). ServiceWorker.stopWorker is sent on a page's
// CDP session with the version id the ServiceWorker domain reports; ServiceWorker.stopAllWorkers on
// a browser session left Playwright hanging. The worker's target stays while Playwright is attached
// to it, and the same Worker object evaluates in the new worker once something wakes it; until
// then an evaluate waits (it does not wake the worker), so the next action must be the reader's.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Browser, WAIT } from '../support/chromium';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** Set in the worker before a stop; a worker started since has no such global. */
const MARK = '__siftBeforeStop';

/**
 * Stops the worker and resolves once DevTools reports it stopped. `via` is any open page of the
 * test (a page of its own would be a tab to close, and closing a tab wakes the worker).
 */
export async function stopWorker(browser: Browser, via: Page): Promise<void> {
  await browser.worker.evaluate((mark) => {
    (globalThis as Record<string, unknown>)[mark] = true;
  }, MARK);
  const cdp = await browser.context.newCDPSession(via);
  const versions = new Map<string, Version>();
  // Every version seen stopped: a page that reports at once (a tab still loading) may wake the
  // worker again before a poll of its current state would see it stopped.
  const stopped = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const v of updated as Version[]) {
      versions.set(v.versionId, v);
      if (v.runningStatus === 'stopped') stopped.add(v.versionId);
    }
  });
  const sift = () => [...versions.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`));
  try {
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => sift().some((v) => v.runningStatus === 'running'), WAIT).toBe(true);
    const { versionId } = sift().find((v) => v.runningStatus === 'running')!;
    stopped.delete(versionId);
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await expect.poll(() => stopped.has(versionId), WAIT).toBe(true);
    await cdp.send('ServiceWorker.disable');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Whether the worker running now was started after the last stopWorker (the global set before
 * it is gone). Waits for a running worker: call it after an action that wakes it.
 */
export async function workerRestarted(browser: Browser): Promise<boolean> {
  return browser.worker.evaluate((mark) => !(mark in globalThis), MARK);
}
