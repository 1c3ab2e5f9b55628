// The last extraction of each tab, so that opening the popup again on the same page shows it at
// once instead of injecting the extractor and reading the page again (issue 4). An entry holds
// until the page says it changed (entrypoints/content.ts reports after a load, an in-page
// navigation or a large DOM change), the tab's URL differs, or the tab closes. Memory only: an
// extraction can be megabytes, and a restarted service worker simply extracts again.
import type { Extraction } from '@/lib/types';

/** Tabs remembered at most; the least recently used goes first. */
const MAX_TABS = 16;
const entries = new Map<number, { url: string; extraction: Extraction }>();

export function cachedExtraction(tabId: number, url: string | undefined): Extraction | undefined {
  const entry = entries.get(tabId);
  if (!entry || !url || entry.url !== url) return undefined;
  entries.delete(tabId);
  entries.set(tabId, entry);
  return entry.extraction;
}

export function rememberExtraction(tabId: number, url: string | undefined, extraction: Extraction): void {
  if (!url) return;
  entries.delete(tabId);
  entries.set(tabId, { url, extraction });
  while (entries.size > MAX_TABS) entries.delete(entries.keys().next().value!);
}

export function forgetExtraction(tabId: number): void {
  entries.delete(tabId);
}
