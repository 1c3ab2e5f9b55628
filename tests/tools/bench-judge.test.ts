// The bench's judge step (tools/bench/judge.ts) on made-up measurements: the budget table gives
// one line a budget, in order, PASS/FAIL from the figure and n/a with a reason when it is missing.
import { describe, expect, it } from 'vitest';
import type { Judged } from '../../tools/bench/budgets';
import { judge } from '../../tools/bench/judge';

const stat = (p50: number | null, p95: number | null = p50) => ({ n: p50 == null ? 0 : 10, p50, p95, max: p95 });
const group = (bytes: number, gzip: number) => ({ files: [{ file: 'x.js', bytes, gzip }], bytes, gzip, sources: [] });

function measurements(change: Partial<Judged> = {}): Judged {
  return {
    ratios: { detectVsIsProbablyReaderable: { ...stat(2.5), worst: [] }, extractVsReadabilityParse: { ...stat(1.6), worst: [] } },
    ops: { detect: { ...stat(0.2, 0.9), errors: 0, firstCall: stat(1) } },
    sizes: { everyPage: group(20_000, 7000), popup: group(100_000, 46 * 1024), lazy: group(1, 1), background: group(1, 1) },
    huge: { detect: { ms: 12, firstMs: 20, reps: 1, samples: 3 }, extractMs: 900 },
    popup: { status: 'n/a', reason: 'no extension build', pages: [], heap: null },
    rows: [],
    firefox: { status: 'n/a', reason: 'run with --firefox', rounds: 0, warm: false, pages: [], refused: [], errors: [], skipped: [], loadAverage: null },
    ...change,
  } as unknown as Judged;
}

describe('bench judge', () => {
  it('gives one line a budget, in the order of the table', () => {
    expect(judge(measurements()).map((b) => b.name)).toEqual([
      'content script (every page), minified',
      'detection: p50 of ratios to isProbablyReaderable',
      'detection: p95 time',
      'full extraction: p50 of ratios to Readability.parse',
      'popup, later openings: p50 / bare page p50',
      'popup, later openings: p95 / bare page p95',
      'popup, first opening: (p50 - bare p50) / parse',
      'popup JS, gzip',
      '5 MB page: detection',
      '5 MB page: extraction completes',
      '5 MB page: popup shows it is reading',
      '5 MB page: popup answers a click meanwhile',
      '50 reader on/off cycles: page JS heap growth',
      'Firefox race: Sift popup / Reader View, p50 of page ratios',
      'Firefox race: Sift reader mode / Reader View, p50 of page ratios',
      '50 reader on/off cycles: nodes, documents, listeners left',
    ]);
  });

  it('passes and fails figures against their limits, shown as the report shows them', () => {
    const byName = Object.fromEntries(judge(measurements()).map((b) => [b.name, b]));
    expect(byName['content script (every page), minified']).toEqual({ name: 'content script (every page), minified', limit: '<= 20 KB', value: '19.5 KB', status: 'PASS' });
    expect(byName['detection: p50 of ratios to isProbablyReaderable']).toMatchObject({ value: '2.50x', status: 'PASS' });
    expect(byName['detection: p95 time']).toMatchObject({ value: '0.900 ms', status: 'PASS' });
    // The idle step moved off the load path is said beside detection's budget, when it was timed.
    const withIdle = judge(measurements({ phases: { 'detect, idle: related count': stat(0.4, 3.1) } } as unknown as Partial<Judged>));
    expect(withIdle[1].note).toBe('the load path; the related count follows when the page is idle: p50 0.400 ms, p95 3.1 ms');
    expect(byName['detection: p50 of ratios to isProbablyReaderable'].note).toBeUndefined();
    expect(byName['full extraction: p50 of ratios to Readability.parse']).toMatchObject({ value: '1.60x', status: 'FAIL' });
    expect(byName['popup JS, gzip']).toMatchObject({ value: '46.0 KB', status: 'FAIL' });
    expect(byName['5 MB page: detection']).toMatchObject({ value: '12.0 ms', status: 'PASS' });
    expect(byName['5 MB page: extraction completes']).toEqual({ name: '5 MB page: extraction completes', limit: 'completes', value: '900.0 ms', status: 'PASS' });
  });

  it('says n/a, with the reason, for what was not measured', () => {
    const budgets = judge(measurements({ huge: { error: 'page crashed' } } as Partial<Judged>));
    const byName = Object.fromEntries(budgets.map((b) => [b.name, b]));
    // The popup could not be measured: its budgets keep no limit, the progress ones "every opening".
    expect(byName['popup, later openings: p50 / bare page p50']).toEqual({
      name: 'popup, later openings: p50 / bare page p50',
      limit: '',
      value: 'n/a',
      status: 'n/a',
      note: 'no extension build',
    });
    expect(byName['5 MB page: popup shows it is reading']).toMatchObject({ limit: 'every opening', status: 'n/a', note: 'no extension build' });
    expect(byName['5 MB page: detection']).toMatchObject({ value: 'n/a', status: 'n/a' });
    expect(byName['5 MB page: extraction completes']).toMatchObject({ value: 'no', status: 'FAIL', note: 'page crashed' });
    expect(byName['50 reader on/off cycles: page JS heap growth']).toMatchObject({ status: 'n/a', note: 'reader mode not measurable yet' });
    expect(byName['Firefox race: Sift popup / Reader View, p50 of page ratios']).toMatchObject({ status: 'n/a', note: 'run with --firefox' });
    expect(budgets.some((b) => b.status === 'PASS' && b.value === 'n/a')).toBe(false);
  });
});
