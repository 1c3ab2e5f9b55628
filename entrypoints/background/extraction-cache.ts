// The last extraction of each tab, so that opening the popup again on the same page shows it at
// once instead of injecting the extractor and reading the page again (issue 4). An entry holds
// until the page says it changed (entrypoints/content.ts reports after a load, an in-page
// navigation or a large DOM change), the tab's URL differs, or the tab closes. Memory only: an
// extraction can be megabytes, and a restarted service worker simply extracts again.
import type { Extraction } from '@/lib/extract/types';

/** Tabs remembered at most; the least recently used goes first. */
const MAX_TABS = 16;
/**
 * Bytes held at most, all entries together (issue 21): the service worker's memory must not grow
 * with the pages read (twenty 5 MB articles would otherwise hold 100 MB). An extraction larger
 * than this alone is not kept; reading the page again is the price.
 */
export const MAX_CACHE_BYTES = 8 * 1024 * 1024;
const entries = new Map<number, { url: string; extraction: Extraction; bytes: number }>();
let heldBytes = 0;

/** About what an extraction holds in memory: its strings, two bytes a code unit. */
export function extractionBytes(extraction: Extraction): number {
  return JSON.stringify(extraction).length * 2;
}

function drop(tabId: number): void {
  const entry = entries.get(tabId);
  if (!entry) return;
  heldBytes -= entry.bytes;
  entries.delete(tabId);
}

/** What the cache holds now (the tests and the bench read it). */
export function cacheUsage(): { entries: number; bytes: number } {
  return { entries: entries.size, bytes: heldBytes };
}

export function cachedExtraction(tabId: number, url: string | undefined): Extraction | undefined {
  const entry = entries.get(tabId);
  if (!entry || !url || entry.url !== url) return undefined;
  entries.delete(tabId);
  entries.set(tabId, entry);
  return entry.extraction;
}

export function rememberExtraction(tabId: number, url: string | undefined, extraction: Extraction): void {
  if (!url) return;
  drop(tabId);
  const bytes = extractionBytes(extraction);
  if (bytes > MAX_CACHE_BYTES) return;
  entries.set(tabId, { url, extraction, bytes });
  heldBytes += bytes;
  while (entries.size > MAX_TABS || heldBytes > MAX_CACHE_BYTES) drop(entries.keys().next().value!);
}

export function forgetExtraction(tabId: number): void {
  drop(tabId);
}
