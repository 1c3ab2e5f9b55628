// The scripts the Firefox race sends over Marionette: the three user actions, run in Firefox's
// chrome (browser UI) context, and one wait for the title painted, run in the tab's document.
//
// Same start and end events for all three contenders, so that only the work in between differs:
// - start: Date.now() in the browser's chrome, taken by the same script just before it does what
//   the user's click or key would do (no Marionette round trip inside the measured time);
// - end: Date.now() in the document that shows the article, in a task queued from the first
//   animation frame in which its title element has text and is visible: rAF callbacks run just
//   before that frame's style, layout and paint, so a task queued from there runs once the frame
//   with the title has been painted (the usual "rAF + setTimeout" after-paint marker). Element
//   Timing would be the browser's own paint time, but Firefox has none; MozAfterPaint reaches only
//   chrome, and about:reader's document does not exist yet when the user acts.
// Both ends read the same system clock; privacy.reduceTimerPrecision is switched off for the run
// (race.ts) so that neither is rounded.

/** Which document shows the article: Firefox's about:reader, Sift's popup page, or Sift's overlay in the page. */
export type Contender = 'firefox' | 'popup' | 'reader';

/**
 * Firefox Reader View as its toolbar button does it (AboutReaderParent.toggleReaderMode): the
 * page's AboutReader actor is told to toggle; it serialises the page for Readability in a worker,
 * caches the article in the parent and navigates to about:reader?url=…, which shows it.
 */
export const TOGGLE_FIREFOX_READER = `
  const actor = gBrowser.selectedBrowser.browsingContext.currentWindowGlobal.getActor('AboutReader');
  const at = Date.now();
  actor.sendAsyncMessage('Reader:ToggleReaderMode', {});
  return at;
`;

/** Whether Firefox offers Reader View for the selected tab (its readerable check after load). */
export const FIREFOX_IS_ARTICLE = `return gBrowser.selectedBrowser.isArticle === true;`;

/**
 * Sift's reader mode as its keyboard shortcut does it: ExtensionShortcuts' <key> element calls
 * onCommand(name), which reaches the background's commands.onCommand (activeTab granted there).
 */
export const TOGGLE_SIFT_READER = `
  const [id] = arguments;
  const shortcuts = WebExtensionPolicy.getByID(id).extension.shortcuts;
  const at = Date.now();
  shortcuts.onCommand('toggle-reader');
  return at;
`;

/**
 * Sift's popup page for a tab, loaded into the selected (new, blank) tab the way the Firefox e2e
 * test opens it (popup.html?tab=<id>): a test cannot click the toolbar button.
 */
export const OPEN_POPUP = `
  const [url] = arguments;
  const principal = Services.scriptSecurityManager.getSystemPrincipal();
  const at = Date.now();
  gBrowser.selectedBrowser.fixupAndLoadURIString(url, { triggeringPrincipal: principal });
  return at;
`;

/** The add-on's moz-extension host and WebExtension tab id of the selected tab (chrome context). */
export const EXTENSION_TAB = `
  const [id] = arguments;
  const policy = WebExtensionPolicy.getByID(id);
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  return { host: policy.mozExtensionHostname, tabId: ExtensionParent.apiManager.global.tabTracker.getId(gBrowser.selectedTab) };
`;

/** Sift's badge on the selected tab: set once its content script has detected the page. */
export const SIFT_BADGE = `
  const [id] = arguments;
  const policy = WebExtensionPolicy.getByID(id);
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const api = ExtensionParent.apiManager.global.browserActionFor?.(policy.extension);
  return api ? (api.action.getProperty(gBrowser.selectedTab, 'badgeText') ?? '') : '';
`;

/** What the wait in the document answers. */
export type WaitAnswer =
  | { paintedAt: number; late: boolean; title: string; docAt: number; firstPaintAt: number | null }
  | { wrongDocument: string }
  | { error: string }
  | { timeout: true };

/**
 * Waits in the tab's current document for the contender's title painted (arguments: contender,
 * the address the document must start with, the time limit in ms). Another document (the one the
 * action is leaving) answers wrongDocument once it is hidden, or after 20 ms: the caller asks
 * again. `late`: the title was there at the first look, so this end is an upper bound (counted).
 */
export const WAIT_FOR_TITLE = `
  const [contender, prefix, limitMs] = arguments;
  const done = arguments[arguments.length - 1];
  if (!location.href.startsWith(prefix)) {
    const answer = () => done({ wrongDocument: location.href });
    addEventListener('pagehide', answer, { once: true });
    setTimeout(answer, 20);
    return;
  }
  const find = () => {
    let el = null;
    if (contender === 'firefox') {
      if (document.documentElement.dataset.isError) return 'error';
      el = document.querySelector('.reader-header .reader-title');
    } else if (contender === 'popup') {
      el = document.querySelector('.sift-article .sift-title');
    } else {
      el = document.querySelector('sift-reader')?.shadowRoot?.querySelector('.sift-title') ?? null;
    }
    return el && el.textContent.trim() && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ? el : null;
  };
  const first = find();
  if (first === 'error') return done({ error: 'Firefox Reader View showed its load error' });
  const late = !!first;
  const since = Date.now();
  const tick = () => {
    const el = find();
    if (el === 'error') return done({ error: 'Firefox Reader View showed its load error' });
    if (el) {
      const title = el.textContent.trim().slice(0, 80);
      // Where the time went, roughly (another clock, the document's): when this document's
      // navigation started, and its first contentful paint (a popup's skeleton, about:reader's toolbar).
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const docAt = performance.timeOrigin;
      return setTimeout(() => done({ paintedAt: Date.now(), late, title, docAt, firstPaintAt: fcp ? docAt + fcp.startTime : null }), 0);
    }
    if (Date.now() - since > limitMs) return done({ timeout: true });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;
