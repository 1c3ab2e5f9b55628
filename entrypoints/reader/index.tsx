// Reader mode in the page, injected on demand (scripting.executeScript, files: ['/reader.js']).
// Every injection toggles: the first one builds the reader, later ones (each a fresh copy of this
// bundle) find it through a handle on the extension's isolated world (shared by all of Sift's
// scripts in this page) and flip it. The on/off bookkeeping is lib/reader/reader-switch.ts: toggles are
// counted when they arrive and applied one at a time. main() resolves to { active } for the background.
// It reads nothing itself: it shows what extractor.js read of this version of the page and kept
// in the isolated world (lib/reader/kept-extraction.ts), the popup's own extraction when the popup
// opened first, and asks the background to read the page when there is none (issue 16).
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { keptExtraction } from '@/lib/reader/kept-extraction';
import type { Extraction } from '@/lib/extract/types';
import { READER_LISTEN_KEY, sendMessage } from '@/lib/messages';
import { loadSettings, type Settings } from '@/lib/settings';
import { browserTranslator, uiDirection, uiLanguage } from '@/lib/browser-i18n';
import { READER_HANDLE_KEY, readerSwitch, type ReaderHandle } from '@/lib/reader/reader-switch';
import readerCss from '@/components/reader.css?inline';
import overlayCss from './overlay.css?inline';
import { Overlay, type RemoveOutcome } from './Overlay';
import { lockPage, type PageLock } from './page-lock';
import { hidePageForPrint, type PrintHide } from './print-page';
import { selectorFor } from '@/lib/sites/selector';
import { blockInfo, sourceOf } from '@/lib/sites/source-block';

// A symbol, not a global name: the page's `<div id="__siftReader">` would be window.__siftReader
// in this isolated world too (named access crosses worlds) and reader mode would never start.
const HANDLE = Symbol.for(READER_HANDLE_KEY);
const handles = globalThis as unknown as { [HANDLE]?: ReaderHandle };
const ORPHAN_CHECK_MS = 1000;

const t = browserTranslator();

/** Whether the popup's "Listen" asked this opening to read aloud (background/reader-in-tab.ts sets it); asked once. */
function takeListen(): boolean {
  const flags = globalThis as unknown as Record<symbol, unknown>;
  const listen = flags[Symbol.for(READER_LISTEN_KEY)] === true;
  delete flags[Symbol.for(READER_LISTEN_KEY)];
  return listen;
}

/**
 * Issue 19: the element the reader picked is the article on this site. The background stores the
 * rule and reads the page again with the site's rules, leaving the reading here: that, or null.
 */
async function pickArticle(element: Element): Promise<Extraction | null> {
  const selector = selectorFor(element);
  if (!selector || !(await sendMessage('siteRule', { action: 'article', selector }).catch(() => false))) return null;
  const read = keptExtraction(location.href);
  return read?.ok ? read.extraction : null;
}

/**
 * Issue 19: the reader removed a block of the reader view, which is Sift's copy: the rule names the
 * page's element it came from, by a selector without positions ("the fifth paragraph" is another
 * paragraph on the site's other pages); without one, the block is hidden on this page only.
 */
async function removeBlock(block: Element): Promise<RemoveOutcome> {
  const source = sourceOf(document, blockInfo(block));
  if (!source) return 'failed';
  const selector = selectorFor(source, { positions: false });
  if (!selector) return 'here-only';
  return (await sendMessage('siteRule', { action: 'remove', selector }).catch(() => false)) ? 'kept' : 'failed';
}

