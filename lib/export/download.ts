// Saving a file the reader asked for, without the `downloads` permission: a Blob behind an
// <a download> clicked from script, in the popup or in the page (reader mode). The link never
// enters the document and its object URL is revoked once the browser has taken the file.

/** Starts the download of `text` as `name` (the browser may ask where to save it). */
export function downloadText(text: string, name: string, type: string, doc: Document = document): void {
  const win = doc.defaultView ?? window;
  const url = win.URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // Revoked later, not at once: Firefox reads the blob after click() returns.
  win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
}

/**
 * Copies `text` to the clipboard from the reader's click. navigator.clipboard needs a secure context:
 * reader mode on an http:// page has none, and falls back to copying a selected textarea, which a
 * click allows in every page.
 */
export async function copyText(text: string, near: Element): Promise<void> {
  const doc = near.ownerDocument;
  const nav = doc.defaultView?.navigator;
  if (nav?.clipboard?.writeText && doc.defaultView?.isSecureContext) {
    try {
      return await nav.clipboard.writeText(text);
    } catch {
      // Refused (the page's permissions policy, focus elsewhere): try the old way below.
    }
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  // Next to the button: inside reader mode's shadow root and its modal dialog, where focus can go.
  (near.parentElement ?? doc.body).append(area);
  const focused = (near.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  area.select();
  const ok = doc.execCommand('copy');
  area.remove();
  focused?.focus({ preventScroll: true });
  if (!ok) throw new Error('copy refused');
}
