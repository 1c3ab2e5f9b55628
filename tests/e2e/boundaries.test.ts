// @vitest-environment node
// Sift's boundaries (issue 5): page scripts cannot make it extract, enter reader mode or open tabs;
// only http(s) URLs reach tabs.create, whatever the popup asks; the extension pages' CSP is
// tightened and enforced; the shipped manifest asks for no host access and no `tabs`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/paths';
import { badgeText, openPopup, tabIdOf, useHostileSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { installDetectors, spyOnWorker, takeWorkerLog, type Detectors } from './security-detect';

const PAGE = 'https://news.example/2024/05/boundaries.html';
const PARAGRAPH =
  '<p>After nearly eleven hours of debate that stretched well past midnight, the regional council voted to approve a transit expansion plan that has divided residents, business owners and environmental groups for the better part of three years.</p>';

function articlePage(script = ''): string {
  return `<!doctype html><html lang="en"><head><title>Council approves the transit plan after a long night</title></head><body>
<article><h1>Council approves the transit plan after a long night</h1>${PARAGRAPH.repeat(8)}</article>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

const sift = useHostileSiftBrowser();
let detectors: Detectors;

beforeAll(async () => {
  detectors = await installDetectors(sift.browser.context);
});


/** Sends a message in Sift's own wire format (@webext-core/messaging) from an extension page. */
/** The plain article page (page CSP on) in a tab, and the popup pointed at it. */
async function articleWithPopup(): Promise<{ page: Page; tabId: number; popup: Page }> {
  sift.site.put(PAGE, { body: articlePage(), csp: true });
  const page = await sift.browser.context.newPage();
  await page.goto(PAGE);
  const tabId = await tabIdOf(sift.browser, page);
  return { page, tabId, popup: await openPopup(sift.browser, tabId) };
}

function sendRaw(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    ([t, d]) => chrome.runtime.sendMessage({ id: 9000 + Math.floor(Math.random() * 1000), type: t, data: d, timestamp: Date.now() }),
    [type, data] as const,
  );
}

describe('page scripts', () => {
  it('cannot make Sift extract, enter reader mode or open tabs (postMessage, custom events, forged DOM)', async () => {
    const script = `
      const tabGuess = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      for (const type of ['getPage', 'toggleReader', 'openLink', 'detected', 'readerClosed']) {
        for (const tabId of tabGuess) {
          const data = { tabId, url: 'https://evil.example/opened', active: true, newWindow: false };
          window.postMessage({ id: 1, type, data, timestamp: Date.now() }, '*');
          document.dispatchEvent(new CustomEvent(type, { detail: data, bubbles: true }));
        }
      }
      for (const name of ['wxt:locationchange', 'sift:toggle', 'sift-reader', 'message']) {
        window.dispatchEvent(new CustomEvent(name, { detail: { type: 'toggleReader' } }));
      }
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'R', code: 'KeyR', altKey: true, shiftKey: true, bubbles: true }));
      // Forged DOM: a fake overlay and the name of Sift's global.
      const fake = document.createElement('sift-reader');
      fake.innerHTML = '<button class="sift-close">Close</button><div class="sift-reader">fake</div>';
      document.body.append(fake);
      const clobber = document.createElement('div');
      clobber.id = '__siftReader';
      document.body.append(clobber);
      document.documentElement.dataset.tried = String(typeof chrome === 'object' && !!chrome.runtime && typeof chrome.runtime.sendMessage);
    `;
    sift.site.put(PAGE, { body: articlePage(script), csp: false });
    const page = await sift.browser.context.newPage();
    await spyOnWorker(sift.browser.worker);
    await page.goto(PAGE);
    const tabId = await tabIdOf(sift.browser, page);
    await takeWorkerLog(sift.browser.worker);
    // The page script ran, and has no way to reach the extension (no externally_connectable).
    expect(await page.evaluate(() => document.documentElement.dataset.tried)).toBe('false');
    // Once more after load, when the content script listens.
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('wxt:locationchange')));
    await page.waitForTimeout(1_500); // longer than the content script's settle time (800 ms)

    const log = await takeWorkerLog(sift.browser.worker);
    expect(log.scripts).toEqual([]);
    expect(log.created).toEqual([]);
    expect(await badgeText(sift.browser, tabId)).not.toBe('ON');
    expect(await page.evaluate(() => [...document.querySelectorAll('sift-reader')].filter((el) => el.shadowRoot).length)).toBe(0);

    // The reader's own way in still works on this page, forged overlay and clobbered global included.
    const popup = await openPopup(sift.browser, tabId);
    await popup.locator('.sift-title').waitFor(WAIT);
    await popup.getByRole('button', { name: 'Reader mode' }).click();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('sift-reader')].filter((el) => el.shadowRoot).length), WAIT).toBe(1);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('sift-reader')].filter((el) => el.shadowRoot).length), WAIT).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('opening tabs', () => {
  it('lets only absolute http(s) URLs reach tabs.create and windows.create, whatever the popup sends', async () => {
    const { page, tabId, popup } = await articleWithPopup();
    await spyOnWorker(sift.browser.worker, { swallow: true });
    await takeWorkerLog(sift.browser.worker);
    const refused = [
      'javascript:__xss(1)',
      'JaVaScRiPt:__xss(1)',
      '\u0001JaVa\tScript:__xss(1)',
      ' javascript:__xss(1)',
      'java\nscript:__xss(1)',
      'data:text/html,<script>__xss(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'chrome://settings',
      `chrome-extension://${sift.browser.extensionId}/popup.html`,
      'about:blank',
      'blob:https://news.example/1',
      '//evil.example/protocol-relative',
      '/relative/path',
      'mailto:someone@example.com',
      '',
      42,
      null,
    ];
    for (const url of refused) {
      for (const newWindow of [false, true]) {
        const answer = await sendRaw(popup, 'openLink', { url, tabId, active: false, newWindow });
        expect(answer, String(url)).toEqual({ res: false });
      }
    }
    expect((await takeWorkerLog(sift.browser.worker)).created).toEqual([]);

    const answer = await sendRaw(popup, 'openLink', { url: 'https://news.example/2024/05/next.html', tabId, active: false, newWindow: false });
    expect(answer).toEqual({ res: true });
    expect((await takeWorkerLog(sift.browser.worker)).created).toEqual([{ api: 'tabs.create', url: 'https://news.example/2024/05/next.html' }]);
    await spyOnWorker(sift.browser.worker, { swallow: false });
    await popup.close();
    await page.close();
  });
});

