// A copy of the page that the page cannot "clobber". Named form controls override a form's own
// properties (`<form><input name=parentNode>` makes form.parentNode that input) and named images,
// forms, embeds, objects and iframes override the document's (`<img name=cloneNode>`). Readability
// walks the tree through those properties: on such a page it never ends, and it freezes the tab
// with it (vector dp-024 of ../shared/security; issue 5). The copy keeps every element and its
// text; only the names and ids that clobber are gone, and media elements (removeMedia).

// Elements whose name or id the browser exposes as a property of their form or of the document.
const CLOBBERING = 'form, input, button, select, textarea, fieldset, output, object, embed, img, iframe, frame, image';

/**
 * A detached copy of `doc` without clobbering names and ids, with `doc`'s window as its
 * defaultView (the extractors parse HTML with it). `doc` itself is not changed.
 */
export function declobberedCopy(doc: Document): Document {
  // Through the prototypes: `<img name=cloneNode>` replaces doc.cloneNode, and so on.
  const copy = Node.prototype.cloneNode.call(doc, true) as Document;
  // Without a getter on the prototype (happy-dom, where the core also runs: tests, eval, bench)
  // the property is the only way; in browsers the getter is there and a clobbered name cannot answer.
  const getter = Object.getOwnPropertyDescriptor(Document.prototype, 'defaultView')?.get;
  const view = (getter ? getter.call(doc) : doc.defaultView) as Window | null;
  Object.defineProperty(copy, 'defaultView', { value: view, configurable: true });
  const all = Document.prototype.querySelectorAll.call(copy, CLOBBERING);
  const removeAttribute = Element.prototype.removeAttribute;
  for (const el of Array.prototype.slice.call(all) as Element[]) {
    removeAttribute.call(el, 'name');
    removeAttribute.call(el, 'id');
  }
  removeMedia(copy);
  return copy;
}

/**
 * Takes the <video> and <audio> elements out of a copy of the page, before anything waits on it.
 * A cloned media element starts loading in a document that has no window to play it in, and
 * Chromium keeps that document alive while it does: 50 reader openings on a page with a <video>
 * (readability-yahoo-2) kept 50 copies, 330,000 nodes. lib/extract/sanitize.ts drops media with their
 * content, so no extraction loses anything by it.
 */
export function removeMedia(copy: Document): void {
  // Through the prototype where there is one (`<img name=querySelectorAll>` shadows the method);
  // the core also runs in Node (npm run eval, the bench), on a happy-dom window, with no global Document.
  const query = typeof Document === 'function' ? Document.prototype.querySelectorAll : copy.querySelectorAll;
  for (const el of Array.from(query.call(copy, 'video, audio') as NodeListOf<Element>)) el.parentNode?.removeChild(el);
}
