// Where Debian's Chromium is and how every script here starts it (tests, benchmark, demo), and the
// one launcher of Chromium with Sift that the browser tests use (launchWithSift).
// Branded Google Chrome (137 on) ignores --load-extension, so it has to be Chromium (or Chrome for
// Testing). Without the background-networking flags Chromium keeps calling Google's hosts, which
// this machine's closed network refuses.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { E2E_DIST, ROOT } from './paths';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const INSTALL_HINT = `Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.`;

/** The Chromium binary; throws with an install hint when it is missing. */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}. ${INSTALL_HINT}`);
  return CHROMIUM_PATH;
}

/** The flags for a quiet Chromium: no sandbox (root), no GPU, no calls home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags that load an unpacked extension from `dist` (and no other). */
export function extensionFlags(dist: string): string[] {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`];
}

/** How long to wait for something the extension does asynchronously (a badge, a render). */
export const WAIT = { timeout: 15_000 };

/** Chromium with Sift loaded, as the browser tests drive it. */
export interface Browser {
  context: BrowserContext;
  extensionId: string;
  /** Sift's background service worker: the tests read badges and tabs through it. */
  worker: Worker;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Keep Chromium's back/forward cache, which Playwright turns off by default. */
  bfcache?: boolean;
  /**
   * false: load a copy of the test build without host access, as shipped (issue 19's tests of
   * sites); see noHostAccessBuild.
   */
  hostAccess?: boolean;
}

/**
 * The test build (its JS byte for byte) with the shipped manifest's host access: none; `tabs`
 * stays, so the tests can find their tabs. The test build's <all_urls> would hold every site
 * already, and Chrome refuses to remove a required permission, hence a copy.
 */
export function noHostAccessBuild(): string {
  // One per test process: two files that load it at once must not replace each other's copy.
  const copy = join(ROOT, '.output', `e2e-sites-${process.pid}-chrome-mv3`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(E2E_DIST, copy, { recursive: true });
  const path = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  delete manifest.host_permissions;
  writeFileSync(path, JSON.stringify(manifest));
  return copy;
}

/**
 * Debian's Chromium with the test build of Sift (tests/e2e/global-setup.ts) in a throw-away
 * profile. Nothing reaches the network: 127.0.0.1 (the page server) passes, a navigation
 * elsewhere gets a stand-in page, every other request is refused; tests add routes of their own
 * (the hostile site, made-up .test sites) on top.
 */
export async function launchWithSift(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'sift-e2e-'));
  const dist = options.hostAccess === false ? noHostAccessBuild() : E2E_DIST;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...extensionFlags(dist), ...CHROMIUM_FLAGS],
    ...(options.bfcache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
  context.setDefaultTimeout(WAIT.timeout);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '127.0.0.1') return route.continue();
    // A tab opened on another site gets a local stand-in page, so it keeps its URL for the test
    // to read; everything else from outside (ads, analytics, images) is refused.
    if (route.request().isNavigationRequest()) {
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>offline</title>offline stand-in' });
    }
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (dist !== E2E_DIST) rmSync(dist, { recursive: true, force: true });
    },
  };
}
