import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HUGE_PAGE, generateHugePage } from '../../tools/bench/huge-page';
import { timePair } from '../../tools/in-page/index';
import { judgeProgress } from '../../tools/bench/popup/progress';
import type { ProgressOpening } from '../../tools/bench/popup/types';
import { measureShipped } from '../../tools/bench/sizes';

describe('bench stress page generator', () => {
  it('writes at least 5 MB and 100,000 elements, and counts the elements it writes', () => {
    const { html, elements } = generateHugePage();
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(HUGE_PAGE.minBytes);
    expect(elements).toBeGreaterThanOrEqual(HUGE_PAGE.minElements);
    // Start tags in the markup (parsing 5 MB in happy-dom takes too long for a unit test; the
    // next test checks on a small page that the count equals the parsed DOM's).
    expect(html.match(/<[a-z][a-z0-9]*[\s>]/gi)?.length).toBe(elements);
  });

  it('scales to the sizes it is asked for', () => {
    const { html, elements } = generateHugePage({ minBytes: 20_000, minElements: 500 });
    expect(elements).toBeGreaterThanOrEqual(500);
    expect(elements).toBeLessThan(600);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.getElementsByTagName('*').length).toBe(elements);
    expect(html.match(/<[a-z][a-z0-9]*[\s>]/gi)?.length).toBe(elements);
    expect(doc.querySelector('article h1')?.textContent).toBe('Council expands the tram network');
    expect(doc.querySelectorAll('section.related li a[href]').length).toBe(8);
  });
});

describe('bench size report', () => {
  it('sorts built JS into every-page, popup (with static imports), lazy and background, and attributes bytes via source maps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sift-bench-test-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      };
      write(
        'manifest.json',
        JSON.stringify({
          content_scripts: [
            { matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/content.js'] },
            { matches: ['https://example.com/*'], js: ['content-scripts/narrow.js'] },
          ],
          action: { default_popup: 'popup.html' },
          background: { service_worker: 'background.js' },
        }),
      );
      write('content-scripts/content.js', 'abcdefghij');
      write(
        'content-scripts/content.js.map',
        JSON.stringify({ version: 3, sources: ['../../lib/extract/detect/detect.ts', '../../node_modules/@scope/pkg/index.js'], mappings: 'AAAA,ICAA' }),
      );
      write('content-scripts/narrow.js', 'x');
      write('popup.html', '<script type="module" crossorigin src="/chunks/popup-1.js"></script>');
      write('chunks/popup-1.js', 'import{a}from"./shared-2.js";a();import("./lazy-3.js")');
      write('chunks/shared-2.js', 'export const a=()=>1');
      write('chunks/lazy-3.js', 'export default 1');
      write('background.js', 'self');
      write('extractor.js', '(()=>{})()');

      const sizes = measureShipped(dir);
      expect(sizes.everyPage.files.map((f) => f.file)).toEqual(['content-scripts/content.js']);
      expect(sizes.everyPage.bytes).toBe(10);
      expect(sizes.everyPage.sources).toEqual([
        { source: '@scope/pkg', chars: 6 },
        { source: 'lib/extract/detect/detect.ts', chars: 4 },
      ]);
      expect(sizes.popup.files.map((f) => f.file)).toEqual(['chunks/popup-1.js', 'chunks/shared-2.js']);
      expect(sizes.lazy.files.map((f) => f.file)).toEqual(['chunks/lazy-3.js', 'content-scripts/narrow.js', 'extractor.js']);
      expect(sizes.background.files.map((f) => f.file)).toEqual(['background.js']);
      expect(sizes.popup.gzip).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bench timePair', () => {
  // A clock that moves only when the timed functions run: each costs its work times the machine's
  // slowness, which grows as time goes on (a machine getting busier during the measurement).
  let now = 0;
  const slowness = () => 1 + now / 200;
  const work = (units: number) => () => {
    now += units * slowness();
  };
  const opts = { batchMs: 4, samples: 7, budgetMs: 400, warmMs: 10 };
  afterEach(() => {
    vi.restoreAllMocks();
    now = 0;
  });

  it('gives the ratio of adjacent batches, which a machine slowing down does not move', () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const t = timePair(work(1), work(2), opts);
    expect(t.base.samples).toBe(7);
    expect(t.op.samples).toBe(7);
    expect(t.ratio).toBeGreaterThan(1.9);
    expect(t.ratio).toBeLessThan(2.1);
    // Timed one after the other, the same two would have differed by more than their work.
    now = 0;
    const alone = [timePair(work(1), work(1), opts).base.ms!, timePair(work(2), work(2), opts).base.ms!];
    expect(alone[1] / alone[0]).toBeGreaterThan(2.2);
  });

  it('times the other one alone when one throws', () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const t = timePair(() => {
      throw new Error('no');
    }, work(1), opts);
    expect(t.base).toMatchObject({ ms: null, error: 'no' });
    expect(t.op.ms).toBeGreaterThan(0);
    expect(t.ratio).toBeNull();
  });
});

