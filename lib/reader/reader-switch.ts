// Reader mode's on/off state in the page, apart from the overlay that shows it. Toggles arrive
// from many places at once (each popup click and each shortcut is its own executeScript of
// reader.js), and opening takes a while (extraction, settings, the shadow root), so:
//  - every toggle counts: it flips `wanted` at once, when it arrives, never dropped because
//    another one is still opening the overlay (the old `busy` flag did that, and the page and the
//    background's record then disagreed: the next click "did nothing");
//  - the overlay is brought to `wanted` by one task at a time (serialQueue), so an open and a
//    close never interleave and N toggles end in the state N implies;
//  - `wanted` is what the next toggle flips, so it is the state to report to the popup.
import { serialQueue } from '../task-queue';

/**
 * The key of the reader's handle on the isolated world's globalThis (Symbol.for(key), not a
 * global name: the page's `<div id="sift-reader">` would be a window property here too). Shared
 * by every copy of reader.js injected into the page and read by the background (entrypoints/background/reader-in-tab.ts).
 */
export const READER_HANDLE_KEY = 'sift-reader';

/**
 * Whether reader mode is on (or on its way on) in this page, asked in its isolated world
 * (extractor.js answers it with the page). False when reader.js never ran in this document.
 */
export function readerActiveHere(): boolean {
  const handle = (globalThis as Record<symbol, ReaderHandle | undefined>)[Symbol.for(READER_HANDLE_KEY)];
  return !!handle && handle.isValid() && handle.active();
}

/** What reader.js leaves on the isolated world's globalThis for later injections. */
export interface ReaderHandle {
  isValid(): boolean;
  /** On, or on its way on: the state all toggles so far imply. */
  active(): boolean;
  /** Flips reader mode; resolves to whether it is on once this toggle has had its turn. */
  toggle(): Promise<boolean>;
}

export interface ReaderSwitch {
  /** The state every toggle so far implies, those still waiting for their turn included. */
  readonly wanted: boolean;
  /** Whether the overlay is up now. */
  readonly shown: boolean;
  toggle(): Promise<boolean>;
  /** Closed from inside the page (Esc, the close button, the script invalidated): off, and wanted off. */
  close(): void;
}

export interface ReaderActions {
  /** Puts the overlay up; if it throws, it must leave nothing behind. */
  show(): Promise<void>;
  /** Takes it down and gives the page back. */
  hide(): void;
}

export function readerSwitch(actions: ReaderActions): ReaderSwitch {
  let wanted = false;
  let shown = false;
  const queue = serialQueue();

  const hide = () => {
    // `shown` first: the overlay's own close event, fired while it goes, must find it off already.
    shown = false;
    actions.hide();
  };

  // Toggles that arrive while the overlay is opening flip `wanted` meanwhile: loop until it holds.
  const settle = async () => {
    while (shown !== wanted) {
      if (wanted) {
        await actions.show();
        shown = true;
      } else {
        hide();
      }
    }
  };

  return {
    get wanted() {
      return wanted;
    },
    get shown() {
      return shown;
    },
    toggle() {
      wanted = !wanted;
      return queue.run(async () => {
        try {
          await settle();
        } catch (err) {
          // It did not open: the next toggle must try to open again, not "close" it.
          wanted = shown;
          throw err;
        }
        return shown;
      });
    },
    close() {
      wanted = false;
      if (shown) hide();
    },
  };
}
