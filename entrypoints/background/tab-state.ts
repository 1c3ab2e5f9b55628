// What the background knows about each tab, kept in session storage so that it survives the
// MV3 service worker being stopped and restarted between two messages.
import { storage } from 'wxt/utils/storage';
import type { Detection } from '@/lib/extract/types';
import { keyedQueue } from '@/lib/task-queue';

export interface TabState {
  detection?: Detection;
  readerActive: boolean;
  /** Related items opened from this page, so the popup can mark them when it opens again. */
  opened: string[];
  /** How many related items the reader view graded on topic; unset until it has (issue 15). */
  onTopic?: number;
}

const EMPTY: TabState = { readerActive: false, opened: [] };
const MAX_OPENED = 200;

const key = (tabId: number) => `session:tab-${tabId}` as const;

export async function getTabState(tabId: number): Promise<TabState> {
  return { ...EMPTY, ...((await storage.getItem<TabState>(key(tabId))) ?? {}) };
}

// A read, a change, a write: two at once for one tab would lose one of the changes (a detection
// report writing back the readerActive it read before a toggle wrote the new one). One at a time.
const writes = keyedQueue<number>();

export function updateTabState(tabId: number, change: (state: TabState) => TabState): Promise<TabState> {
  return writes.run(tabId, async () => {
    const next = change(await getTabState(tabId));
    next.opened = next.opened.slice(-MAX_OPENED);
    await storage.setItem(key(tabId), next);
    return next;
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return writes.run(tabId, () => storage.removeItem(key(tabId)));
}
