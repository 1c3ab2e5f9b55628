// @vitest-environment node
// A page is read once (issue 16): the popup's first opening is one message and one injection
// (the extractor, whose answer also says whether reader mode is on), a later one no injection,
// and reader mode after the popup shows what the extractor read without reading the page again.
// A page that changed since (new content, in-page navigation) is read again. The background's
// calls to scripting.executeScript and the messages the popup sends are counted in its worker;
// the extractions in the page by the counter extractor.js keeps there (lib/reader/kept-extraction.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_DIST } from '../support/paths';
import { openFixture, openPopup, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { labelsOf, mustContain } from '../support/load-page';

const sift = useSiftBrowser();
const labels = labelsOf('seed-dedecms');
const TITLE = labels.title ?? '';

interface Counts {
  /** Each executeScript call of the background with files: its files. */
  injections: string[][];
  /** The popup's messages to the background, by type. */
  messages: string[];
}

/** Starts counting in the worker, before the background first touches scripting.executeScript. */
async function countCalls(): Promise<void> {
  await sift.browser.worker.evaluate(() => {
    const g = globalThis as unknown as { __counts?: Counts; __execute?: typeof chrome.scripting.executeScript };
    if (g.__counts) return;
    const counts: Counts = { injections: [], messages: [] };
    g.__counts = counts;
    const execute = chrome.scripting.executeScript.bind(chrome.scripting);
    g.__execute = execute;
    chrome.scripting.executeScript = ((injection: Parameters<typeof execute>[0]) => {
      if (injection.files) counts.injections.push([...injection.files]);
      return execute(injection);
    }) as typeof chrome.scripting.executeScript;
    chrome.runtime.onMessage.addListener((message: { type?: string }, sender) => {
      if (sender.url?.includes('/popup.html') && typeof message?.type === 'string') counts.messages.push(message.type);
      return undefined;
    });
  });
}

/** The counts since the last call (they start over). */
async function takeCounts(): Promise<Counts> {
  return sift.browser.worker.evaluate(() => {
    const g = globalThis as unknown as { __counts: Counts };
    const taken = { injections: [...g.__counts.injections], messages: [...g.__counts.messages] };
    g.__counts.injections.length = 0;
    g.__counts.messages.length = 0;
    return taken;
  });
}

/** How many times extractor.js read the page, as counted in its isolated world. */
async function extractionsIn(tabId: number): Promise<number> {
  return sift.browser.worker.evaluate(async (id) => {
    const g = globalThis as unknown as { __execute: typeof chrome.scripting.executeScript };
    const [answer] = await g.__execute({
      target: { tabId: id },
      func: () => (globalThis as unknown as Record<symbol, number | undefined>)[Symbol.for('sift-extractions')] ?? 0,
    });
    return answer.result as number;
  }, tabId);
}

async function popupShowsArticle(tabId: number, title: string | null = TITLE): Promise<Page> {
  const popup = await openPopup(sift.browser, tabId);
  if (title) await expect.poll(() => popup.locator('.sift-title').textContent(), WAIT).toBe(title);
  else await popup.locator('.sift-title').waitFor(WAIT);
  return popup;
}

/**
 * The popup over a page in reader mode: it says reader mode is on (its button pressed, "Exit
 * reader mode") instead of showing the article a second time (issue 17).
 */
async function popupOverReader(tabId: number): Promise<Page> {
  const popup = await openPopup(sift.browser, tabId);
  await expect.poll(() => popup.getByRole('button', { name: 'Exit reader mode' }).getAttribute('aria-pressed'), WAIT).toBe('true');
  expect(await popup.locator('.sift-title').count()).toBe(0);
  return popup;
}

/** Reader mode from the popup; the overlay must show `title`, whatever the popup showed. */
async function readerFromPopup(tabId: number, page: Page, title: string) {
  // Any title: a change the content script has not reported yet leaves the background's copy
  // (the popup's) as it was for a moment; reader mode must show the page as it is now.
  const popup = await popupShowsArticle(tabId, null);
  await popup.getByRole('button', { name: 'Reader mode' }).click();
  await expect.poll(() => page.locator('sift-reader .sift-title').textContent(), WAIT).toBe(title);
  await popup.close();
}

async function closeReader(page: Page) {
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('sift-reader').count(), WAIT).toBe(0);
}

