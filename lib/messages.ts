// Every message between the parts of Sift, in one typed protocol. Who sends what:
//   content script -> background   detected
//   reader overlay -> background   readerClosed, openLink
//   popup          -> background   getPage, readerState, toggleReader, openLink
// The background checks each sender (entrypoints/background.ts) before acting.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Detection, Extraction } from './types';

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

/** What the injected extractor (entrypoints/extractor.ts) hands back through executeScript. */
export type ExtractorResult =
  | { ok: true; extraction: Extraction }
  | { ok: false; reason: 'pdf' }
  | { ok: false; error: string };

interface ProtocolMap {
  /** `fresh` is true for the first report after the page loaded: a new page, reader mode off. */
  detected(data: { url: string; detection: Detection; fresh: boolean }): void;
  readerClosed(): void;
  openLink(data: OpenLinkRequest): boolean;
  /** `channel`: an id under which a long article may come over ARTICLE_CHANNEL. */
  getPage(data: { tabId: number; channel?: string }): PageResult;
  /** Whether the tab's reader is on, asked of the page itself; null when the page cannot be asked. */
  readerState(data: { tabId: number }): { active: boolean } | null;
  toggleReader(data: { tabId: number }): { active: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
