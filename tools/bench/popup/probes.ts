// What the popup bench runs inside the pages it opens, as functions tsc checks (they used to be
// source strings). `inPage` turns one into the expression the DevTools protocol evaluates: the
// function's source called with JSON arguments. Each probe is self-contained: it sees its
// arguments and the page's globals only, never this module's.

// tsx compiles with esbuild's keepNames, which wraps every named inner function in __name(fn,
// "name"), a helper the page does not have: the expression brings a stand-in.
const NAME_HELPER = 'const __name = (fn) => fn;';

/** `probe` called in the page with `args` (JSON values), as one expression. */
export function inPage<A extends unknown[]>(probe: (...args: A) => unknown, ...args: A): string {
  return `(() => { ${NAME_HELPER} return (${probe.toString()})(...${JSON.stringify(args)}); })()`;
}

/** What OUTCOME reports, once parsed. */
export interface Outcome {
  kind: string;
  paintedAt: number | null;
  text: string;
  firstPaint: number | null;
  answer: number | null;
}

// Read in the popup once it has been left alone to open: when the article's title was painted
// (Element Timing: ReaderView's <h1 elementtiming>, the browser's own paint time), the first
// paint (the loading skeleton) and the page's answer (App.tsx's mark), or the state shown instead.
export function outcome(articleTiming: string): Promise<string> {
  return new Promise((done) => {
    const report = (kind: string, paintedAt: number | null, text: string) =>
      done(
        JSON.stringify({
          kind,
          paintedAt,
          text,
          firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          answer: performance.getEntriesByName('sift:page-received')[0]?.startTime ?? null,
        }),
      );
    const timer = setTimeout(() => report('timeout', null, 'nothing after 30 s'), 30000);
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntries().find((e) => (e as any).identifier === articleTiming) as any;
      if (!entry) return;
      observer.disconnect();
      clearTimeout(timer);
      report('article', entry.renderTime || entry.startTime, '');
    }).observe({ type: 'element', buffered: true });
    const poll = (): unknown => {
      const state = document.querySelector('.sift-state');
      if (!state) return setTimeout(poll, 50);
      clearTimeout(timer);
      report('state', null, state.textContent!.replace(/\s+/g, ' ').trim());
    };
    poll();
  });
}

/** The page's first contentful paint, when it comes. */
export function firstPaint(): Promise<number> {
  return new Promise((done) =>
    new PerformanceObserver((list) => {
      const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (entry) done(entry.startTime);
    }).observe({ type: 'paint', buffered: true }),
  );
}

/** What the popup painted, for the bare page (timing-copy.ts). */
export function paintedArticle(): string {
  const article = document.querySelector('.sift-article') as HTMLElement;
  return JSON.stringify({
    title: article.querySelector('.sift-title')!.textContent,
    html: article.querySelector('.sift-body')!.innerHTML,
    lang: article.lang,
    dir: article.dir,
  });
}

/**
 * The bare page's script (MV3 pages take no inline script): fetches bench-bare-<n>.json (what the
 * popup painted) and shows it under the popup's stylesheet. The classes are ReaderView's.
 */
