// Opening a related item the reader clicked: only an http(s) URL, in a tab next to the page's.
import { browser } from 'wxt/browser';

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