describe('a page is read once', () => {
  it('ships the extractor in extractor.js only: reader.js cannot read the page itself', () => {
    // Readability's main pass keeps its name through minification.
    expect(readFileSync(join(E2E_DIST, 'extractor.js'), 'utf8')).toContain('_grabArticle');
    expect(readFileSync(join(E2E_DIST, 'reader.js'), 'utf8')).not.toContain('_grabArticle');
  });

  it('opens the popup cold in one message and one injection, warm in none, and reader mode reads nothing again', async () => {
    await countCalls();
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await takeCounts();

    const cold = await popupShowsArticle(tabId);
    // Until the grader has answered, so that its own message (graded) comes in this count or not at all.
    await expect.poll(() => cold.locator('.sift-item-link').count(), WAIT).toBe(labels.related.length);
    expect(await cold.getByRole('button', { name: 'Reader mode' }).getAttribute('aria-pressed')).toBe('false');
    await cold.close();
    const first = await takeCounts();
    expect(first.injections).toEqual([['/extractor.js']]);
    expect(first.messages.filter((type) => type !== 'graded')).toEqual(['getPage']);
    expect(await extractionsIn(tabId)).toBe(1);

    const warm = await popupShowsArticle(tabId);
    await warm.close();
    const second = await takeCounts();
    expect(second.injections).toEqual([]);
    expect(second.messages.filter((type) => type !== 'graded')).toEqual(['getPage']);

    // Reader mode after the popup: reader.js alone, showing the popup's extraction.
    await readerFromPopup(tabId, page, TITLE);
    const reader = await takeCounts();
    expect(reader.injections).toEqual([['/reader.js']]);
    expect(await extractionsIn(tabId)).toBe(1);

    // A popup opened over reader mode says it is on, from the record, with no injection.
    await (await popupOverReader(tabId)).close();
    expect((await takeCounts()).injections).toEqual([]);
    await closeReader(page);
    await page.close();
  });

  it('reads the page once when reader mode comes first, and the popup after it needs no injection', async () => {
    await countCalls();
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    // reader.js alone, as the shortcut's path injects it when the background has read nothing
    // yet but guessed wrong: it asks for the page to be read (readForReader), once.
    const active = await sift.browser.worker.evaluate(async (id) => {
      const g = globalThis as unknown as { __execute: typeof chrome.scripting.executeScript };
      const [injected] = await g.__execute({ target: { tabId: id }, files: ['/reader.js'] });
      return (injected?.result as { active?: boolean } | undefined)?.active;
    }, tabId);
    expect(active).toBe(true);
    await expect.poll(() => page.locator('sift-reader .sift-title').textContent(), WAIT).toBe(TITLE);
    expect(await extractionsIn(tabId)).toBe(1);
    await takeCounts();
    // The extractor's answer said reader mode was on as it opened: the popup says so too.
    await (await popupOverReader(tabId)).close();
    const counts = await takeCounts();
    expect(counts.injections).toEqual([]);
    expect(counts.messages.filter((type) => type !== 'graded')).toEqual(['getPage']);
    expect(await extractionsIn(tabId)).toBe(1);
    await closeReader(page);
    await page.close();
  });

  it("paints the article in a later opening's first frame, with no skeleton before it", async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await (await popupShowsArticle(tabId)).close();
    // The first contentful paint of a later opening is the title's (Element Timing): the answer
    // came from the background's copy before the first frame. A machine too busy to answer
    // within the popup's wait shows the skeleton first: a few openings, one must show it.
    const firstFrames: { fcp: number | null; title: number | null }[] = [];
    for (let i = 0; i < 4; i++) {
      const popup = await popupShowsArticle(tabId);
      firstFrames.push(
        await popup.evaluate(
          () =>
            new Promise<{ fcp: number | null; title: number | null }>((resolve) => {
              const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
              setTimeout(() => resolve({ fcp, title: null }), 5000);
              new PerformanceObserver((list) => {
                const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'sift-article') as
                  | (PerformanceEntry & { renderTime: number })
                  | undefined;
                if (entry) resolve({ fcp, title: entry.renderTime || entry.startTime });
              }).observe({ type: 'element', buffered: true });
            }),
        ),
      );
      await popup.close();
      if (firstFrames.some((f) => f.fcp != null && f.title != null && Math.abs(f.fcp - f.title) < 1)) break;
    }
    expect(firstFrames.some((f) => f.fcp != null && f.title != null && Math.abs(f.fcp - f.title) < 1), JSON.stringify(firstFrames)).toBe(true);
    await page.close();
  });

  it('reads a page again once it has changed: new content, then an in-page navigation', async () => {
    await countCalls();
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await (await popupShowsArticle(tabId)).close();
    expect(await extractionsIn(tabId)).toBe(1);

    // New content: a paragraph in the article, and a block of 40 elements after it.
    const added = 'A paragraph the page added to its article after the popup had read it.';
    await page.evaluate(
      ([phrase, text]) => {
        const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(phrase));
        if (!paragraph) throw new Error('no paragraph with the phrase');
        const p = document.createElement('p');
        p.textContent = text;
        paragraph.after(p);
        const block = document.createElement('div');
        block.innerHTML = Array.from({ length: 40 }, (_, i) => `<span>added ${i}</span>`).join('');
        document.body.append(block);
      },
      [mustContain(labels)[0].slice(0, 12), added] as const,
    );
    await readerFromPopup(tabId, page, TITLE);
    await expect.poll(() => page.locator('sift-reader .sift-body').innerText(), WAIT).toContain(added);
    const afterChange = await extractionsIn(tabId);
    expect(afterChange).toBeGreaterThan(1);
    await closeReader(page);

    // An in-page navigation (history.pushState) to another address: read again as well.
    await page.evaluate(() => history.pushState({}, '', `${location.pathname}?page=2`));
    // (At least once more: the content script's own look at the new address, up to a second
    // later, may count one more version of the page after the popup read it.)
    await readerFromPopup(tabId, page, TITLE);
    expect(await extractionsIn(tabId)).toBeGreaterThan(afterChange);
    await closeReader(page);
    await page.close();
  });
});
