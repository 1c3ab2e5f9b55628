// Issue 19 in the background: reader mode by itself on the sites the reader chose, and "Open in
// Sift" (a link opened in a new tab and shown in reader mode: the related items' action here, the
// link menu in link-menu.ts). Wiring only; the choices are lib/settings.ts (sites), the access
// lib/sites/site-access.ts.
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { onMessage } from '@/lib/messages';
import { keyedQueue } from '@/lib/task-queue';
import { loadSites, updateSite } from '@/lib/settings';
import { hasSite, revokeSite } from '@/lib/sites/site-access';
import { patternHosts, siteKey } from '@/lib/sites/site-rules';
import type { Detection } from '@/lib/extract/types';
import { httpUrlOnly } from './open-link';
import { updateTabState } from './tab-state';

/** Per tab, in session storage (the service worker may stop between a tab's events). */
interface SiteTab {
  /** Reader mode was opened by itself (or found unwanted) on this page load: never again until the next. */
  autoDone?: boolean;
  /** "Open in Sift" opened this tab: reader mode goes on once its page has loaded. */
  openInSift?: string;
}
const tabKey = (tabId: number) => `session:site-tab-${tabId}` as const;
const tabs = keyedQueue<number>();

/** Switches reader mode on in a tab where it is off (index.ts: through its per-tab queue). */
export type OpenReader = (tabId: number) => Promise<void>;

/**
 * After each detection report: a tab "Open in Sift" opened goes to reader mode on its first page;
 * an article page on a site set to "always" does once per page load, when Sift holds the site's
 * access (the reader may have taken it back in the browser's settings). Esc leaves it for that page.
 */
export function afterDetection(tabId: number, url: string | undefined, detection: Detection, fresh: boolean, openReader: OpenReader): Promise<void> {
  return tabs.run(tabId, async () => {
    const state = (await storage.getItem<SiteTab>(tabKey(tabId))) ?? {};
    if (fresh && state.openInSift) {
      const host = state.openInSift;
      await storage.removeItem(tabKey(tabId));
      await openReader(tabId).catch(() => {});
      // The access was for this one page, unless the site is one the reader set to "always".
      if (!(await loadSites())[host]?.auto) await revokeSite(host);
      return;
    }
    if (fresh) delete state.autoDone;
    const host = siteKey(url);
    if (state.autoDone || !detection.isArticle || !host) return void (await storage.setItem(tabKey(tabId), state));
    if (!(await loadSites())[host]?.auto || !(await hasSite(host))) return void (await storage.setItem(tabKey(tabId), state));
    await storage.setItem(tabKey(tabId), { ...state, autoDone: true });
    await openReader(tabId).catch(() => {});
  });
}

/**
 * Opens `url` next to `tabId` (a link in no tab, as in the popup: in the current window) and marks
 * the new tab for reader mode; needs the site's access already. The page's list shows it opened.
 */
async function openInSift(tabId: number | undefined, url: string): Promise<boolean> {
  const host = siteKey(url);
  if (!host || !(await hasSite(host))) return false;
  const page = tabId == null ? null : await browser.tabs.get(tabId).catch(() => null);
  const created = await browser.tabs.create({ url, active: true, ...(page ? { index: page.index + 1, openerTabId: tabId, windowId: page.windowId } : {}) });
  if (created.id == null) return false;
  await storage.setItem(tabKey(created.id), { openInSift: host } satisfies SiteTab);
  if (page && tabId != null) await updateTabState(tabId, (s) => ({ ...s, opened: s.opened.includes(url) ? s.opened : [...s.opened, url] }));
  return true;
}

/**
 * "Open in Sift" from the toolbar popup waits here for the reader's answer to the browser's prompt:
 * the prompt closes the popup (Chrome, Firefox), and what the popup would do next with it. Per
 * site, the latest link; granted, permissions.onAdded opens it; refused, it lapses.
 */
interface Waiting {
  url: string;
  tabId: number;
  at: number;
}
const WAITING = 'session:open-in-sift-waiting' as const;
const WAIT_FOR_ANSWER_MS = 2 * 60_000;
const waiting = keyedQueue<string>();

function waitForAccess(host: string, entry: Waiting): Promise<void> {
  return waiting.run(host, async () => {
    const table = (await storage.getItem<Record<string, Waiting>>(WAITING)) ?? {};
    await storage.setItem(WAITING, { ...table, [host]: entry });
  });
}

/** Opens the link waiting for `host` once Sift holds it; taken once, whoever asks first. */
function openWaiting(host: string): Promise<boolean> {
  return waiting.run(host, async () => {
    const table = (await storage.getItem<Record<string, Waiting>>(WAITING)) ?? {};
    const entry = table[host];
    if (!entry || !(await hasSite(host))) return false;
    delete table[host];
    await storage.setItem(WAITING, table);
    return Date.now() - entry.at < WAIT_FOR_ANSWER_MS && openInSift(entry.tabId, entry.url);
  });
}

/** Sift's page that asks for a site at the reader's click (options page, lib/sites/site-access.ts). */
async function openAskPage(tabId: number | undefined, query: Record<string, string>): Promise<void> {
  const url = `${browser.runtime.getURL('/options.html')}?${new URLSearchParams(query)}`;
  const page = tabId == null ? null : await browser.tabs.get(tabId).catch(() => null);
  await browser.tabs.create({ url, active: true, ...(page ? { index: page.index + 1, openerTabId: tabId, windowId: page.windowId } : {}) });
}

/** "Open in Sift" asked for `url` from `tabId`: opened when Sift may, else the page that asks. */
export async function openOrAsk(tabId: number | undefined, url: string): Promise<boolean> {
  if (await openInSift(tabId, url)) return true;
  await openAskPage(tabId, tabId == null ? { open: url } : { open: url, tab: String(tabId) });
  return false;
}

type Sender = Browser.runtime.MessageSender;

export function wireSites(contentTab: (sender: Sender) => number | null, fromExtensionPage: (sender: Sender) => boolean): void {
  onMessage('siteAuto', async ({ data, sender }) => {
    const tabId = contentTab(sender);
    const host = siteKey(sender.url ?? sender.tab?.url);
    if (tabId == null || !host) return false;
    if (data?.on === true) {
      if (await hasSite(host)) return (await updateSite(host, (p) => ({ ...p, auto: true })))[host]?.auto === true;
      await openAskPage(tabId, { allow: host });
      return false;
    }
    await updateSite(host, (p) => ({ ...p, auto: false }));
    await revokeSite(host);
    return false;
  });

  onMessage('openInSift', async ({ data, sender }) => {
    const page = fromExtensionPage(sender);
    const tabId = page ? data?.tabId : contentTab(sender);
    const url = httpUrlOnly(data?.url);
    const host = siteKey(url ?? undefined);
    if (typeof tabId !== 'number' || !url || !host) return false;
    // The popup asked the browser for the site with the reader's click: the answer opens it.
    if (page && data.asking === true) {
      await waitForAccess(host, { url, tabId, at: Date.now() });
      return openWaiting(host);
    }
    return openOrAsk(tabId, url);
  });

  // A listener at the top of the worker: a worker stopped while the prompt was up starts for it.
  browser.permissions.onAdded.addListener(({ origins }) => {
    for (const host of patternHosts(origins)) openWaiting(host).catch(() => {});
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    storage.removeItem(tabKey(tabId)).catch(() => {});
  });
}
