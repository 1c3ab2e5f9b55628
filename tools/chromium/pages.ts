// Chromium side of the benchmark and of `eval --browser`: builds the page bundle (lib/ +
// Readability), launches Debian's Chromium, and serves saved pages from disk with no network
// and no page scripts.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumPath } from '../../tests/support/chromium';
import { decodeHtml, placeholderUrl, readLabels } from '../../tests/support/load-page';
import { ROOT } from '../../tests/support/paths';

export const REPO = ROOT;
export const CHROMIUM = CHROMIUM_PATH;
export const CHROMIUM_ARGS = [
  ...CHROMIUM_FLAGS,
  // Belt and braces: even a request that escaped the route handler resolves nowhere.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

// Page scripts stay off this way rather than with javaScriptEnabled:false: that would also make
// the parser show <noscript> content as markup, a DOM no reader with JavaScript on ever gets.
// DevTools evaluation (our bundle) is not subject to the page's CSP.
export const NO_SCRIPTS_CSP = "script-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'";

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Builds tools/in-page/index.ts with lib/ and Readability into one minified IIFE (vite 8's
 * build API: esbuild's native binary is not guaranteed without npm install scripts). The result
 * is an expression that sets `globalThis.__siftBench`.
 */
export async function buildPageBundle(): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    root: REPO,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: process.env.SIFT_NOMINIFY !== "1", // SIFT_NOMINIFY=1: readable names in CPU profiles
      target: 'es2022',
      lib: { entry: join(REPO, 'tools/in-page/index.ts'), formats: ['iife'], name: '__siftBenchLib' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunk = outputs[0]?.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('page bundle: vite produced no chunk');
  return `(() => { ${chunk.code}\n;globalThis.__siftBench = __siftBenchLib; return true; })()`;
}

/** A saved page ready to serve, already decoded: it is served as UTF-8. */
export interface PageSource {
  id: string;
  dir: string;
  url: string;
  /** The page's text re-encoded as UTF-8 (sent with charset=utf-8, which overrides its <meta>). */
  body: Buffer;
  /** Size of source.html on disk. */
  fileBytes: number;
}

/**
 * Reads a page folder. The bytes are decoded by load-page.ts's decodeHtml, the same decoding
 * the happy-dom eval uses (declared charset, GBK as GB18030, stale GB2312 metas over UTF-8 bytes),
 * so that Chromium and happy-dom see the same text.
 */
export function readPageSource(dir: string): PageSource {
  const id = basename(dir);
  const labels = readLabels(dir);
  const raw = readFileSync(join(dir, 'source.html'));
  return { id, dir, url: labels.url ?? placeholderUrl(id), body: Buffer.from(decodeHtml(raw), 'utf8'), fileBytes: raw.length };
}

function withoutHash(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * A context whose only answer is the page being opened: each main-frame navigation to the
 * current page's URL gets its bytes from disk; every other request (images, CSS, iframes,
 * beacons) is aborted. `open` loads one page in a fresh tab.
 */
export interface OfflineContext {
  context: BrowserContext;
  open(source: PageSource): Promise<Page>;
  close(): Promise<void>;
}

export async function offlineContext(browser: Browser): Promise<OfflineContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: true });
  let current: PageSource | null = null;
  await context.route('**/*', async (route) => {
    const req = route.request();
    const isMainDoc = req.isNavigationRequest() && req.frame().parentFrame() === null;
    if (current && isMainDoc && withoutHash(req.url()) === withoutHash(current.url)) {
      await route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': NO_SCRIPTS_CSP,
        },
        body: current.body,
      });
    } else {
      await route.abort('blockedbyclient');
    }
  });
  return {
    context,
    async open(source) {
      current = source;
      const page = await context.newPage();
      await page.goto(source.url, { waitUntil: 'load', timeout: 60_000 });
      return page;
    },
    close: () => context.close(),
  };
}

/** Injects the page bundle (see buildPageBundle) into `page`. */
export async function injectBundle(page: Page, bundle: string): Promise<void> {
  await page.evaluate(bundle);
}
