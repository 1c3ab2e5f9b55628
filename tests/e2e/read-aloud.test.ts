// @vitest-environment node
// Read aloud (issue 18) in the built extension, in Chromium: the popup's "Listen" opens reader mode
// and reads there, sentence by sentence, with the sentence highlighted and kept in view; the
// controls pause, move and change the speed; an article with no voice for its language says so.
// Headless Chromium has no voices (with or without Debian's speech-dispatcher and espeak-ng), so
// speechSynthesis is replaced in Sift's isolated world (where reader mode runs; the page's own
// world is left alone) by a recorder, through the DevTools protocol (tests/tools/speech-stub.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { siftWorld, speechStub, type Spoken } from '../tools/speech-stub';
import { axeViolations, openFixture, openPopup, readerOn, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';

const sift = useSiftBrowser();

async function withStub(page: Page, voiceLangs: string[]) {
  const world = await siftWorld(page, sift.browser.extensionId, WAIT.timeout);
  await world.run(speechStub(voiceLangs));
  return {
    spoken: () => world.run<Spoken[]>('__speech.record.spoken'),
    finish: () => world.run<void>('__speech.finish()'),
    highlighted: () => world.run<{ text: string; inView: boolean } | null>('__speech.highlighted()'),
    cancels: () => world.run<number>('__speech.record.cancels'),
    pageSees: () => page.evaluate(() => typeof (window as unknown as { __speech?: unknown }).__speech),
  };
}

describe('read aloud in reader mode', () => {
  it('starts from the popup\'s Listen, reads sentence by sentence with the sentence highlighted, and the controls work', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    await page.setViewportSize({ width: 1000, height: 700 });
    const speech = await withStub(page, ['en-US', 'zh-CN', 'zh-TW']);
    // The stub is Sift's world only: the page's own world never sees it.
    expect(await speech.pageSees()).toBe('undefined');

    const popup = await openPopup(sift.browser, tabId);
    await popup.locator('.sift-title').waitFor(WAIT);
    await popup.getByRole('button', { name: 'Listen' }).click();
    await page.bringToFront();
    const reader = page.locator('sift-reader');
    await reader.locator('.sift-title').waitFor(WAIT);
    await popup.close();

    const title = (await reader.locator('.sift-title').textContent())!;
    await expect.poll(speech.spoken, WAIT).toHaveLength(1);
    expect((await speech.spoken())[0]).toEqual({ text: title.trim(), lang: 'zh-Hans', rate: 1, voice: 'Test zh-CN' });
    expect(await speech.highlighted()).toEqual({ text: title.trim(), inView: true });

    // Each sentence in turn, as the engine finishes the one before: Chinese split at 。！？.
    for (let i = 0; i < 3; i++) await speech.finish();
    const said = await speech.spoken();
    expect(said).toHaveLength(4);
    const first = said[1].text;
    expect(first.length).toBeGreaterThan(0);
    expect(said.slice(1).every((s) => !/[。！？].+/.test(s.text))).toBe(true);
    expect((await speech.highlighted())!.text).toBe(said[3].text);

    // Pause: the engine is stopped and Play says the same sentence again.
    const controls = reader.getByRole('group', { name: 'Read aloud' });
    const cancels = await speech.cancels();
    await controls.getByRole('button', { name: 'Pause' }).click();
    expect(await speech.cancels()).toBeGreaterThan(cancels);
    await controls.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await speech.spoken()).length, WAIT).toBe(5);
    expect((await speech.spoken())[4].text).toBe(said[3].text);
    await controls.getByRole('button', { name: 'Previous sentence' }).click();
    await expect.poll(async () => (await speech.spoken()).at(-1)!.text, WAIT).toBe(said[2].text);

    // Speed: the sentence starts again at the new rate, and the rate is kept.
    await controls.getByLabel('Speed').selectOption('1.5');
    await expect.poll(async () => (await speech.spoken()).at(-1), WAIT).toMatchObject({ text: said[2].text, rate: 1.5 });
    const stored = await sift.browser.worker.evaluate(async () => ((await chrome.storage.sync.get('settings')) as { settings: { speechRate: number } }).settings.speechRate);
    expect(stored).toBe(1.5);

    // Far into the article: the sentence being read is scrolled into view below the bar.
    for (let i = 0; i < 25; i++) await controls.getByRole('button', { name: 'Next sentence' }).click();
    await expect.poll(async () => (await speech.highlighted())?.inView, WAIT).toBe(true);
    const scrolled = await reader.locator('.sift-overlay').evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);
    expect(await controls.locator('.sift-listen-position').textContent()).toMatch(/^Sentence 28 of \d+$/);

    // The voice list: the article's language only.
    expect(await controls.getByLabel('Voice').locator('option').allTextContents()).toEqual(['Automatic (Test zh-CN)', 'Test zh-CN', 'Test zh-TW']);
    // The controls are reachable by keyboard and labelled; axe finds nothing in the reader.
    await controls.getByRole('button', { name: 'Play' }).or(controls.getByRole('button', { name: 'Pause' })).focus();
    await page.keyboard.press('Tab');
    expect(await reader.locator(':focus').getAttribute('aria-label')).toBe('Next sentence');
    expect(await axeViolations(page, 'sift-reader')).toEqual([]);

    // Leaving reader mode stops the reading and the highlight.
    const before = await speech.cancels();
    await page.keyboard.press('Escape');
    await expect.poll(() => reader.count(), WAIT).toBe(0);
    expect(await speech.cancels()).toBeGreaterThan(before);
    expect(await speech.highlighted()).toBeNull();
    await page.close();
  });

  it('says so when the system has no voice for the article\'s language, and reads nothing', async () => {
    const { page, tabId } = await openFixture(sift.browser, sift.server.urlOf('seed-dedecms'));
    const speech = await withStub(page, ['en-US', 'de-DE']);
    await readerOn(sift.browser, tabId, page);
    const reader = page.locator('sift-reader');
    await reader.getByRole('button', { name: 'Read aloud' }).click();
    const controls = reader.getByRole('group', { name: 'Read aloud' });
    await expect.poll(() => controls.getByRole('status').textContent(), WAIT).toContain('This system has no voice for Chinese');
    expect(await controls.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true);
    expect(await speech.spoken()).toEqual([]);
    await page.close();
  });
});