export function bareScript(articleTiming: string): void {
  fetch('/bench-bare-' + new URLSearchParams(location.search).get('n') + '.json')
    .then((r) => r.json())
    .then((a) => {
      const show = () => {
        const root = document.createElement('div');
        root.className = 'sift-root sift-popup';
        root.innerHTML =
          '<main class="sift-main"><div class="sift-reader"><article class="sift-article"><header class="sift-header">' +
          `<h1 class="sift-title" elementtiming="${articleTiming}"></h1></header><div class="sift-body"></div></article></div></main>`;
        const article = root.querySelector('article')!;
        if (a.lang) article.lang = a.lang;
        if (a.dir) article.dir = a.dir;
        root.querySelector('h1')!.textContent = a.title;
        root.querySelector('.sift-body')!.innerHTML = a.html;
        document.getElementById('app')!.append(root);
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
      else show();
    });
}

/** In the service worker: the id of the tab showing `url` (hash aside), or null. */
export function tabShowing(url: string): Promise<number | null> {
  const chrome = (globalThis as any).chrome;
  return chrome.tabs
    .query({})
    .then((tabs: Array<{ id?: number; url?: string }>) => tabs.find((t) => t.url && t.url.replace(/#.*$/, '') === url)?.id ?? null);
}

/**
 * In the service worker: one injection of a script that does nothing into the tab, from the call
 * to its answer (ms). The floor of any first opening: reading the page at a click needs at least
 * this round trip, before any extraction.
 */
export function emptyInjection(tabId: number): Promise<number> {
  const chrome = (globalThis as any).chrome;
  const start = performance.now();
  return chrome.scripting.executeScript({ target: { tabId }, func: () => 0 }).then(() => performance.now() - start);
}

interface Watch {
  tasks: Array<[number, number]>;
  firstInput: { at: number; delay: number } | null;
  wordsAt: number | null;
}

// Once the popup's own document is there (an opening may still be on its initial about:blank,
// which goes away as the popup commits: evaluateOnceOpen asks again then), starts watching long
// tasks and the first input (both buffered, so nothing earlier is missed) and the skeleton's
// words; then gives the Settings button's centre, or null when the page has already answered.
export function watchAndFindButton(settingsButton: string): Promise<string> {
  return new Promise((done) => {
    const started = performance.now();
    const watch = () => {
      const w: Watch = ((globalThis as any).__siftBenchWatch = { tasks: [], firstInput: null, wordsAt: null });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        const e = list.getEntries()[0] as PerformanceEventTiming | undefined;
        if (e && !w.firstInput) w.firstInput = { at: e.startTime, delay: e.processingStart - e.startTime };
      }).observe({ type: 'first-input', buffered: true });
      const words = () => {
        if (w.wordsAt == null && document.querySelector('.sift-skeleton-note')) w.wordsAt = performance.now();
      };
      new MutationObserver(words).observe(document, { childList: true, subtree: true });
      words();
    };
    const look = (): unknown => {
      if (location.protocol !== 'chrome-extension:') return setTimeout(look, 20);
      if (!(globalThis as any).__siftBenchWatch) watch();
      const answered = performance.getEntriesByName('sift:page-received').length > 0;
      const button = document.querySelector(settingsButton);
      if (button && !answered) {
        const r = button.getBoundingClientRect();
        return done(JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 }));
      }
      if (answered || performance.now() - started > 10000) return done('null');
      setTimeout(look, 20);
    };
    look();
  });
}

// Two frames after the click (or 250 ms, should frames not come): did the panel open, and was
// the page still being read?
export function afterClick(): Promise<string> {
  return new Promise((done) => {
    const report = () =>
      done(
        JSON.stringify({
          open: document.getElementById('sift-settings')?.hidden === false,
          answered: performance.getEntriesByName('sift:page-received').length > 0,
        }),
      );
    const timer = setTimeout(report, 250);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        report();
      }),
    );
  });
}

// What the watch saw, read once OUTCOME is in (the title painted) and a second more has passed.
export function watched(): string {
  const w = (globalThis as any).__siftBenchWatch as Watch | undefined;
  if (!w) throw new Error('the popup was not watched from its start');
  const answerAt = performance.getEntriesByName('sift:page-received')[0]?.startTime ?? null;
  const longest = (from: number, to: number) => Math.max(0, ...w.tasks.filter(([at]) => at >= from && at < to).map(([, d]) => d));
  return JSON.stringify({
    firstInput: w.firstInput,
    wordsAt: w.wordsAt,
    longestTaskBeforeAnswer: longest(0, answerAt ?? Infinity),
    longestTaskAfterAnswer: answerAt == null ? 0 : longest(answerAt, Infinity),
  });
}
