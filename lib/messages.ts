// Every message between the parts of Sift, in one typed protocol. Who sends what:
//   content script -> background   detected (reportDetected / onDetected, below)
//   reader overlay -> background   readerClosed, readForReader, openLink, graded
//   popup          -> background   getPage, toggleReader, openLink, graded
// The background checks each sender (entrypoints/background.ts) before acting.
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser, type Browser } from 'wxt/browser';
import type { Detection, Extraction } from './extract/types';
import type { SiteRule } from './sites/site-rules';

/** How a link should open; worked out from the click by components/open-intent.ts. */
export interface OpenIntent {
  /** Bring the new tab to the front (Ctrl/Cmd+Shift-click); otherwise it opens in the background. */
  active: boolean;
  /** Open in a new window (Shift-click). */
  newWindow: boolean;
}

export interface OpenLinkRequest extends OpenIntent {
  url: string;
  /** The page's tab. Ignored when the sender is a content script: its own tab is used. */
  tabId?: number;
}

/** Why a page cannot be read, so the popup can say what to do next. */
export type UnreadableReason = 'browser-page' | 'store' | 'pdf' | 'file-access' | 'no-access';

/**
 * A long article's HTML does not travel in the getPage answer: runtime messaging serialises to
 * JSON, about 1.2 s for the 4.9 MB of a 5 MB page. The background posts it on this
 * BroadcastChannel instead (structured clone; same-origin, so only this extension's own pages can
 * listen), tagged with the id the popup chose, and the answer names that id in `articleVia`.
 */
export const ARTICLE_CHANNEL = 'sift-article';
/** Article HTML longer than this goes over ARTICLE_CHANNEL when the popup offers one. */
export const ARTICLE_VIA_CHANNEL_ABOVE = 256 * 1024;
export interface ArticlePost {
  id: string;
  contentHtml: string;
}

/** The answer to "what is on this tab?" that the popup renders. */
export type PageResult =
  | { status: 'ok'; extraction: Extraction; readerActive: boolean; opened: string[]; articleVia?: string }
  | { status: 'unreadable'; reason: UnreadableReason; url?: string }
  | { status: 'error'; message: string };

/**
 * Set (under Symbol.for) in the tab's isolated world just before the extractor is injected: that
 * injection reads the article even on a page detection calls no article ("Show anyway", reader mode).
 */
export const EXTRACT_ANYWAY_KEY = 'sift.extract-anyway';

/**
 * Set (under Symbol.for) in the tab's isolated world just before reader.js is injected by the
 * popup's "Listen": the reader that opens starts reading aloud (issue 18). The reader clears it.
 */
export const READER_LISTEN_KEY = 'sift.reader-listen';

/**
 * Set (under Symbol.for) in the tab's isolated world just before the extractor is injected, when
 * the page's site has rules (issue 19) or one was just made: an ExtractorRules. The rules reach the
 * extractor as data, so its bundle holds no storage code; the extractor clears it.
 */
export const EXTRACT_RULES_KEY = 'sift.extract-rules';
export interface ExtractorRules {
  rules: SiteRule[];
  /** A rule was just made: what was kept of this version of the page is read again. */
  fresh: boolean;
}

/** What the injected extractor (entrypoints/extractor.ts) reads of a page (and keeps there, lib/reader/kept-extraction.ts). */
export type ExtractorResult =
  | { ok: true; extraction: Extraction }
  | { ok: false; reason: 'pdf' }
  | { ok: false; error: string };

/**
 * What it hands back through executeScript: the page and, so that a first opening of the popup
 * is one injection, whether reader mode is on in it (the page is the truth; the background's
 * record is a copy).
 */
export type ExtractorAnswer = ExtractorResult & { readerActive: boolean };

