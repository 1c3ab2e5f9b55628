// Detectors for the hostile-page tests (../shared/security/README.md §3.2): the `__xss` sentinel in
// every frame of every page (pages, popup, nested frames), dialogs, CSP violations, uncaught errors
// of pages and of the service worker, and what the background asks of tabs.create,
// windows.create and scripting.executeScript.
import type { BrowserContext, Page, Worker } from 'playwright-core';

export interface XssCall {
  id: string;
  /** URL of the frame that called, and of its page. */
  frame: string;
  page: string;
}

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  /** The violating element (or its host chain) is inside Sift's reader overlay. */
  inSift: boolean;
  target: string;
  frame: string;
  page: string;
}

export interface Detectors {
  calls: XssCall[];
  violations: Violation[];
  dialogs: string[];
  /** Uncaught errors and console errors, with where they happened. */
  errors: string[];
  /** Forget everything seen so far. */
  reset(): void;
}

// Runs before any script of every document (pages, extension pages, frames). Defined here as a
// function so TypeScript checks it; Playwright sends its source.
function initScript() {
  const w = window as unknown as Record<string, unknown>;
  const report = (name: string, value: unknown) => {
    const binding = w[name] as ((v: unknown) => Promise<unknown>) | undefined;
    if (typeof binding === 'function') binding(value).catch(() => {});
  };
  const calls: string[] = [];
  w.__siftXssCalls = calls;
  w.__xss = (id: unknown) => {
    calls.push(String(id));
    report('__siftXssBinding', String(id));
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    w[name] = (...args: unknown[]) => {
      calls.push(`${name}:${String(args[0])}`);
      report('__siftXssBinding', `${name}:${String(args[0])}`);
    };
  }
  const violations: unknown[] = [];
  w.__siftViolations = violations;
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const path = event.composedPath();
      const first = path[0] as Node | undefined;
      const record = {
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        inSift: path.some((node) => (node as Element).localName === 'sift-reader'),
        target: first instanceof Element ? first.outerHTML.slice(0, 300) : String(first?.nodeName ?? ''),
      };
      violations.push(record);
      report('__siftViolationBinding', record);
    },
    true,
  );
}

export async function installDetectors(context: BrowserContext): Promise<Detectors> {
  const d: Detectors = {
    calls: [],
    violations: [],
    dialogs: [],
    errors: [],
    reset() {
      d.calls.length = 0;
      d.violations.length = 0;
      d.dialogs.length = 0;
      d.errors.length = 0;
    },
  };
  await context.exposeBinding('__siftXssBinding', (source, id: string) => {
    d.calls.push({ id, frame: source.frame.url(), page: source.page?.url() ?? '' });
  });
  await context.exposeBinding('__siftViolationBinding', (source, v: Omit<Violation, 'frame' | 'page'>) => {
    d.violations.push({ ...v, frame: source.frame.url(), page: source.page?.url() ?? '' });
  });
  await context.addInitScript(initScript);
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      d.dialogs.push(`${dialog.type()}: ${dialog.message()} (${page.url()})`);
      dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (err) => {
      // A frame without the sentinel (an opaque-origin frame) that tried to call it did execute.
      if (/__xss/.test(err.message)) d.calls.push({ id: `pageerror: ${err.message}`, frame: '', page: page.url() });
      d.errors.push(`pageerror in ${page.url()}: ${err.message}`);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') d.errors.push(`console error in ${page.url()}: ${msg.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return d;
}

/** What the background asked of the browser since `spyOnWorker`. */
export interface WorkerLog {
  created: { api: 'tabs.create' | 'windows.create'; url: string }[];
  scripts: string[];
  errors: string[];
}

/**
 * Wraps tabs.create, windows.create and scripting.executeScript in the service worker and records
 * its uncaught errors; `swallow` records tabs.create/windows.create without opening anything.
 * Idempotent: call it before every check (a restarted worker loses the wrap).
 */
export async function spyOnWorker(worker: Worker, options: { swallow?: boolean } = {}): Promise<void> {
  await worker.evaluate((swallow) => {
    const g = globalThis as unknown as Record<string, unknown>;
    g.__siftSwallow = swallow;
    if (g.__siftSpy) return;
    const log = { created: [] as unknown[], scripts: [] as string[], errors: [] as string[] };
    g.__siftSpy = log;
    const apis = [g.chrome, g.browser].filter((api, i, all) => api && all.indexOf(api) === i) as Record<string, Record<string, unknown>>[];
    for (const api of apis) {
      const wrap = (ns: string, name: string, record: (arg: Record<string, unknown>) => void) => {
        const target = api[ns];
        const original = target?.[name] as ((...args: unknown[]) => unknown) | undefined;
        if (!original || (original as { __sift?: boolean }).__sift) return;
        const wrapped = (...args: unknown[]) => {
          record((args[0] ?? {}) as Record<string, unknown>);
          // Swallowed: recorded but no tab opens (hundreds of clicks would open hundreds of tabs).
          if (g.__siftSwallow && ns !== 'scripting') return Promise.resolve({});
          return original.apply(target, args);
        };
        (wrapped as { __sift?: boolean }).__sift = true;
        target[name] = wrapped;
      };
      wrap('tabs', 'create', (arg) => log.created.push({ api: 'tabs.create', url: String(arg.url) }));
      wrap('windows', 'create', (arg) => log.created.push({ api: 'windows.create', url: String(arg.url) }));
      wrap('scripting', 'executeScript', (arg) => log.scripts.push(String((arg.files as string[] | undefined)?.join(',') ?? 'func')));
    }
    self.addEventListener('error', (event) => log.errors.push(`error: ${(event as ErrorEvent).message}`));
    self.addEventListener('unhandledrejection', (event) => log.errors.push(`unhandled rejection: ${String((event as PromiseRejectionEvent).reason)}`));
  }, options.swallow === true);
}

/** Reads and clears the worker's log. */
export async function takeWorkerLog(worker: Worker): Promise<WorkerLog> {
  return worker.evaluate(() => {
    const log = (globalThis as unknown as { __siftSpy?: WorkerLog }).__siftSpy;
    if (!log) return { created: [], scripts: [], errors: [] };
    const copy = JSON.parse(JSON.stringify(log)) as WorkerLog;
    log.created.length = 0;
    log.scripts.length = 0;
    log.errors.length = 0;
    return copy;
  });
}

/** True for the URLs Sift may ever open or link to. */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