describe("the extension pages' CSP", () => {
  it('blocks frames, objects, <base> and form submission in the popup, and reports each', async () => {
    const { page, popup } = await articleWithPopup();
    await popup.locator('.sift-title').waitFor(WAIT);
    expect(detectors.violations.filter((v) => v.page.startsWith('chrome-extension://'))).toEqual([]);
    detectors.reset();
    await popup.evaluate(() => {
      const body = document.querySelector('.sift-body')!;
      body.insertAdjacentHTML(
        'beforeend',
        '<iframe src="https://news.example/framed"></iframe><object data="https://news.example/object.swf"></object>' +
          '<base href="https://evil.example/"><form action="https://news.example/post" method="post"><button id="csp-submit">go</button></form>' +
          '<img src="data:," onerror="__xss(`csp-inline`)">',
      );
      (document.getElementById('csp-submit') as HTMLButtonElement).click();
    });
    const directives = () => new Set(detectors.violations.filter((v) => v.page.startsWith('chrome-extension://')).map((v) => v.directive));
    await expect.poll(() => [...directives()].sort(), WAIT).toEqual(['base-uri', 'form-action', 'frame-src', 'object-src', 'script-src-attr']);
    expect(detectors.calls).toEqual([]);
    expect(popup.url()).toContain('popup.html');
    await popup.close();
    await page.close();
  });
});

describe('the shipped manifest', () => {
  let manifest: Record<string, unknown> & {
    permissions?: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
    optional_permissions?: string[];
    content_scripts?: { matches: string[] }[];
    content_security_policy?: { extension_pages?: string };
  };

  beforeAll(() => {
    // A plain `wxt build`, as released: not the SIFT_E2E build the other browser tests load.
    const env = { ...process.env };
    delete env.SIFT_E2E;
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    manifest = JSON.parse(readFileSync(join(ROOT, '.output', 'chrome-mv3', 'manifest.json'), 'utf8'));
  }, 120_000);

  it('asks for activeTab, contextMenus, scripting and storage only: no tabs, no host access beyond the content script', () => {
    // contextMenus: "Open in Sift" on links (issue 19).
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    const matches = (manifest.content_scripts ?? []).flatMap((cs) => cs.matches);
    expect([...new Set(matches)].sort()).toEqual(['http://*/*', 'https://*/*']);
    for (const host of manifest.host_permissions ?? []) expect(matches).toContain(host);
    // Issue 19: a site is asked for at the reader's click (per-site reader mode, Open in Sift).
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // No web page may message the extension.
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('tightens the CSP of its pages', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives.get('script-src')).toBe("'self'");
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-src']) expect(directives.get(name), name).toBe("'none'");
  });
});