interface ProtocolMap {
  readerClosed(): void;
  openLink(data: OpenLinkRequest): boolean;
  /**
   * `channel`: an id under which a long article may come over ARTICLE_CHANNEL. `anyway`: the
   * reader pressed "Show anyway" on a page that is not an article: run Readability regardless.
   */
  getPage(data: { tabId: number; channel?: string; anyway?: boolean }): PageResult;
  /**
   * Reader mode found no extraction of this version of its page (lib/reader/kept-extraction.ts): the
   * background injects the extractor, which leaves one there. False when it could not.
   */
  readForReader(): boolean;
  /** `listen`: reader mode is to open and read aloud (the popup's "Listen"). */
  toggleReader(data: { tabId: number; listen?: boolean }): { active: boolean };
  /**
   * The reader view graded the page's related items: `onTopic` of `total` are on its topic (the
   * toolbar tooltip says so). `tabId` is ignored when the sender is a content script.
   */
  graded(data: { tabId?: number; url: string; onTopic: number; total: number }): void;
}

// Made on first use, so that a bundle that uses neither (the content script) leaves the
// library out.
type Messaging = ReturnType<typeof defineExtensionMessaging<ProtocolMap>>;
let messaging: Messaging | undefined;
const messagingOnce = () => (messaging ??= defineExtensionMessaging<ProtocolMap>({ logger: undefined }));
export const sendMessage = ((...args: Parameters<Messaging['sendMessage']>) => messagingOnce().sendMessage(...args)) as Messaging['sendMessage'];
export const onMessage = ((...args: Parameters<Messaging['onMessage']>) => messagingOnce().onMessage(...args)) as Messaging['onMessage'];

/** What the content script reports on page load and after large changes. */
export interface DetectedReport {
  url: string;
  detection: Detection;
  /** True for the first report after the page loaded: a new page, reader mode off. */
  fresh: boolean;
  /**
   * Whether reader mode is on in the page, sent (with `fresh`) when the page comes back from the
   * back/forward cache as it was left: a new page for the tab, but not necessarily reader mode off.
   */
  readerActive?: boolean;
}

/** The key of the content script's report in a runtime message. */
const DETECTED = 'sift:detected';

/**
 * The content script's one message, one-way, with the runtime's own messaging rather than the
 * library above: the script runs on every page and the library would be 2.9 KB of its 20 KB
 * budget (issue 14). The library's listener ignores a message without its `type` and `timestamp`
 * (its throwOnUnknownMessageFormat is off); onDetected ignores every other message.
 */
export function reportDetected(report: DetectedReport): Promise<unknown> {
  return browser.runtime.sendMessage({ [DETECTED]: report });
}

/** Listens for reportDetected (the background). The sender must still be checked. */
export function onDetected(listener: (report: DetectedReport, sender: Browser.runtime.MessageSender) => unknown): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const report = message != null && typeof message === 'object' ? (message as Record<string, unknown>)[DETECTED] : undefined;
    if (report != null && typeof report === 'object') void listener(report as DetectedReport, sender);
    // No answer: the sender does not wait for one.
    return undefined;
  });
}

// ---- Sites (issue 19) -----------------------------------------------------------------------------
// (Merged into the ProtocolMap above.) Who sends what:
//   reader overlay -> background   siteAuto, openInSift
//   popup, options -> background   openInSift
interface ProtocolMap {
  /**
   * Reader mode's "Always use reader mode on this site", for its own tab's site. On: the background
   * opens Sift's page that asks for the site (a content script cannot ask); off: the choice goes and
   * so does the access. Resolves to whether the site is set now.
   */
  siteAuto(data: { on: boolean }): boolean;
  /**
   * "Open in Sift": the link opens in a new tab next to `tabId` (a content script's own tab) and
   * is shown in reader mode once it loads. Without the site's access, Sift's page that asks for it
   * opens instead. Resolves to whether the tab was opened.
   * `asking` (extension pages only): the sender asked the browser for the site with the reader's
   * click just before; the link opens when the reader grants it (the prompt may close the popup).
   */
  openInSift(data: { url: string; tabId?: number; asking?: boolean }): boolean;
}
// ---- end of sites (issue 19) ----------------------------------------------------------------------

// ---- Rules (issue 19): "Pick the article" and "Remove" -------------------------------------------
// (Merged into the ProtocolMap above.)   reader overlay -> background   siteRule
interface ProtocolMap {
  /**
   * Reader mode made a rule for its own tab's site: the background stores it (lib/settings.ts) and
   * reads the page again with the site's rules; reader mode then shows what was kept in the page.
   * Resolves to whether the page was read again.
   */
  siteRule(data: SiteRule): boolean;
}
// ---- end of rules (issue 19) ----------------------------------------------------------------------