describe('the popup on a page that takes long to read (judgeProgress)', () => {
  // One opening as measured on the 5 MB page: skeleton at once, words after 1 s, answer at 1.8 s.
  const opening = (change: Partial<ProgressOpening> = {}): ProgressOpening => ({
    skeletonAt: 160,
    wordsAt: 1140,
    answerAt: 1800,
    paintedAt: 1850,
    clickAt: 140,
    inputDelayMs: 4,
    answeredClickWhileReading: true,
    longestTaskBeforeAnswer: 0,
    longestTaskAfterAnswer: 60,
    ...change,
  });

  it('passes openings that showed the skeleton, then words, and answered the click quickly', () => {
    const v = judgeProgress([opening(), opening({ inputDelayMs: 30, longestTaskBeforeAnswer: 51 })], 1000);
    expect(v).toMatchObject({ showedProgress: 2, answeredClicks: 2, worstInputDelayMs: 30, progressOk: true, responsiveOk: true });
    expect(v.longestTaskBeforeAnswer).toBe(51);
    expect(v.longestTaskAfterAnswer).toBe(60);
  });

  it('fails an opening whose first paint came with the answer, or that stayed silent past the slow mark', () => {
    expect(judgeProgress([opening(), opening({ skeletonAt: 1800 })], 1000).progressOk).toBe(false);
    expect(judgeProgress([opening({ wordsAt: null })], 1000).progressOk).toBe(false);
    expect(judgeProgress([opening({ wordsAt: 1900 })], 1000).progressOk).toBe(false);
    // An answer within the slow mark needs no words.
    expect(judgeProgress([opening({ wordsAt: null, answerAt: 900 })], 1000).progressOk).toBe(true);
    // The words are due a second after the skeleton, not after the popup opened.
    expect(judgeProgress([opening({ skeletonAt: 232, wordsAt: null, answerAt: 1115 })], 1000).progressOk).toBe(true);
    expect(judgeProgress([opening({ skeletonAt: 232, wordsAt: null, answerAt: 1400 })], 1000).progressOk).toBe(false);
  });

  it('fails a slow input, a click not answered while reading, and an opening that sent none', () => {
    expect(judgeProgress([opening({ inputDelayMs: 101 })], 1000).responsiveOk).toBe(false);
    expect(judgeProgress([opening(), opening({ answeredClickWhileReading: false })], 1000).responsiveOk).toBe(false);
    const none = judgeProgress([opening({ inputDelayMs: null, clickAt: null, answeredClickWhileReading: false })], 1000);
    expect(none.worstInputDelayMs).toBeNull();
    expect(none.responsiveOk).toBe(false);
    expect(judgeProgress([], 1000)).toMatchObject({ progressOk: false, responsiveOk: false });
  });
});
