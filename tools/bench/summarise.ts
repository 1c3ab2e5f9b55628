// The per-page measurements folded into the figures the budgets and the report read: each
// operation's percentiles, the per-page ratios, the parts of detect() and extract(), the slowest
// pages, and the pages Sift changed.
import { OPS, type OpName, type PageMeasure } from '../in-page/index';
import type { PageRow } from './measure';
import { stat, type Stat } from './stats';

export type OpSummary = Stat & { errors: number; firstCall: Stat; firstError?: string };
type Ratio = { id: string; r: number };

export interface Summary {
  /** The rows that were measured (loaded and timed). */
  measured: PageRow[];
  ops: Record<OpName, OpSummary>;
  ratios: Record<keyof PageMeasure['ratios'], Stat & { worst: Array<{ id: string; ratio: number }> }>;
  phaseNames: string[];
  phases: Record<string, Stat & { errors: number }>;
  slowest: Record<'detect' | 'extract' | 'readabilityParse', Array<{ id: string; ms: number; elements: number }>>;
  mutated: string[];
}

export function summarise(rows: PageRow[]): Summary {
  const measured = rows.filter((r) => r.measure);
  const ops = {} as Record<OpName, OpSummary>;
  for (const op of OPS) {
    const t = measured.map((r) => r.measure!.timings[op]);
    const ok = t.filter((x) => x.ms != null);
    const firstError = t.find((x) => x.error)?.error;
    ops[op] = {
      ...stat(ok.map((x) => x.ms!)),
      errors: t.length - ok.length,
      firstCall: stat(ok.map((x) => x.firstMs!)),
      ...(firstError ? { firstError } : {}),
    };
  }
  // Each page's ratio is the one its pair of operations was timed for (tools/in-page timePair).
  const ratio = (name: keyof PageMeasure['ratios']) =>
    measured.map((r) => ({ id: r.id, r: r.measure!.ratios[name] })).filter((x): x is Ratio => x.r != null);
  const worst = (list: Ratio[]) =>
    [...list].sort((x, y) => y.r - x.r).slice(0, 5).map((x) => ({ id: x.id, ratio: Number(x.r.toFixed(2)) }));
  const detectRatios = ratio('detectVsIsProbablyReaderable');
  const extractRatios = ratio('extractVsReadabilityParse');
  const ratios = {
    detectVsIsProbablyReaderable: { ...stat(detectRatios.map((x) => x.r)), worst: worst(detectRatios) },
    extractVsReadabilityParse: { ...stat(extractRatios.map((x) => x.r)), worst: worst(extractRatios) },
  };
  const phaseNames = [...new Set(measured.flatMap((r) => Object.keys(r.measure!.phases ?? {})))];
  const phases = Object.fromEntries(
    phaseNames.map((name) => {
      const t = measured.map((r) => r.measure!.phases?.[name]).filter((x) => x != null);
      const ok = t.filter((x) => x.ms != null);
      return [name, { ...stat(ok.map((x) => x.ms!)), errors: t.length - ok.length }];
    }),
  );
  const slowest = { detect: slowestOf(measured, 'detect'), extract: slowestOf(measured, 'extract'), readabilityParse: slowestOf(measured, 'readabilityParse') };
  const mutated = measured.filter((r) => r.measure!.mutated).map((r) => r.id);
  return { measured, ops, ratios, phaseNames, phases, slowest, mutated };
}

/** The five pages `op` took longest on. */
function slowestOf(measured: PageRow[], op: OpName) {
  return measured
    .filter((r) => r.measure!.timings[op].ms != null)
    .sort((x, y) => y.measure!.timings[op].ms! - x.measure!.timings[op].ms!)
    .slice(0, 5)
    .map((r) => ({ id: r.id, ms: Number(r.measure!.timings[op].ms!.toFixed(3)), elements: r.measure!.elements }));
}
