// The demo's pictures of the reading tools (issue 18): reader mode reading the seed page aloud,
// the sentence being read highlighted (with the recording engine of speech-stub.ts: headless
// Chromium has no voices), and the popup with the spacing settings changed (line, letter and
// paragraph spacing, justified text) and the panel open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { siftWorld, speechStub } from './speech-stub';

export const READING_FILES = ['read-aloud.jpg', 'typography.jpg'];

const SEED = 'seed-dedecms';
const WAIT = { timeout: 20_000 };

export async function readingShots(
  launch: (profile: string) => Promise<BrowserContext>,
  urlOf: (id: string) => string,
  outDir: string,
): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'sift-demo-reading-'));
  const context = await launch(profile);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(urlOf(SEED));
    const tabId = await worker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id ?? -1, page.url());

    // Typography: the popup with the settings changed and the panel open.
    await worker.evaluate(async () => {
      await chrome.storage.sync.set({ settings: { lineSpacing: 2, letterSpacing: 0.06, paragraphSpacing: 1.5, justify: true } });
    });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 720, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.sift-title').waitFor(WAIT);
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.locator('.sift-typography').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(outDir, 'typography.jpg'), type: 'jpeg', quality: 80 });
    await worker.evaluate(() => chrome.storage.sync.remove('settings'));

    // Read aloud: "Listen" in the popup, three sentences on.
    const world = await siftWorld(page, extensionId, WAIT.timeout);
    await world.run(speechStub(['zh-CN', 'zh-TW', 'en-US']));
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('button', { name: 'Listen' }).click();
    await page.bringToFront();
    await page.locator('sift-reader .sift-listen').waitFor(WAIT);
    for (let i = 0; i < 50 && (await world.run<number>('__speech.record.spoken.length')) === 0; i++) await page.waitForTimeout(100);
    for (let i = 0; i < 3; i++) await world.run('__speech.finish()');
    await page.waitForTimeout(500); // the smooth scroll to the sentence
    await page.screenshot({ path: join(outDir, 'read-aloud.jpg'), type: 'jpeg', quality: 80 });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
