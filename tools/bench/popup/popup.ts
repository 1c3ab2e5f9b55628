// The built extension in Chromium: how long from opening the popup to the article painted, and
// whether 50 reader-mode on/off cycles leak into the page's JS heap. The popup is opened as a tab
// (popup.html?tab=<id>, as entrypoints/popup/main.tsx allows) pointed at the page's tab.
// Openings are timed over a bare DevTools pipe (openings.ts), each left alone while it opens;
// the reader cycles, which click in the popup, go through Playwright (reader-cycles.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageSource } from '../../chromium/pages';
import { percentile } from '../stats';
import { timeOpenings } from './openings';
import { CYCLES, readerCyclesOn } from './reader-cycles';
import { timingCopy } from './timing-copy';
import type { PopupMeasure } from './types';

export type * from './types';
export { judgeProgress, type ProgressVerdict } from './progress';

function notAvailable(reason: string): PopupMeasure {
  return { status: 'n/a', reason, pages: [], heap: null };
}

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

