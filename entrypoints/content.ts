// Cheap detection on every http(s) page: only lib/extract/detect/detect.ts is bundled here (Readability and the
// sanitiser load on demand, entrypoints/extractor.ts and entrypoints/reader/). Budget: 20 KB.
// It tells the background what it found, again after in-page navigation and after large DOM
// changes (single-page sites, related lists that load late). On the load path it only asks
// whether the page is an article; an article's related count (the toolbar's number, the costly
// part) waits for an idle moment, and the report goes then, once.
import { articleCounter, scoreDocument } from '@/lib/extract/detect/detect';
import { reportDetected } from '@/lib/messages';
import { pageChanged } from '@/lib/reader/kept-extraction';
import { readerActiveHere } from '@/lib/reader/reader-switch';

// A change this large (elements added or removed) may have brought an article or a related list.
const LARGE_CHANGE = 20;
// Wait until the page has been quiet this long before detecting again.
const SETTLE_MS = 800;
const MAX_WAIT_MS = 5000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // (runAt: document_idle, the default: once the page has loaded, before its late resources.)
  main(ctx) {
    let fresh = true;
    let timer: number | undefined;

    // `counting`: the idle moment an article's count waited for (the page is scored again, as it
    // may have changed meanwhile).
    const report = (readerActive?: boolean, counting?: boolean) => {
      if (!counting) timer = undefined;
      let detection;
      try {
        // The load path asks only whether this is an article; an article is counted at an idle
        // moment (or a second later at the latest), scored again with its heading candidates.
        if (!counting && scoreDocument(document).isArticle) return ctx.requestIdleCallback(() => report(readerActive, true), { timeout: 1000 });
        const count = counting ? articleCounter(document, location.href) : null;
        detection = { isArticle: !!count, relatedCount: count ? count() : 0, lang: '' };
      } catch {
        return; // A detector bug must never break the page.
      }
      // Sent even when the detection is unchanged: the page changed, so the background's cached
      // extraction of it (entrypoints/background/extraction-cache.ts) is stale.
      // (An undefined readerActive is not sent: messages are JSON.)
      reportDetected({ url: location.href, detection, fresh, readerActive }).catch(() => {});
      fresh = false;
    };

    // Debounced, but a page that never settles (a live ticker) is still looked at every MAX_WAIT_MS.
    let firstPending = 0;
    const schedule = () => {
      // A new version of the page from now on (not when the report goes, which would drop an
      // extraction made of this version in between): reader mode must not show the last one.
      pageChanged();
      const now = Date.now();
      if (timer === undefined) firstPending = now;
      else clearTimeout(timer);
      timer = ctx.setTimeout(report, now - firstPending >= MAX_WAIT_MS ? 0 : SETTLE_MS);
    };

    pageChanged();
    report();
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    // Back from the back/forward cache: the document is as the reader left it, reader mode
    // included, but the browser cleared the tab's button on the way and the background's record
    // is of the page shown meanwhile. Reported as a new page, with its reader state. (Not for a
    // pageshow the page's scripts made up: that would clear the tab's list of opened items.)
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (!event.persisted || !event.isTrusted) return;
      fresh = true; // (a report still pending goes after this one, not fresh, which is right)
      report(readerActiveHere());
    });

    let changed = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const list of [record.addedNodes, record.removedNodes]) {
          for (const node of list) {
            // Sift's own reader overlay is not a change of the page.
            if (node.nodeType !== 1 /* an element */ || (node as Element).localName === 'sift-reader') continue;
            changed += 1 + (node as Element).getElementsByTagName('*').length;
          }
        }
      }
      if (changed >= LARGE_CHANGE) {
        changed = 0;
        schedule();
      }
    });
    // The document, not its root element: a page that replaces its whole document (a new root
    // element, document.open and write) is a large change too (issue 14).
    observer.observe(document, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
