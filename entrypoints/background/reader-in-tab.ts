// Reader mode in a tab, from the background: reader.js is injected to switch it (each injection
// toggles), and the page is asked whether it is on.
import { browser } from 'wxt/browser';
import { READER_LISTEN_KEY } from '@/lib/messages';
import { cachedExtraction } from './extraction-cache';
import { READER_HANDLE_KEY, type ReaderHandle } from '@/lib/reader/reader-switch';
import { setFlagInPage, tabUrl } from './read-tab';

/**
 * Switches the tab's reader overlay on or off; resolves to the new state. reader.js carries no
 * extractor: it shows what extractor.js kept in the page. When the page has likely not been read
 * yet (the background has no copy, and the reader is to go on), the extractor goes first in the
 * same injection, rather than reader.js asking for it (readForReader), a round trip more.
 */
export async function toggleReader(tabId: number, recordedActive: boolean, listen = false): Promise<boolean> {
  const read = !recordedActive && !cachedExtraction(tabId, await tabUrl(tabId));
  // "Listen": the reader that opens reads aloud (entrypoints/reader/index.tsx takes the flag).
  if (listen) await setFlagInPage(tabId, READER_LISTEN_KEY);
  const files: ('/extractor.js' | '/reader.js')[] = read ? ['/extractor.js', '/reader.js'] : ['/reader.js'];
  const injected = await browser.scripting.executeScript({ target: { tabId }, files });
  const answer = injected[0]?.result as { active?: unknown } | undefined;
  if (typeof answer?.active !== 'boolean') throw new Error('Reader mode did not start on this page.');
  return answer.active;
}

/**
 * Whether the tab's reader is on (or on its way on), asked of the page itself: the page is the
 * truth, the background's record only a copy (a toggle may have reached the page some other way,
 * the page may have been reloaded). Null when the page cannot be asked.
 */
export async function readerActiveInPage(tabId: number): Promise<boolean | null> {
  try {
    const injected = await browser.scripting.executeScript({
      target: { tabId },
      // Runs in the page's isolated world, where reader.js left its handle; it may use nothing
      // from here but its argument. Nothing there yet: reader mode was never on in this document.
      func: (key: string) => {
        const handle = (globalThis as Record<symbol, ReaderHandle | undefined>)[Symbol.for(key)];
        return !!handle && handle.isValid() && handle.active();
      },
      args: [READER_HANDLE_KEY],
    });
    const answer = injected[0]?.result;
    return typeof answer === 'boolean' ? answer : null;
  } catch {
    return null;
  }
}
