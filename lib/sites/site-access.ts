// Sift's access to one site, asked for when the reader asks for something that needs it (issue 19):
// "Always use reader mode on <site>" and "Open in Sift". The manifest holds them as
// optional_host_permissions; nothing is granted at install. Extension pages and the background
// only: a content script has no permissions API (reader mode asks the background instead).
import { browser } from 'wxt/browser';
import { sitePatterns } from './site-rules';
import { loadSites, saveSites, updateSite } from '../settings';

const origins = (host: string) => ({ origins: sitePatterns(host) });

/**
 * Asks the browser for `host`. Call it first thing in a click handler: Firefox counts only a call
 * made synchronously inside the user's action, so nothing may be awaited before it.
 */
export function requestSite(host: string): Promise<boolean> {
  return askSite(host).then((granted) => granted === true);
}

/**
 * requestSite, telling the reader's refusal (false) from a request the browser would not make
 * (null): Chrome's service worker counts a menu click as the user's action only while nothing has
 * been awaited, and a browser may count none at all. Same rule: call it first thing.
 */
export function askSite(host: string): Promise<boolean | null> {
  try {
    return browser.permissions.request(origins(host)).catch(() => null);
  } catch {
    return Promise.resolve(null);
  }
}

export function hasSite(host: string): Promise<boolean> {
  return browser.permissions.contains(origins(host)).catch(() => false);
}

/**
 * Gives `host` back; false when the browser keeps it. Chrome refuses to remove any http(s) host
 * from an extension whose content script matches every page ("You cannot remove required
 * permissions", Chromium 156), so there the reader takes it back in the browser's site access.
 */
export async function revokeSite(host: string): Promise<boolean> {
  await browser.permissions.remove(origins(host)).catch(() => false);
  return !(await hasSite(host));
}

/**
 * "Always use reader mode on `host`", from a click: the permission is asked for at once and the
 * choice stored meanwhile (a toolbar popup may close while the browser's prompt is up); refused,
 * the choice is taken back. Resolves to whether it holds.
 */
export async function allowAuto(host: string): Promise<boolean> {
  const asked = requestSite(host);
  await updateSite(host, (p) => ({ ...p, auto: true }));
  const granted = await asked;
  if (!granted) await updateSite(host, (p) => ({ ...p, auto: false }));
  return granted;
}

/**
 * Reader mode no longer opens by itself on `host` (it needs the site in the table as well as the
 * access), and Sift gives its access to the site back. Resolves to whether the browser took it.
 */
export async function stopAuto(host: string): Promise<boolean> {
  await updateSite(host, (p) => ({ ...p, auto: false }));
  return revokeSite(host);
}

/** Forgets everything about `host` (its rules too) and gives its access back (see stopAuto). */
export async function forgetSite(host: string): Promise<boolean> {
  const table = await loadSites();
  delete table[host];
  await saveSites(table);
  return revokeSite(host);
}
