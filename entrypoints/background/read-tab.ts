// Reading a tab on demand: the extractor is injected with scripting.executeScript only when asked
// (toolbar click or shortcut grant activeTab), so the manifest needs no host permissions.
import { browser } from 'wxt/browser';
import { EXTRACT_ANYWAY_KEY, EXTRACT_RULES_KEY, type ExtractorAnswer, type ExtractorRules, type PageResult } from '@/lib/messages';
import { loadSites } from '@/lib/settings';
import { siteKey } from '@/lib/sites/site-rules';
import { cachedExtraction, rememberExtraction } from './extraction-cache';
import { unreadableByError, unreadableByUrl } from './unreadable';

export async function tabUrl(tabId: number): Promise<string | undefined> {
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
 * keeps what it read in the page for reader mode: lib/reader/kept-extraction.ts), or unless
 * `fresh` (a rule was just made). A PageResult when there is nothing to show.
 */
export async function extractInTab(tabId: number, url: string | undefined, anyway = false, fresh = false): Promise<(ExtractorAnswer & { ok: true }) | PageResult> {
  let injected;
  try {
    // Read by this injection only (entrypoints/extractor.ts): Readability even where detection saw no article.
    if (anyway) await setFlagInPage(tabId, EXTRACT_ANYWAY_KEY);
    // The site's rules (issue 19), as data; one more injection only on a site that has some.
    const host = siteKey(url);
    const rules = host ? ((await loadSites())[host]?.rules ?? []) : [];
    if (rules.length || fresh) await setFlagInPage(tabId, EXTRACT_RULES_KEY, { rules, fresh } satisfies ExtractorRules);
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
 * Leaves a flag in the page's isolated world for the next script injected there to take
 * (`Symbol.for(key)`, like the reader's handle): "Show anyway" and the site's rules for the extractor,
 * "Listen" for reader.js.
 */
export async function setFlagInPage(tabId: number, key: string, value: unknown = true): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the page: it may use nothing from here but its arguments.
    func: (key: string, value: unknown) => {
      (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = value;
    },
    args: [key, value],
  });
}
