import { browser } from 'wxt/browser';
import { render } from 'preact';
import { App } from './App';
import { getPage } from './get-page';
import { browserTranslator, uiLanguage } from '@/lib/browser-i18n';
import { prepareSanitizer } from '@/lib/extract/sanitize';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '@/lib/settings';
import type { PageResult } from '@/lib/messages';
import './style.css';

// popup.html?tab=<id> reads another tab: only a tab id is honoured (the browser tests open the
// popup in a normal tab and point it at the fixture's tab). Otherwise it is the active tab.
async function targetTab(): Promise<{ tabId: number; url?: string; inTab: boolean }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d{1,10}$/.test(param)) return { tabId: Number(param), inTab: true };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) throw new Error('No active tab');
  return { tabId: tab.id, url: tab.url, inTab: false };
}

// The interface follows the browser's language (public/_locales); a missing message shows its key.
const t = browserTranslator();
document.documentElement.lang = uiLanguage();
document.title = t('extName');

/**
 * How long the popup holds its first frame for the page's answer (issue 16). The background's
 * copy of a page it has read comes in a few ms: the first frame is then the article itself, in
 * the reader's settings, not a skeleton that a second frame replaces. A page being read (a
 * first opening) gets the skeleton after this, well within the 100 ms a response may take.
 */
const FIRST_FRAME_WAIT_MS = 80;

const root = document.getElementById('app')!;
targetTab().then(
  (target) => {
    // A page rather than the toolbar popup: as wide as its window (style.css).
    if (target.inTab) document.documentElement.classList.add('sift-as-page');
    else browser.tabs.getCurrent().then((tab) => tab && document.documentElement.classList.add('sift-as-page'), () => {});
    // Ask for the page before anything else: it is read in the tab meanwhile.
    const first = getPage(target.tabId);
    first.catch(() => {}); // App reports it; this only keeps it from counting as unhandled meanwhile
    // For `npm run bench`: where the time from opening to painting goes (page vs popup).
    first.then(() => performance.mark('sift:page-received'), () => {});
    const settings = loadSettings().catch(() => DEFAULT_SETTINGS);
    let ready: { page: PageResult; settings: Settings } | null = null;
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      clearTimeout(timer);
      render(
        <App tabId={target.tabId} inTab={target.inTab} first={first} initial={ready?.page} initialSettings={ready?.settings} t={t} />,
        root,
      );
    };
    const timer = setTimeout(show, FIRST_FRAME_WAIT_MS);
    Promise.all([first, settings]).then(([page, s]) => {
      ready = { page, settings: s };
      show();
    }, show);
    // The sanitiser's first use, in the wait for the page (an extraction on a first opening).
    setTimeout(prepareSanitizer, 0);
  },
  (err) => render(<App tabId={null} inTab={false} startError={String(err)} t={t} />, root),
);
