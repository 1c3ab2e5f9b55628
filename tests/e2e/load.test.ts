// @vitest-environment node
// Load (issue 21, part 4): thirty article tabs opened at once. Every tab's badge is the one the
// same page gets when opened alone, the popup opens on each and shows its article, and neither the
// service worker nor a popup reports an error. Pages: the project's fixtures, and article pages of
// ../shared/corpus when it is there (served from 127.0.0.1 like the fixtures; skipped with a message
// when absent).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, openPopup, tabIdOf, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { labelsOf } from '../support/load-page';
import { CORPUS, CORPUS_PAGES, FIXTURES } from '../support/paths';
import { serveCorpusPages, type IdServer } from '../support/page-server';

const sift = useSiftBrowser();
const TABS = 30;

interface CorpusEntry {
  id: string;
  is_article: boolean;
}

// Corpus pages as they were saved, at /corpus/<id>: their <meta charset> decides the encoding.
let corpus: IdServer | undefined;
const corpusIds: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(CORPUS, 'index.json'))) {
    console.log(`load test: ${CORPUS} is absent, the fixtures alone fill the ${TABS} tabs`);
    return;
  }
  const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as CorpusEntry[];
  corpusIds.push(...index.filter((e) => e.is_article && existsSync(join(CORPUS_PAGES, e.id, 'source.html'))).slice(0, 20).map((e) => e.id));
  corpus = await serveCorpusPages(corpusIds);
});

afterAll(async () => {
  await corpus?.close();
});

/** The article fixtures (labels say so), then corpus articles. */
function pageUrls(): string[] {
  const fixtures = ['seed-dedecms', 'seed-wordpress-zh', 'seed-self-and-dup', 'seed-list-inside-article', 'en-news-related', 'rtl-ar-article', 'en-blog-no-related'];
  for (const id of fixtures) expect(existsSync(join(FIXTURES, id)) && labelsOf(id).is_article).toBe(true);
  return [...fixtures.map((id) => sift.server.urlOf(id)), ...corpusIds.map((id) => corpus!.urlOf(id))];
}

describe('thirty article tabs at once', () => {
  it('gives every tab its badge, opens the popup on each, and reports no error', { timeout: 600_000 }, async () => {
    const urls = pageUrls();
    const kept = (url: string) => alone.has(url);
    const errors: string[] = [];
    const alone = new Map<string, string>();
    sift.browser.worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`worker: ${message.text()}`);
    });

    // Each page alone first: the badge it gets when nothing else is going on.
    for (const url of urls) {
      const page = await sift.browser.context.newPage();
      await page.goto(`${url}?alone`, { waitUntil: 'load' });
      if (page.url() !== `${url}?alone`) {
        // A saved page that navigates itself elsewhere (a script, a refresh): not a tab to count on.
        console.log(`load test: ${url} went to ${page.url()}, left out`);
        await page.close();
        continue;
      }
      const tabId = await tabIdOf(sift.browser, page);
      // Settled: the content script reports again after late changes (800 ms quiet, 5 s at most),
      // and the popup's extraction may correct the count: the same text for 6 s running.
      let last = '';
      let since = Date.now();
      await expect
        .poll(async () => {
          const now = await badgeText(sift.browser, tabId);
          if (now !== last) since = Date.now();
          last = now;
          return Date.now() - since >= 6000;
        }, { timeout: 30_000, interval: 500 })
        .toBe(true);
      alone.set(url, last);
      await page.close();
    }
    console.log(`load test: ${urls.length} pages (${corpusIds.length} from the corpus), badges alone: ${[...alone.values()].join(' ')}`);

    // Thirty tabs opened at once, the pages taken in turn.
    const usable = urls.filter(kept);
    expect(usable.length).toBeGreaterThanOrEqual(7);
    const tabs = Array.from({ length: TABS }, (_, i) => ({ base: usable[i % usable.length], url: `${usable[i % usable.length]}?tab=${i}` }));
    const pages = await Promise.all(tabs.map(() => sift.browser.context.newPage()));
    await Promise.all(pages.map((page, i) => page.goto(tabs[i].url, { waitUntil: 'load', timeout: 120_000 })));
    const ids = await Promise.all(pages.map((page) => tabIdOf(sift.browser, page)));
    for (let i = 0; i < TABS; i++) {
      await expect.poll(() => badgeText(sift.browser, ids[i]), WAIT).toBe(alone.get(tabs[i].base));
    }

    // The popup on each tab shows the page's article (or says why not), without an error.
    for (let i = 0; i < TABS; i++) {
      const popup = await openPopup(sift.browser, ids[i]);
      popup.on('pageerror', (error) => errors.push(`popup ${i}: ${error.message}`));
      popup.on('console', (message) => {
        // The article's own images, refused offline (the launcher's route, chromium.ts) or missing: not Sift's errors.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`popup ${i}: ${message.text()}`);
      });
      await expect.poll(() => popup.locator('.sift-title, .sift-state').count(), WAIT).toBeGreaterThan(0);
      expect(await popup.locator('.sift-state-error').count(), `popup on ${tabs[i].url}`).toBe(0);
      await popup.close();
    }
    expect(errors).toEqual([]);
    for (const page of pages) await page.close();
  });
});
