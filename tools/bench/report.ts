// The bench's last step: one run's measurements, summary and budgets as the JSON report
// (--json, --save; bench.test.ts and docs/benchmarks.md read its fields) and as text.
import { cpus, loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import { CHROMIUM, REPO } from '../chromium/pages';
import { OPS } from '../in-page/index';
import type { Args } from './args';
import type { Budget } from './budgets';
import type { Measurements } from './measure';
import { printReport } from './report-text';
import type { Summary } from './summarise';

export type Report = ReturnType<typeof buildReport>;

export function buildReport(args: Args, m: Measurements, s: Summary, budgets: Budget[]) {
  return {
    date: new Date().toISOString(),
    chromium: { path: CHROMIUM, version: m.chromiumVersion },
    // Timings are only comparable on an idle machine: other processes inflate them.
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    timing: m.timing,
    corpora: args.corpora.map((dir) => ({ dir: relative(REPO, dir) || '.', pages: m.sources.filter((src) => resolve(src.dir, '..') === dir).length })),
    skipped: m.skipped,
    ops: s.ops,
    ratios: s.ratios,
    phases: s.phases,
    slowest: s.slowest,
    mutatedBySift: s.mutated,
    loadErrors: m.rows.filter((r) => r.error).map((r) => ({ id: r.id, error: r.error })),
    hugePage: m.huge,
    sizes: m.sizes,
    popup: m.popup,
    firefox: m.firefox,
    budgets,
    pages: m.rows.map((r) => ({
      id: r.id,
      corpus: r.corpus,
      bytes: r.bytes,
      ...(r.error ? { error: r.error } : {}),
      ...(r.measure
        ? {
            elements: r.measure.elements,
            ms: Object.fromEntries(OPS.map((op) => [op, r.measure!.timings[op].ms])),
            firstMs: Object.fromEntries(OPS.map((op) => [op, r.measure!.timings[op].firstMs])),
            readerable: r.measure.readerable,
            detectIsArticle: r.measure.detectIsArticle,
            readabilityTextLength: r.measure.readabilityTextLength,
            extractTextLength: r.measure.extractTextLength,
            relatedItems: r.measure.relatedItems,
          }
        : {}),
    })),
  };
}

/** The report as text, or as JSON with --json. */
export function writeReport(report: Report, s: Summary, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${printReport(report, s).join('\n')}\n`);
}
