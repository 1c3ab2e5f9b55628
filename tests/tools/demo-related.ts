// The demo's pictures of the related list (issue 15): the popup jumped to its list with the
// "Related · N" button, in light and dark, on the seed page (Chinese, in Chinese UI, with its
// off-topic fold open so the reasons show) and on an English news page (in English UI).
// The UI language is the browser's own (chrome.i18n), fixed when Chromium starts, so each
// language gets its own Chromium (--lang, and LANGUAGE for Linux). A Chromium without that
// language's pack (Debian's chromium ships en-US only; chromium-l10n has the rest) stays in
// English: the popup is then given Sift's own public/_locales/<lang>/messages.json, formatted
// the way chrome.i18n does, in place of the browser's getMessage.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { MessageEntry } from '../../lib/i18n';
import { ROOT } from '../support/paths';

export interface RelatedShot {
  fixture: string;
  /** Chromium's UI language: 'zh-CN' or 'en-US'. */
  lang: string;
  /** Open the "N on other topics" fold. */
  openOff: boolean;
  /** The file name stem; `-light.jpg` / `-dark.jpg` are added. */
  name: string;
}

export const RELATED_SHOTS: RelatedShot[] = [
  { fixture: 'seed-dedecms', lang: 'zh-CN', openOff: true, name: 'related-zh' },
  { fixture: 'en-news-related', lang: 'en-US', openOff: false, name: 'related-en' },
];

export const RELATED_FILES = RELATED_SHOTS.flatMap((s) => [`${s.name}-light.jpg`, `${s.name}-dark.jpg`]);

/** Before the popup's scripts run: chrome.i18n answers from `messages` in `lang`. */
async function useMessages(popup: Page, lang: string): Promise<void> {
  const file = join(ROOT, 'public', '_locales', lang.replace('-', '_'), 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, MessageEntry>;
  await popup.addInitScript(
    ({ messages, lang }) => {
      // lib/i18n.ts's formatMessage: named placeholders, then $1…$9, "$$" a "$".
      const format = (entry: MessageEntry, subs: string[]) => {
        const named = new Map(Object.entries(entry.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
        return entry.message
          .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, n: string) => named.get(n.toLowerCase()) ?? whole)
          .replace(/\$(\$|[1-9])/g, (_w, ref: string) => (ref === '$' ? '$' : (subs[Number(ref) - 1] ?? '')));
      };
      const i18n = chrome.i18n as unknown as Record<string, unknown>;
      i18n.getMessage = (key: string, subs?: string | string[]) => {
        const entry = messages[key];
        return entry ? format(entry, subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)]) : '';
      };
      i18n.getUILanguage = () => lang;
    },
    { messages, lang },
  );
}

type Launch = (profile: string, lang: string) => Promise<BrowserContext>;

/** Takes one language's pictures in a Chromium of its own; returns the files written. */
export async function relatedShots(launch: Launch, urlOf: (id: string) => string, outDir: string, shot: RelatedShot): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'sift-demo-related-'));
  const context = await launch(profile, shot.lang);
  const written: string[] = [];
  try {
    const url = urlOf(shot.fixture);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const tabId = await worker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id ?? -1, url);
    const uiLang = await worker.evaluate(() => chrome.i18n.getUILanguage());
    const ownMessages = !uiLang.toLowerCase().startsWith(shot.lang.slice(0, 2).toLowerCase());
    if (ownMessages) console.log(`(${shot.name}: Chromium has no ${shot.lang} language pack, its UI is ${uiLang}; the popup gets Sift's ${shot.lang} messages)`);
    for (const theme of ['light', 'dark'] as const) {
      await worker.evaluate(async (value) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings ?? {}), theme: value } });
      }, theme);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 720, height: 760 });
      if (ownMessages) await useMessages(popup, shot.lang);
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('.sift-title, .sift-state').first().waitFor({ timeout: 20_000 });
      // The grades come after the article has painted (a dynamic import): wait for the summary.
      await popup.locator('.sift-related-summary').first().waitFor({ timeout: 20_000 }).catch(() => {});
      if (shot.openOff) {
        // Opened first: with the fold shut the list ends the page, and the jump could not bring its top up.
        await popup.locator('.sift-off > summary').first().click();
      }
      await popup.locator('.sift-jump').first().click();
      // No hover underline where the click left the mouse.
      await popup.mouse.move(4, 755);
      await popup.waitForTimeout(200);
      const file = `${shot.name}-${theme}.jpg`;
      await popup.screenshot({ path: join(outDir, file), type: 'jpeg', quality: 80 });
      written.push(file);
      await popup.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return written;
}
