// Timing inside the page, for the bench: an operation's cold first call, then warm batches
// until the timer's coarse resolution stops mattering; a pair of operations in alternating
// batches so that their ratio shares whatever else the machine did.

/** The timing of one operation on one page; `ms` is null when the operation threw. */
export interface OpTiming {
  /** Median time of one call, in milliseconds (warm: after the calibration runs). */
  ms: number | null;
  /** The first call on the page, before any warm-up (what a content script pays once). */
  firstMs: number | null;
  /** Calls per timed batch, and batches timed. */
  reps: number;
  samples: number;
  error?: string;
}

export interface TimingOptions {
  /** A timed batch lasts at least this long, so the timer's 0.1 ms resolution stays small. */
  batchMs: number;
  /** Batches timed per operation (the median is kept)… */
  samples: number;
  /** …unless the operation has already used this much time (then at least 3 batches). */
  budgetMs: number;
  /** Untimed calls for at least this long (and at least 3) before timing. */
  warmMs: number;
}

export const DEFAULT_TIMING: TimingOptions = { batchMs: 5, samples: 7, budgetMs: 300, warmMs: 60 };

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `fn`: one cold call, then doubles the batch size until a batch lasts `batchMs`, then
 * keeps the median of `samples` batches. performance.now() is coarsened to 0.1 ms in a page
 * that is not cross-origin isolated, so a 0.02 ms TreeWalker pass needs hundreds of calls.
 */
export function timeOp(fn: () => unknown, opts: TimingOptions = DEFAULT_TIMING): OpTiming {
  const started = performance.now();
  const first = firstCall(fn);
  if ('error' in first) return first;
  warmUp([fn], opts, started);
  const reps = batchSize(fn, opts, started);
  const perCall: number[] = [];
  while (perCall.length < opts.samples) {
    perCall.push(batch(fn, reps));
    if (perCall.length >= 3 && performance.now() - started > opts.budgetMs) break;
  }
  return { ms: median(perCall), firstMs: first.firstMs, reps, samples: perCall.length };
}

/** The cold first call: its time, or the error it threw. */
function firstCall(fn: () => unknown): { firstMs: number } | OpTiming {
  try {
    const t0 = performance.now();
    fn();
    return { firstMs: performance.now() - t0 };
  } catch (err) {
    return { ms: null, firstMs: null, reps: 0, samples: 0, error: message(err) };
  }
}

/**
 * Warm-up before anything is timed: a fresh page has not compiled the code yet (the cold first
 * call is reported on its own), and batches timed during tier-up measure the JIT. V8 optimises a
 * function only after enough calls, and an outer function (detect) later than the inner ones it
 * calls: at least 30 calls of each and `warmMs` each, within a third of the budget.
 */
function warmUp(fns: Array<() => unknown>, opts: TimingOptions, started: number): void {
  const warmUntil = performance.now() + opts.warmMs * fns.length;
  for (let i = 0; i < 30 || performance.now() < warmUntil; i++) {
    for (const fn of fns) fn();
    if (performance.now() - started > (opts.budgetMs * fns.length) / 3) break;
  }
}

/** Calls per batch: doubled until a batch lasts `batchMs` (or the budget is spent). */
function batchSize(fn: () => unknown, opts: TimingOptions, started: number, budgetMs = opts.budgetMs): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const elapsed = performance.now() - t0;
    if (elapsed >= opts.batchMs || performance.now() - started > budgetMs) return reps;
    reps = elapsed > 0 ? Math.max(reps * 2, Math.ceil((reps * opts.batchMs * 1.2) / elapsed)) : reps * 8;
  }
}

/** One timed batch: the time of one call. */
function batch(fn: () => unknown, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

export interface PairTiming {
  base: OpTiming;
  op: OpTiming;
  /** Median over the batch pairs of op's time / base's time; null when either threw. */
  ratio: number | null;
}

/**
 * Times `op` against `base` with their batches taking turns (base op, op base, …), each op's
 * batches as timeOp times them. A ratio of two operations timed one after the other moves with
 * whatever else the machine did in between (on these machines the same code's extract/parse ratio
 * moved 1.19x–1.51x between runs); a pair of adjacent batches shares it. The ratio is the median of
 * the pairs' ratios.
 */
export function timePair(base: () => unknown, op: () => unknown, opts: TimingOptions = DEFAULT_TIMING): PairTiming {
  const started = performance.now();
  const firstBase = firstCall(base);
  const firstOp = firstCall(op);
  // One that throws has no time; the other is timed alone.
  if ('error' in firstBase) return { base: firstBase, op: 'error' in firstOp ? firstOp : timeOp(op, opts), ratio: null };
  if ('error' in firstOp) return { base: timeOp(base, opts), op: firstOp, ratio: null };
  warmUp([base, op], opts, started);
  const budgetMs = opts.budgetMs * 2;
  const baseReps = batchSize(base, opts, started, budgetMs);
  const opReps = batchSize(op, opts, started, budgetMs);
  const baseTimes: number[] = [];
  const opTimes: number[] = [];
  const ratios: number[] = [];
  while (baseTimes.length < opts.samples) {
    let b: number;
    let o: number;
    if (ratios.length % 2) {
      o = batch(op, opReps);
      b = batch(base, baseReps);
    } else {
      b = batch(base, baseReps);
      o = batch(op, opReps);
    }
    baseTimes.push(b);
    opTimes.push(o);
    if (b > 0) ratios.push(o / b);
    if (baseTimes.length >= 3 && performance.now() - started > budgetMs) break;
  }
  return {
    base: { ms: median(baseTimes), firstMs: firstBase.firstMs, reps: baseReps, samples: baseTimes.length },
    op: { ms: median(opTimes), firstMs: firstOp.firstMs, reps: opReps, samples: opTimes.length },
    ratio: ratios.length ? median(ratios) : null,
  };
}
