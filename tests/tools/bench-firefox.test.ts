// The Firefox race's figures (tools/bench/firefox): which corpus pages it reads, the per-page
// ratios Sift / Firefox Reader View with their p50 and p95, and their two PASS/FAIL lines in the
// budget table, with what was left out (refused pages, timeouts) said in the note.
import { describe, expect, it } from 'vitest';
import type { Judged } from '../../tools/bench/budgets';
import { chooseCorpusPages } from '../../tools/bench/firefox/pages';
import { pageMs, pageRatios, ratioStat, type FirefoxRace, type RacePage } from '../../tools/bench/firefox/ratios';
import { judge } from '../../tools/bench/judge';

const page = (id: string, firefox: number[], popup: number[], reader: number[], extra: Partial<RacePage> = {}): RacePage => ({
  id,
  lang: 'en',
  samples: { firefox, popup, reader },
  failures: {},
  late: {},
  phases: { firefox: [], popup: [], reader: [] },
  ...extra,
});

const race = (pages: RacePage[], extra: Partial<FirefoxRace> = {}): FirefoxRace => ({
  status: 'ok',
  firefoxVersion: '153.8.0',
  rounds: 2,
  warm: true,
  pages,
  refused: [],
  errors: [],
  skipped: [],
  loadAverage: [1.2, 1.5],
  ...extra,
});

const raceRows = (firefox: FirefoxRace) =>
  Object.fromEntries(
    judge({ firefox, rows: [], ops: { detect: { n: 0 } }, ratios: { detectVsIsProbablyReaderable: {}, extractVsReadabilityParse: {} }, sizes: { error: 'x' }, huge: { error: 'x' }, popup: { status: 'n/a', reason: 'x', pages: [], heap: null } } as unknown as Judged)
      .filter((b) => b.name.startsWith('Firefox race'))
      .map((b) => [b.name.includes('popup') ? 'popup' : 'reader', b]),
  );

describe('Firefox race: ratios', () => {
  it('takes each page\'s median over its rounds, and the ratio Sift / Firefox page by page', () => {
    const p = page('a', [100, 300, 200], [150, 250], [90]);
    expect(pageMs(p, 'firefox')).toBe(200);
    expect(pageMs(p, 'popup')).toBe(200);
    expect(pageRatios([p], 'popup')).toEqual([{ id: 'a', ratio: 1 }]);
    expect(pageRatios([p], 'reader')).toEqual([{ id: 'a', ratio: 0.45 }]);
  });

  it('leaves out a page one side never painted on, rather than count it as 0 or infinite', () => {
    const pages = [page('a', [100], [50], [200]), page('b', [], [50], [50]), page('c', [100], [], [100])];
    expect(pageRatios(pages, 'popup').map((r) => r.id)).toEqual(['a']);
    expect(ratioStat(pages, 'reader')).toEqual({ n: 2, p50: 1.5, p95: 1.95 });
  });

  it('gives p50 and p95 of the per-page ratios, not of the pooled times', () => {
    // One slow page of Firefox's would dominate pooled times; the page ratios are each 0.5 or 2.
    const pages = [page('a', [1000], [500], [500]), page('b', [10], [20], [20]), page('c', [10], [20], [20])];
    expect(ratioStat(pages, 'popup')).toMatchObject({ n: 3, p50: 2 });
  });
});

describe('Firefox race: pages', () => {
  const index = [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `en-${String(i).padStart(2, '0')}`, lang: 'en', is_article: true, synthetic: false })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `zh-${String(i).padStart(2, '0')}`, lang: 'zh', is_article: true, synthetic: false })),
    { id: 'en-synthetic', lang: 'en', is_article: true, synthetic: true },
    { id: 'zh-home', lang: 'zh', is_article: false, synthetic: false },
    { id: 'de-1', lang: 'de', is_article: true, synthetic: false },
  ];

  it('chooses as many Chinese as English articles, every k-th by id, the same every run', () => {
    const chosen = chooseCorpusPages([...index].reverse(), 5);
    expect(chosen.map((p) => p.id)).toEqual(['zh-00', 'zh-04', 'zh-08', 'zh-12', 'zh-16', 'en-00', 'en-08', 'en-16', 'en-24', 'en-32']);
    expect(chooseCorpusPages(index, 5)).toEqual(chosen);
  });

  it('never chooses a synthetic page, a non-article or another language', () => {
    const ids = chooseCorpusPages(index, 100).map((p) => p.id);
    expect(ids).toHaveLength(60);
    expect(ids).not.toContain('en-synthetic');
    expect(ids).not.toContain('zh-home');
    expect(ids).not.toContain('de-1');
  });
});

describe('Firefox race: budgets', () => {
  it('passes at or below Reader View on p50 and fails above it, with p95 and the pages in the note', () => {
    const rows = raceRows(race([page('a', [100], [90], [150]), page('b', [100], [100], [130])]));
    expect(rows.popup).toMatchObject({ limit: '<= 1x', value: '0.95x', status: 'PASS' });
    expect(rows.reader).toMatchObject({ value: '1.40x', status: 'FAIL' });
    expect(rows.reader.note).toContain('p95 1.49x, 2 pages');
    expect(rows.reader.note).toContain('load 1.2 → 1.5');
  });

  it('counts refused pages, failed pages and timeouts in the note', () => {
    const timedOut = page('b', [100], [], [100], { failures: { popup: ['timeout', 'timeout'] } });
    const rows = raceRows(race([page('a', [100], [90], [80]), timedOut], { refused: ['x', 'y'], errors: [{ id: 'z', error: 'load failed' }] }));
    expect(rows.popup.note).toContain('2 refused by Reader View (not readerable)');
    expect(rows.popup.note).toContain('1 failed (z: load failed)');
    expect(rows.popup.note).toContain('2 popup opening(s) timed out or failed');
    expect(rows.reader.note).not.toContain('popup opening');
  });

  it('says n/a, never PASS, when the race did not run or no page has both sides', () => {
    const notRun = raceRows(race([], { status: 'n/a', reason: 'firefox-esr is not installed' }));
    expect(notRun.popup).toMatchObject({ status: 'n/a', value: 'n/a', note: 'firefox-esr is not installed' });
    const none = raceRows(race([page('a', [], [90], [80])], { refused: ['b'] }));
    expect(none.reader).toMatchObject({ status: 'n/a' });
    expect(none.reader.note).toContain('no page with both sides measured; 1 refused');
  });
});
