// Wiring only: the toolbar button, the shortcut, reading a tab for the popup, opening tabs.
// Every message is checked for its sender before anything happens (lib/messages.ts).
import { browser, type Browser } from 'wxt/browser';
import { ARTICLE_CHANNEL, ARTICLE_VIA_CHANNEL_ABOVE, onDetected, onMessage, type ArticlePost, type PageResult } from '@/lib/messages';
import type { Detection } from '@/lib/extract/types';
import { showTabState } from './action';
import { keyedQueue } from '@/lib/task-queue';
import { extractInTab, readPage } from './read-tab';
import { readerActiveInPage, toggleReader } from './reader-in-tab';
import { httpUrlOnly, openNextTo } from './open-link';
import { forgetTab, getTabState, updateTabState, type TabState } from './tab-state';
import { forgetExtraction, rememberExtraction } from './extraction-cache';
import { watchSettings } from '@/lib/settings';
import { afterDetection, wireSites } from './sites';
import { wireLinkMenu } from './link-menu';
import { wireRules } from './site-rules';

type Sender = Browser.runtime.MessageSender;

/** A content script of this extension in the top frame of a tab: its tab id, else null. */
function contentTab(sender: Sender): number | null {
  if (sender.id !== browser.runtime.id || sender.tab?.id == null || sender.frameId !== 0) return null;
  return sender.tab.id;
}

/** True for this extension's own pages (the popup, also when the tests open it in a tab). */
function fromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

function validTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function validDetection(value: unknown): value is Detection {
  const d = value as Detection | null;
  return (
    !!d &&
    typeof d.isArticle === 'boolean' &&
    typeof d.relatedCount === 'number' &&
    Number.isInteger(d.relatedCount) &&
    d.relatedCount >= 0 &&
    typeof d.lang === 'string'
  );
}

async function setReader(tabId: number, active: boolean): Promise<TabState> {
  const state = await updateTabState(tabId, (s) => ({ ...s, readerActive: active }));
  await showTabState(tabId, state);
  return state;
}

// Everything that decides a tab's reader state goes through here, one at a time per tab: rapid
// clicks and shortcuts each inject reader.js and record its answer, and the records must land in
// the order the page applied the toggles, or the popup shows the state before the last one.
const readerOps = keyedQueue<number>();

function toggle(tabId: number, listen = false): Promise<boolean> {
  return readerOps.run(tabId, async () => {
    const active = await toggleReader(tabId, (await getTabState(tabId)).readerActive, listen);
    await setReader(tabId, active);
    return active;
  });
}

/** Reader mode on in a tab where it is off (issue 19: never a toggle that would close it). */
function openReader(tabId: number): Promise<void> {
  return readerOps.run(tabId, async () => {
    if ((await getTabState(tabId)).readerActive) return;
    await setReader(tabId, await toggleReader(tabId, false));
  });
}

/** Records what the page says about its reader (`fallback` when it cannot be asked). */
function syncReader(tabId: number, fallback?: boolean): Promise<TabState | null> {
  return readerOps.run(tabId, async () => {
    const active = (await readerActiveInPage(tabId)) ?? fallback;
    return active === undefined ? null : setReader(tabId, active);
  });
}

/** Sends a long article's HTML over ARTICLE_CHANNEL when the popup offered a channel id (lib/messages.ts). */
function viaChannel(result: PageResult & { status: 'ok' }, channel: unknown): PageResult {
  const article = result.extraction.article;
  if (!article || article.contentHtml.length <= ARTICLE_VIA_CHANNEL_ABOVE) return result;
  if (typeof channel !== 'string' || !/^[\w-]{8,64}$/.test(channel)) return result;
  const post: ArticlePost = { id: channel, contentHtml: article.contentHtml };
  const broadcast = new BroadcastChannel(ARTICLE_CHANNEL);
  broadcast.postMessage(post);
  broadcast.close();
  return { ...result, extraction: { ...result.extraction, article: { ...article, contentHtml: '' } }, articleVia: channel };
}