function createReader(): ReaderHandle {
  const ctx = new ContentScriptContext('sift-reader');
  // One shadow-root UI for the life of the page, mounted on open and removed on close. WXT's
  // createShadowRootUi registers ctx.onInvalidated(remove) on every call, so creating one per
  // open kept every closed overlay (host, shadow root, its event listeners) reachable from ctx.
  let ui: ShadowRootContentScriptUi<void> | null = null;
  // What the next mount shows: set by show() just before ui.mount().
  let content: { extraction: Extraction | null; error?: string; settings: Settings; listen: boolean } | null = null;
  let lock: PageLock | null = null;
  let printHide: PrintHide | null = null;
  // While the overlay is up: a check that the extension is still there (below).
  let orphanWatch: number | undefined;

  // Takes the overlay down and gives the page back; safe to call on a half-built open.
  const hide = () => {
    // remove() runs onRemove (Preact unmount: effects cleaned up, settings watcher dropped),
    // takes the host out of the page and empties the container; the UI itself is kept for next time.
    try {
      ui?.remove();
    } catch {
      // An orphaned script (extension reloaded) can throw from the browser APIs its unmount
      // calls, before WXT takes the host out: take it out here, and the page still comes back.
      ui?.shadowHost.remove();
    }
    content = null;
    lock?.restore();
    lock = null;
    printHide?.restore();
    printHide = null;
    clearInterval(orphanWatch);
    orphanWatch = undefined;
  };

  const createUi = () =>
    createShadowRootUi<void>(ctx, {
      name: 'sift-reader',
      position: 'modal',
      zIndex: 2147483647,
      // Open (WXT's default): page CSS cannot reach in either way, and the browser tests and
      // assistive tools can see the overlay. Its content is the page's own text.
      mode: 'open',
      isolateEvents: true,
      anchor: () => document.body ?? document.documentElement,
      css: `${readerCss}\n${overlayCss}`,
      onMount(container, shadow) {
        if (!content) return;
        // The overlay's own words are in the browser's language; the article inside carries the page's.
        shadow.querySelector('html')?.setAttribute('lang', uiLanguage());
        // `all: initial` on the host does not reset direction: an RTL page would turn our bar around.
        shadow.querySelector('html')?.setAttribute('dir', uiDirection());
        render(
          <Overlay
            extraction={content.extraction}
            error={content.error}
            initialSettings={content.settings}
            listen={content.listen}
            onClose={closeFromPage}
            onOpenLink={(url, intent) => sendMessage('openLink', { url, ...intent })}
            onGraded={(counts) => {
              if (ctx.isValid) sendMessage('graded', { url: location.href, onTopic: counts.on, total: counts.total }).catch(() => {});
            }}
            t={t}
            onSiteAuto={(on) => sendMessage('siteAuto', { on }).catch(() => {})}
            onOpenInSift={(url) => sendMessage('openInSift', { url })}
            onPickArticle={pickArticle}
            onRemoveBlock={removeBlock}
          />,
          container,
        );
      },
      onRemove() {
        if (ui) render(null, ui.uiContainer);
      },
    });

  const show = async () => {
    const url = location.href;
    let read = keptExtraction(url);
    // Reader mode shows what Readability finds even where detection saw no article (issue 17):
    // a reading without an article is asked for again, regardless.
    if (read?.ok && !read.extraction.article && (await sendMessage('readForReader').catch(() => false))) {
      read = keptExtraction(url) ?? read;
    }
    // Asked twice at most: a page that changed again while it was read has dropped that reading.
    for (let ask = 0; !read && ask < 2; ask++) {
      if (!(await sendMessage('readForReader').catch(() => false))) break;
      read = keptExtraction(url);
    }
    const extraction = read?.ok ? read.extraction : null;
    const error = !read ? t('overlayNotRead') : read.ok ? undefined : 'reason' in read ? t('unreadablePdf') : read.error;
    const settings = await loadSettings();
    ui ??= await createUi();
    content = { extraction, error, settings, listen: takeListen() };
    try {
      lock = lockPage(document, window);
      printHide = hidePageForPrint(document);
      ui.mount();
      // Reloaded, updated or removed, the extension leaves this script orphaned: nothing tells it,
      // and the overlay would stay up over a locked page with no background behind its buttons.
      // WXT's context notices only when asked (runtime.id is gone): ask every second while shown;
      // its invalidation closes the reader (ctx.onInvalidated below) and gives the page back.
      orphanWatch = window.setInterval(() => void ctx.isInvalid, ORPHAN_CHECK_MS);
    } catch (err) {
      hide(); // A failed open leaves the page as it was.
      throw err;
    }
  };

  const state = readerSwitch({ show, hide });
  // Esc or the close button (the dialog's close event follows them: the second call finds it off).
  function closeFromPage() {
    if (!state.shown) return;
    state.close();
    // The background's record and badge follow.
    if (ctx.isValid) sendMessage('readerClosed').catch(() => {});
  }
  ctx.onInvalidated(() => state.close());

  return {
    isValid: () => ctx.isValid,
    active: () => state.wanted,
    toggle: () => state.toggle(),
  };
}

export default defineUnlistedScript({
  async main(): Promise<{ active: boolean }> {
    // Synchronous up to toggle(): a second injection evaluated right after this one finds the handle.
    let reader = handles[HANDLE];
    if (!reader?.isValid()) {
      reader = createReader();
      handles[HANDLE] = reader;
    }
    // "Listen" where reader mode is on already (the popup's record was behind): it stays on.
    if (reader.active() && takeListen()) return { active: true };
    return { active: await reader.toggle() };
  },
});
