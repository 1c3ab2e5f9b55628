// What a click on a link means, the way browsers treat it: a plain click in Sift opens the item
// in a background tab so the popup stays open; Ctrl/Cmd-click and middle-click also open a
// background tab; adding Shift brings that tab to the front; Shift-click alone opens a window.
import type { OpenIntent } from '@/lib/messages';

export interface ClickLike {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The intent for a click, or null when the browser should handle it (Alt-click downloads). */
export function openIntent(event: ClickLike): OpenIntent | null {
  if (event.altKey || event.button > 1) return null;
  const modified = event.ctrlKey || event.metaKey || event.button === 1;
  if (modified) return { active: event.shiftKey, newWindow: false };
  if (event.shiftKey) return { active: true, newWindow: true };
  return { active: false, newWindow: false };
}
