// "Open in Sift" on a link's context menu (issue 19): the link opens in a new tab next to the page's
// and shows in reader mode once it loads (sites.ts). activeTab does not reach a new tab, so the
// click asks for the link's site; sites.ts gives it back once reader mode is on.
import { browser, type Browser } from 'wxt/browser';
import { askSite } from '@/lib/sites/site-access';
import { siteKey } from '@/lib/sites/site-rules';
import { httpUrlOnly } from './open-link';
import { openOrAsk } from './sites';

export const LINK_MENU_ID = 'open-in-sift';

/**
 * The menu item. Made again on install, update and browser start (a Firefox background page keeps
 * none across restarts; Chrome keeps them for its worker, whose restarts need nothing): removeAll
 * first, so that making it twice is never a duplicate-id error.
 */
async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: LINK_MENU_ID,
    title: browser.i18n.getMessage('openInSift'),
    contexts: ['link'],
    targetUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/**
 * The click: the site is asked for first, with nothing awaited before it (Chrome's worker and
 * Firefox count the click as the reader's action only until then). Refused: nothing opens. The
 * reader said no to Sift reading that site, and "Open link in new tab" is in the same menu for
 * the plain page. A request the browser would not make (no action it counts) goes the way reader
 * mode's does: opened if Sift holds the site already, else Sift's page that asks at a click.
 */
export function onLinkMenu(info: Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'linkUrl'>, tab?: { id?: number }): Promise<void> {
  const url = info.menuItemId === LINK_MENU_ID ? httpUrlOnly(info.linkUrl) : null;
  const host = siteKey(url ?? undefined);
  if (!url || !host) return Promise.resolve();
  const asked = askSite(host);
  // (A link in no tab, such as Sift's popup, has tab.id -1 or none: opened in the current window.)
  const tabId = tab?.id != null && tab.id >= 0 ? tab.id : undefined;
  return asked.then(async (granted) => {
    if (granted !== false) await openOrAsk(tabId, url);
  });
}

export function wireLinkMenu(): void {
  browser.runtime.onInstalled.addListener(() => void createMenu().catch(() => {}));
  browser.runtime.onStartup.addListener(() => void createMenu().catch(() => {}));
  // At the top of the worker, so that a click wakes a stopped worker and is heard.
  browser.contextMenus.onClicked.addListener((info, tab) => void onLinkMenu(info, tab).catch(() => {}));
  // The browser tests cannot click a native menu: the e2e build lets them call the listener's function.
  if (typeof __SIFT_E2E__ !== 'undefined' && __SIFT_E2E__) (globalThis as Record<string, unknown>).siftLinkMenu = onLinkMenu;
}

declare const __SIFT_E2E__: boolean | undefined;
