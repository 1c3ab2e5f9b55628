// What the popup bench measures (popup.ts), in one place: budgets.ts and report-text.ts read
// these figures, and the JSON report keeps their fields.
export interface PopupPageMeasure {
  id: string;
  bytes: number;
  /** Open → article painted, one per popup opening, in ms. */
  samples: number[];
  p50: number | null;
  /** Open → first contentful paint (the loading skeleton), p50. */
  firstPaintP50: number | null;
  /** Open → the page's answer in the popup (entrypoints/popup/App.tsx marks it), p50: the rest is rendering. */
  answerP50: number | null;
  /** The first opening on the page (nothing cached) and the later ones (the background's cached extraction). */
  coldMs: number | null;
  warmP50: number | null;
  /**
   * First openings: the one above and COLD_OPENINGS more, each after a reload of the page (the
   * page is read again: nothing cached in the background or in the page). Open → title painted.
   */
  coldSamples: number[];
  coldP50: number | null;
  /** An empty script injected into the tab from the service worker and answered, p50 (the floor of reading the page at a click). */
  emptyInjectionP50?: number | null;
  /**
   * The same article in BARE_PAGE, opened in turn with the popup: a page of the extension that
   * fetches the popup's own rendered article from the extension's files and sets it as HTML under
   * the popup's CSS. No framework, no sanitiser, no message to the tab: what a popup of this
   * article cannot go below on this machine. One per opening, in ms.
   */
  bareSamples: number[];
  bareP50: number | null;
}

export interface HeapMeasure {
  page: string;
  cycles: number;
  beforeBytes: number | null;
  afterBytes: number | null;
  /** null when the cycles could not run; `note` says why. */
  growthBytes: number | null;
  /** Chromium's live DOM counters for the page's renderer before and after (a leak of nodes or listeners shows here). */
  domCounters?: { before: DomCounters; after: DomCounters };
  note: string;
}

/** The service worker's JS heap after a forced GC (Runtime.getHeapUsage), at a moment `when` says. */
export interface WorkerHeap {
  when: string;
  usedBytes: number | null;
  totalBytes: number | null;
  /** Why there is no figure, when there is none. */
  note?: string;
}

export interface DomCounters {
  documents: number;
  nodes: number;
  jsEventListeners: number;
}

export type PopupMeasure =
  | {
      status: 'ok';
      pages: PopupPageMeasure[];
      p50: number | null;
      p95: number | null;
      heap: HeapMeasure | null;
      /** First paint of an empty page of the extension (FLOOR_PAGE), p50: what any popup pays here. */
      floorP50: number | null;
      floorP95: number | null;
      /** The browser's first page of the extension, before the floor's counted openings (not in p50/p95). */
      floorFirst: number | null;
      /** BARE_PAGE's title painted, all pages: p50 and p95. */
      bareP50: number | null;
      bareP95: number | null;
      /** The popup's later (cached) openings, all pages: p50 and p95 (issue 16 compares them with the bare page's). */
      warmP50: number | null;
      warmP95: number | null;
      /** The popup on the generated 5 MB page (measureProgress); null when not asked for. */
      progress: ProgressMeasure | null;
      /** The background service worker's JS heap after GC, once the pages above had been read through it. */
      workerHeap: WorkerHeap[];
    }
  | { status: 'n/a'; reason: string; pages: PopupPageMeasure[]; heap: HeapMeasure | null };


/** One popup opening on a page that takes long to read (ProgressMeasure). All times from the opening. */
export interface ProgressOpening {
  /** First contentful paint: the loading skeleton (it is all the popup has before the answer). */
  skeletonAt: number | null;
  /** The skeleton's words that the page is still being read (components/States.tsx), when they came before the answer. */
  wordsAt: number | null;
  /** The page's answer in the popup (App.tsx's mark): the page was read until then. */
  answerAt: number | null;
  /** The article's title painted. */
  paintedAt: number | null;
  /** The click on Settings, sent while the page was being read: when it happened and how long it waited for the popup. */
  clickAt: number | null;
  inputDelayMs: number | null;
  /** The settings panel was open two frames (at most 250 ms) after the click, and the answer had not come yet. */
  answeredClickWhileReading: boolean;
  /** The popup's longest task (Long Tasks API) before the answer, and from the answer to 1 s after the title painted. */
  longestTaskBeforeAnswer: number;
  longestTaskAfterAnswer: number;
}

export interface ProgressMeasure {
  page: string;
  openings: ProgressOpening[];
  note: string;
}

