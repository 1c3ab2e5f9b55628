// Locks the page's scrolling behind the reader overlay and gives everything back exactly:
// the style attributes we touched (byte for byte, or removed again when there was none),
// the scroll position and the focused element. The page's nodes are never moved or removed.
//
// While locked, <html> and <body> (the overlay's host hangs from <body>, so they are its only page
// ancestors) also get, inline and !important, the safe value of each property below whose computed
// value could hide or shrink the reader: that beats any rule of the page's style sheets and its
// inline styles. `display: none` or `content-visibility: hidden` on an ancestor keeps even a
// top-layer <dialog> from rendering, `zoom` and `visibility` reach it through inheritance; the
// others paint over everything in some engines. A property already safe is left alone, so the page
// behind is not laid out again for nothing. The host itself is reset by WXT's
// `:host { all: initial !important }`, which wins over the page's !important rules (a shadow
// tree's important declarations come last). The page's style sheets are left enabled: switching
// them off lays the page out again, which wakes its lazy loaders and infinite scrolls, and the
// page would not come back as it was.

export interface PageLock {
  restore(): void;
}

/** What html and body get while reader mode is on; `when` says whether their computed value needs it. */
export const LOCKED_STYLE: readonly { name: string; value: string; when: (computed: string) => boolean }[] = [
  { name: 'overflow', value: 'hidden', when: () => true },
  { name: 'display', value: 'block', when: (v) => v === 'none' },
  ...(
    [
      ['visibility', 'visible'],
      ['content-visibility', 'visible'],
      ['zoom', '1'],
      ['opacity', '1'],
      ['filter', 'none'],
      ['transform', 'none'],
      ['clip-path', 'none'],
      ['mask-image', 'none'],
    ] as const
  ).map(([name, value]) => ({ name, value, when: (v: string) => v !== '' && v !== value })),
];

interface SavedStyle {
  element: HTMLElement;
  /** The style attribute as it was, null when there was none. */
  attribute: string | null;
  /** The style attribute as we left it, to see whether the page changed it meanwhile. */
  ours: string | null;
  /** Each property we set, as the inline style had it: value and priority ('' when unset). */
  properties: [name: string, value: string, priority: string][];
}

export function lockPage(doc: Document, win: Window): PageLock {
  const scrollX = win.scrollX;
  const scrollY = win.scrollY;
  const bodyScrollTop = doc.body?.scrollTop ?? 0;
  const focused = doc.activeElement;
  const saved: SavedStyle[] = [];
  for (const element of [doc.documentElement, doc.body]) {
    if (!(element instanceof HTMLElement)) continue;
    const computed = win.getComputedStyle(element);
    const locked = LOCKED_STYLE.filter(({ name, when }) => when(computed.getPropertyValue(name)));
    const entry: SavedStyle = {
      element,
      attribute: element.getAttribute('style'),
      ours: null,
      properties: locked.map(({ name }) => [name, element.style.getPropertyValue(name), element.style.getPropertyPriority(name)]),
    };
    for (const { name, value } of locked) element.style.setProperty(name, value, 'important');
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
        } else {
          // The page changed its own style meanwhile: keep that, undo only our properties.
          for (const [name, value, priority] of entry.properties) {
            if (value) element.style.setProperty(name, value, priority);
            else element.style.removeProperty(name);
          }
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
