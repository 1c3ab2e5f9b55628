// What happy-dom gets wrong that the product must not have to know about (issue 20: happy-dom
// workarounds live with the tests, not in lib/). Applied to every happy-dom window the tests and
// tools use: the unit project's global one (happy-dom-setup.ts, vitest.config.ts setupFiles) and
// each offline page window (load-page.ts offlineWindow, for `npm run eval`, the bench and the demo).

/** Repairs `win`'s DOM where happy-dom differs from browsers. Idempotent; a no-op on a correct DOM. */
export function repairHappyDom(win: Window): void {
  repairNodeName(win);
}

/**
 * happy-dom defines nodeName on each subclass and leaves Node.prototype's getter answering "" for
 * elements. DOMPurify 3.5 reads that getter, sees no tag names, and then keeps `onerror` on an
 * <img>. Browsers are unaffected; this only repairs a DOM whose Node.prototype.nodeName is wrong,
 * by delegating to the subclass getter. (Moved from lib/extract/sanitize.ts, which applied it to
 * every window it sanitised with.)
 */
function repairNodeName(win: Window): void {
  const proto = (win as unknown as { Node: typeof Node }).Node.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
  if (!own?.get || own.get.call(win.document.createElement('p')) === 'P') return;
  const generic = own.get;
  Object.defineProperty(proto, 'nodeName', {
    configurable: true,
    get(this: Node) {
      for (let o = Object.getPrototypeOf(this); o && o !== proto; o = Object.getPrototypeOf(o)) {
        const getter = Object.getOwnPropertyDescriptor(o, 'nodeName')?.get;
        if (getter) return getter.call(this);
      }
      return generic.call(this);
    },
  });
}
