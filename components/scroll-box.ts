// Where the reader view scrolls and what covers its top: the popup scrolls its document, reader
// mode its full-window dialog, and both keep the toolbar (.sift-bar) stuck over the top. The table
// of contents and the reading position measure from the bar's bottom edge, so both work the same in
// either place.

export interface ScrollBox {
  /** The scrolling element; null when the document itself scrolls. */
  element: HTMLElement | null;
  /** Where the scrolling goes: the element, or the window. */
  target: EventTarget;
  /** The bottom edge of what stays stuck over the view (the toolbar), in viewport pixels. */
  coveredTop: () => number;
  /** The bottom edge of the view, in viewport pixels. */
  bottom: () => number;
  scrollBy: (dy: number) => void;
  scrollTop: () => number;
}

export function scrollBoxOf(node: Element): ScrollBox {
  const win = node.ownerDocument.defaultView ?? window;
  let element: HTMLElement | null = null;
  for (let n = node.parentElement; n; n = n.parentElement) {
    const overflow = win.getComputedStyle(n).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') {
      element = n;
      break;
    }
  }
  const root = node.getRootNode() as Document | ShadowRoot;
  const bar = root.querySelector?.<HTMLElement>('.sift-bar') ?? null;
  const top = () => (element ? element.getBoundingClientRect().top : 0);
  return {
    element,
    target: element ?? win,
    coveredTop: () => {
      const viewTop = top();
      const barBottom = bar?.isConnected ? bar.getBoundingClientRect().bottom : viewTop;
      return Math.max(viewTop, barBottom);
    },
    bottom: () => (element ? element.getBoundingClientRect().top + element.clientHeight : win.innerHeight),
    scrollBy: (dy) => (element ? (element.scrollTop += dy) : win.scrollBy(0, dy)),
    scrollTop: () => (element ? element.scrollTop : win.scrollY),
  };
}

/**
 * Calls `fn` at most once a frame while the box scrolls or the window resizes (`scrolled` says
 * whether it scrolled since the last call); returns the undo.
 */
export function onScrollFrame(box: ScrollBox, fn: (scrolled: boolean) => void): () => void {
  let frame = 0;
  let scrolled = false;
  const win = (box.element?.ownerDocument.defaultView ?? window) as Window;
  const run = () => {
    frame = 0;
    const moved = scrolled;
    scrolled = false;
    fn(moved);
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(run);
  };
  const onScroll = () => {
    scrolled = true;
    schedule();
  };
  box.target.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('resize', schedule, { passive: true });
  return () => {
    box.target.removeEventListener('scroll', onScroll);
    win.removeEventListener('resize', schedule);
    if (frame) win.cancelAnimationFrame(frame);
  };
}
