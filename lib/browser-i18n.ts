// The interface's words from the browser's own i18n (public/_locales), for every bundle that shows
// them: the popup, reader mode, the options page and the toolbar tooltip. Not for the content
// script, which shows no words and has no room (issue 4).
// `browser` is the polyfill's in the extension pages and the background and the browser's own in
// reader.js (wxt.config.ts, POLYFILL_ALIAS): this module runs as each bundle resolves it.
import { browser } from 'wxt/browser';
import { substitutionList, type Translate } from './i18n';

// (WXT types getMessage with one overload per key, which a union of keys cannot pick.)
const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;

/**
 * A `t` backed by browser.i18n.getMessage; a missing message shows its key. Each answer is kept:
 * getMessage is a call into the browser's bindings, and the related list asks for the same few
 * words once per item. (The language cannot change while a page or the worker runs.)
 */
export function browserTranslator(): Translate {
  const said = new Map<string, string>();
  return (key, substitutions) => {
    const list = substitutionList(substitutions);
    const id = list.length ? `${key}\u0000${list.join('\u0000')}` : key;
    let text = said.get(id);
    if (text === undefined) said.set(id, (text = getMessage(key, list) || key));
    return text;
  };
}

/** The browser's interface language, for `lang` on what shows our words. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** The writing direction of the interface's language, for `dir` where the page's could leak in. */
export function uiDirection(): 'rtl' | 'ltr' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
