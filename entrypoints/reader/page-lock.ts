// Locks the page's scrolling behind the reader overlay and gives everything back exactly:
// the style attributes we touched (byte for byte, or removed again when there was none),
// the scroll position and the focused element. The page's nodes are never moved or removed.

export interface PageLock {
  restore(): void;
}

interface SavedStyle {
  element: HTMLElement;
  /** The style attribute as it was, null when there was none. */
  attribute: string | null;
  /** The style attribute as we left it, to see whether the page changed it meanwhile. */
  ours: string | null;
  overflow: string;
  priority: string;
}

export function lockPage(doc: Document, win: Window): PageLock {
  const scrollX = win.scrollX;
  const scrollY = win.scrollY;
  const bodyScrollTop = doc.body?.scrollTop ?? 0;
  const focused = doc.activeElement;
  const saved: SavedStyle[] = [];
  for (const element of [doc.documentElement, doc.body]) {
    if (!(element instanceof HTMLElement)) continue;
    const entry: SavedStyle = {
      element,
      attribute: element.getAttribute('style'),
      ours: null,
      overflow: element.style.getPropertyValue('overflow'),
      priority: element.style.getPropertyPriority('overflow'),
    };
    element.style.setProperty('overflow', 'hidden', 'important');
    entry.ours = element.getAttribute('style');
    saved.push(entry);
  }

  return {
    restore() {
      for (const entry of saved) {
        const { element } = entry;
        if (element.getAttribute('style') === entry.ours) {
          // Untouched by the page meanwhile: put the attribute back exactly as it was.
          if (entry.attribute === null) element.removeAttribute('style');
          else element.setAttribute('style', entry.attribute);
        } else if (entry.overflow) {
          // The page changed its own style meanwhile: keep that, undo only our property.
          element.style.setProperty('overflow', entry.overflow, entry.priority);
        } else {
          element.style.removeProperty('overflow');
        }
      }
      if (doc.body && bodyScrollTop) doc.body.scrollTop = bodyScrollTop;
      // 'instant': a page with `scroll-behavior: smooth` would otherwise animate back.
      win.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
      if (focused instanceof HTMLElement && focused !== doc.body && focused.isConnected) {
        focused.focus({ preventScroll: true });
      }
    },
  };
}
