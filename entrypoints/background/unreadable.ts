// Which pages Sift cannot read and why, judged without the browser: from the URL before trying,
// or from the error executeScript gave. The popup says the reason in words (components/States.tsx).
import type { UnreadableReason } from '@/lib/messages';

// Pages the browser never lets an extension script, whatever its permissions.
const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** Why `url` cannot be read, judged from the URL alone; null when it is worth trying. */
export function unreadableByUrl(url: string | undefined): UnreadableReason | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser-page';
  if (STORE_HOSTS.includes(parsed.hostname) && (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return 'store';
  }
  return null;
}

/** Why executeScript failed, from its error and the URL when the browser let us see it. */
export function unreadableByError(message: string, url: string | undefined): UnreadableReason {
  if (url?.startsWith('file:') || /file:\/\//.test(message)) return 'file-access';
  if (/gallery|webstore|addons\.mozilla/i.test(message)) return 'store';
  if (/chrome:|edge:|about:|chrome-extension:|moz-extension:|view-source:|devtools:|privileged/i.test(message)) return 'browser-page';
  return 'no-access';
}
