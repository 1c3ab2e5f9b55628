// The toolbar button of a tab: a badge with the related count on pages of this layout, a quiet
// dot on an article without related items, nothing elsewhere; "ON" while the tab is in reader
// mode. The tooltip says what was found. The reader's badge setting (lib/settings.ts) can make
// the count a dot, or leave the button bare (the tooltip stays, and "ON" in reader mode).
import { browser } from 'wxt/browser';
import type { TabState } from './tab-state';
import { loadSettings, type BadgeStyle } from '@/lib/settings';
import type { Translate } from '@/lib/i18n';
import { browserTranslator } from '@/lib/browser-i18n';

// MV2 (Firefox build) has browserAction where MV3 has action.
const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

const COLOR_RELATED = '#0b7a75';
const COLOR_QUIET = '#8c959f';
const COLOR_READER = '#b45309';

export interface ActionLook {
  text: string;
  color: string;
  title: string;
}

export function actionLook(state: TabState, t: Translate, badge: BadgeStyle = 'count'): ActionLook {
  const detection = state.detection;
  const count = detection?.relatedCount ?? 0;
  if (state.readerActive) {
    return { text: 'ON', color: COLOR_READER, title: t('badgeReaderOn') };
  }
  if (!detection?.isArticle) {
    return { text: '', color: COLOR_QUIET, title: t('badgeNoArticle') };
  }
  if (count === 0) {
    return { text: badge === 'off' ? '' : '•', color: COLOR_QUIET, title: t('badgeNoRelated') };
  }
  return {
    text: badge === 'off' ? '' : badge === 'dot' ? '•' : count > 99 ? '99+' : String(count),
    color: COLOR_RELATED,
    // The badge counts what the page lists; once graded, the tooltip says how many are on topic.
    title:
      state.onTopic !== undefined
        ? t('badgeRelatedOnTopic', [count, state.onTopic])
        : count === 1
          ? t('badgeRelatedOne', count)
          : t('badgeRelatedMany', count),
  };
}

// The tooltip in the browser's language (public/_locales).
const browserT = browserTranslator();

export async function showTabState(tabId: number, state: TabState): Promise<void> {
  // Read each time: the service worker may have been stopped since the reader last changed it.
  const { badge } = await loadSettings().catch(() => ({ badge: 'count' as const }));
  const look = actionLook(state, browserT, badge);
  // One call at a time, each on its own: an API a browser lacks or rejects (synchronously, in
  // Firefox) must not keep the others from running. A closed tab rejects them all: ignored.
  const calls: (() => unknown)[] = [
    () => action.setTitle({ tabId, title: look.title }),
    () => action.setBadgeText({ tabId, text: look.text }),
    () => action.setBadgeBackgroundColor({ tabId, color: look.color }),
    () => action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
  ];
  for (const call of calls) {
    try {
      await call();
    } catch {
      // See above.
    }
  }
}
