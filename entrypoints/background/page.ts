// Reading a tab on demand: the extractor and the reader overlay are injected with
// scripting.executeScript only when asked (toolbar click or shortcut grant activeTab), so the
// manifest needs no host permissions.
import { browser } from 'wxt/browser';
import { EXTRACT_ANYWAY_KEY, READER_LISTEN_KEY, type ExtractorAnswer, type PageResult, type UnreadableReason } from '@/lib/messages';
import { cachedExtraction, rememberExtraction } from './extraction-cache';
import { READER_HANDLE_KEY, type ReaderHandle } from '@/lib/reader/reader-switch';

// Pages the browser never lets an extension script, whatever its permissions.
const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** Why `url` cannot be read, judged from the URL alone; null when it is worth trying. */
export function unreadableByUrl(url: string | undefined): UnreadableReason | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser-page';
  if (STORE_HOSTS.includes(parsed.hostname) && (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return 'store';
  }
  return null;
}

/** Why executeScript failed, from its error and the URL when the browser let us see it. */
export function unreadableByError(message: string, url: string | undefined): UnreadableReason {
  if (url?.startsWith('file:') || /file:\/\//.test(message)) return 'file-access';
  if (/gallery|webstore|addons\.mozilla/i.test(message)) return 'store';
  if (/chrome:|edge:|about:|chrome-extension:|moz-extension:|view-source:|devtools:|privileged/i.test(message)) return 'browser-page';
  return 'no-access';
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  // Without the `tabs` permission the URL is there only while activeTab is granted.
  return (await browser.tabs.get(tabId)).url;
}

/**
 * What is on the tab, for the popup: the background's copy when it has read this page before
 * (no injection), else one injection of the extractor, whose answer also says whether reader mode
 * is on in the page (`extracted`). A cold opening is one injection, a warm one none (issue 16).
 * `anyway`: the reader asked to see a page that is not an article ("Show anyway"); the extractor
 * then runs Readability regardless (lib/extract/article/extract-article.ts).
 */
export async function readPage(tabId: number, anyway = false): Promise<{ result: PageResult; extracted?: ExtractorAnswer & { ok: true } }> {
  const url = await tabUrl(tabId);
  const byUrl = unreadableByUrl(url);
  if (byUrl) return { result: { status: 'unreadable', reason: byUrl, url } };
  const known = cachedExtraction(tabId, url);
  if (known && (!anyway || known.article)) return { result: { status: 'ok', extraction: known, readerActive: false, opened: [] } };
  const answer = await extractInTab(tabId, url, anyway);
  if ('status' in answer) return { result: answer };
  rememberExtraction(tabId, url, answer.extraction);
  return {
    result: { status: 'ok', extraction: answer.extraction, readerActive: answer.readerActive, opened: [] },
    extracted: answer,
  };
}

/**
 * Injects the extractor, which reads the page unless it already has this version of it (it
 * keeps what it read in the page for reader mode: lib/reader/kept-extraction.ts). A PageResult when
 * there is nothing to show.
 */
export async function extractInTab(tabId: number, url: string | undefined, anyway = false): Promise<(ExtractorAnswer & { ok: true }) | PageResult> {
  let injected;
  try {
    if (anyway) {
      // Read by this injection only (entrypoints/extractor.ts): Readability even where detection saw no article.
      await browser.scripting.executeScript({
        target: { tabId },
        func: (key: string) => {
          (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = true;
        },
        args: [EXTRACT_ANYWAY_KEY],
      });
    }
    injected = await browser.scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 'unreadable', reason: unreadableByError(message, url), url };
  }
  const answer = injected[0]?.result as ExtractorAnswer | undefined;
  if (!answer) return { status: 'error', message: 'The page gave no answer (it may have been navigating).' };
  if (!answer.ok) {
    if ('reason' in answer) return { status: 'unreadable', reason: answer.reason, url };
    return { status: 'error', message: answer.error };
  }
  return answer;
}

/**
 * Switches the tab's reader overlay on or off; resolves to the new state. reader.js carries no
 * extractor: it shows what extractor.js kept in the page. When the page has likely not been read
 * yet (the background has no copy, and the reader is to go on), the extractor goes first in the
 * same injection, rather than reader.js asking for it (readForReader), a round trip more.
 */
export async function toggleReader(tabId: number, recordedActive: boolean, listen = false): Promise<boolean> {
  const read = !recordedActive && !cachedExtraction(tabId, await tabUrl(tabId));
  if (listen) {
    // "Listen": the reader that opens reads aloud (entrypoints/reader/index.tsx takes the flag).
    await browser.scripting.executeScript({
      target: { tabId },
      func: (key: string) => {
        (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = true;
      },
      args: [READER_LISTEN_KEY],
    });
  }
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

/** `url` when it is an absolute http(s) URL: nothing else may reach tabs.create. */
export function httpUrlOnly(url: unknown): string | null {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Opens `url` next to the page's tab, after the tabs already opened from it (as the browser
 * does for links), in the background unless `active`.
 */
export async function openNextTo(tabId: number, url: string, active: boolean, newWindow: boolean): Promise<void> {
  if (newWindow) {
    await browser.windows.create({ url, focused: true });
    return;
  }
  const page = await browser.tabs.get(tabId);
  const siblings = await browser.tabs.query({ windowId: page.windowId });
  const after = siblings.filter((t) => t.openerTabId === tabId).reduce((max, t) => Math.max(max, t.index), page.index);
  await browser.tabs.create({ url, index: after + 1, active, openerTabId: tabId, windowId: page.windowId });
}