export default defineBackground(() => {
  onDetected(async (data, sender) => {
    const tabId = contentTab(sender);
    if (tabId == null || !validDetection(data?.detection)) return;
    // The page loaded or changed: the popup must read it again.
    forgetExtraction(tabId);
    const state = await updateTabState(tabId, (s) =>
      // A fresh page load ends reader mode (a page back from the back/forward cache says how it
      // was left) and starts a new list of opened items; a new page or list has not been graded.
      data.fresh
        ? { detection: data.detection, readerActive: data.readerActive === true, opened: [] }
        : { ...s, detection: data.detection, onTopic: s.detection?.relatedCount === data.detection.relatedCount ? s.onTopic : undefined },
    );
    await showTabState(tabId, state);
    // Issue 19: reader mode by itself on a chosen site, or for a tab "Open in Sift" opened.
    await afterDetection(tabId, sender.url ?? data.url, data.detection, data.fresh === true, openReader);
  });

  onMessage('readerClosed', async ({ sender }) => {
    const tabId = contentTab(sender);
    // Asked again rather than taken as "off": a toggle may have opened it again since.
    if (tabId != null) await syncReader(tabId, false);
  });

  onMessage('openLink', async ({ data, sender }) => {
    const tabId = fromExtensionPage(sender) ? data?.tabId : contentTab(sender);
    const url = httpUrlOnly(data?.url);
    if (!validTabId(tabId) || !url) return false;
    await openNextTo(tabId, url, data.active === true, data.newWindow === true);
    await updateTabState(tabId, (s) => ({ ...s, opened: s.opened.includes(url) ? s.opened : [...s.opened, url] }));
    return true;
  });

  onMessage('getPage', async ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !validTabId(data?.tabId)) throw new Error('Not allowed');
    const tabId = data.tabId;
    // One round trip for the popup (issue 16). The reader state: on a first opening the
    // extractor's answer says what the page says; on a later one the record is used, with no
    // injection (every toggle and close goes through here and is recorded).
    const [{ result, extracted }, known] = await Promise.all([readPage(tabId, data.anyway === true), getTabState(tabId)]);
    if (result.status !== 'ok') return result;
    let readerActive = known.readerActive;
    if (extracted) {
      readerActive = extracted.readerActive;
      // The extraction's detection is exact (the content script's related count is an estimate):
      // the badge follows it, and the page's reader state, while the popup already paints.
      const detection = extracted.extraction.detection;
      readerOps
        // (Unless a toggle recorded a newer state meanwhile.)
        .run(tabId, () =>
          updateTabState(tabId, (s) => ({ ...s, detection, readerActive: s.readerActive === known.readerActive ? readerActive : s.readerActive })),
        )
        .then((state) => showTabState(tabId, state))
        .catch(() => {});
    }
    return viaChannel({ ...result, readerActive, opened: known.opened }, data.channel);
  });

  onMessage('readForReader', async ({ sender }) => {
    const tabId = contentTab(sender);
    if (tabId == null) return false;
    // Reader mode found nothing read of this version of its page: the extractor reads it and
    // leaves it there; the background keeps its copy for the popup.
    const url = sender.tab?.url;
    // Reader mode shows what Readability finds even where detection saw no article (issue 17).
    const answer = await extractInTab(tabId, url, true);
    if ('status' in answer) return false;
    rememberExtraction(tabId, url, answer.extraction);
    // The reader asks as it opens: the answer says so (reader.js may have been injected by a
    // toggle this background has not recorded yet; not through readerOps, which that toggle holds).
    updateTabState(tabId, (s) => ({ ...s, readerActive: answer.readerActive }))
      .then((state) => showTabState(tabId, state))
      .catch(() => {});
    return true;
  });

  onMessage('graded', async ({ data, sender }) => {
    const tabId = fromExtensionPage(sender) ? data?.tabId : contentTab(sender);
    const onTopic = data?.onTopic;
    if (!validTabId(tabId) || typeof onTopic !== 'number' || !Number.isInteger(onTopic) || onTopic < 0) return;
    const state = await updateTabState(tabId, (s) => ({ ...s, onTopic }));
    await showTabState(tabId, state);
  });

  onMessage('toggleReader', async ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !validTabId(data?.tabId)) throw new Error('Not allowed');
    return { active: await toggle(data.tabId, data.listen === true) };
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-reader') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId == null) return;
    try {
      await toggle(tabId);
    } catch {
      // A page Sift cannot read (browser pages, the store): the shortcut does nothing there.
    }
  });

  // The badge setting changed: every open tab's button follows at once.
  let badge: string | undefined;
  watchSettings(async (settings) => {
    if (settings.badge === badge) return;
    badge = settings.badge;
    for (const tab of await browser.tabs.query({})) {
      if (tab.id != null) await showTabState(tab.id, await getTabState(tab.id)).catch(() => {});
    }
  });

  wireSites(contentTab, fromExtensionPage);
  wireLinkMenu();
  wireRules(contentTab);

  // A load or reload starts a new document, whose extraction is not the last one's: dropped now,
  // not when the content script reports (at document_idle, and at an idle moment after that for
  // an article), so a popup opened in between reads the page again. (The status needs no "tabs"
  // permission.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') forgetExtraction(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetExtraction(tabId);
    forgetTab(tabId).catch(() => {});
  });

});
