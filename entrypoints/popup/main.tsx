import { browser } from 'wxt/browser';
import { render } from 'preact';
import { App } from './App';
import { getPage } from './get-page';
import { substitutionList, type Translate } from '@/lib/i18n';
import { prepareSanitizer } from '@/lib/sanitize';
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
// (WXT types getMessage with one overload per key, which a union of keys cannot pick.)
const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
// Each answer is kept: getMessage is a call into the browser's bindings, and the related list
// asks for the same few words once per item.
const said = new Map<string, string>();
const t: Translate = (key, substitutions) => {
  const list = substitutionList(substitutions);
  const id = list.length ? `${key}\u0000${list.join('\u0000')}` : key;
  let text = said.get(id);
  if (text === undefined) said.set(id, (text = getMessage(key, list) || key));
  return text;
};
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');

const root = document.getElementById('app')!;
targetTab().then(
  (target) => {
    // Ask for the page before the first render: extraction runs in the tab while Preact paints
    // the loading state (issue 4, open → article painted).
    const first = getPage(target.tabId);
    first.catch(() => {}); // App reports it; this only keeps it from counting as unhandled meanwhile
    render(<App tabId={target.tabId} inTab={target.inTab} first={first} t={t} />, root);
    // The sanitiser's first use, in the wait for the page (an extraction on a first opening).
    setTimeout(prepareSanitizer, 0);
  },
  (err) => render(<App tabId={null} inTab={false} startError={String(err)} t={t} />, root),
);
