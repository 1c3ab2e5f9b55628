// The Firefox race's figures (issue 16, "Race the anchor"): what race.ts measured per page, and
// the per-page ratios Sift / Firefox Reader View with their p50 and p95. Pure: unit-tested.
import { percentile } from '../stats';
import type { Contender } from './scripts';

/** One page's openings: the user's action to the title painted, in ms, one sample a round. */
export interface RacePage {
  id: string;
  lang: string;
  samples: Record<Contender, number[]>;
  /** Rounds that ran out of time or failed, per contender (reason each). */
  failures: Partial<Record<Contender, string[]>>;
  /** Samples whose title was already there when the wait first looked (upper bounds), per contender. */
  late: Partial<Record<Contender, number>>;
  /**
   * Where the time went, per sample, from the same action: the showing document's navigation
   * start (about:reader after Firefox's parse; the popup page) and its first contentful paint.
   * Read from the document's own clock (performance.timeOrigin): rough, for the profile.
   */
  phases: Record<Contender, { docMs: number; firstPaintMs: number | null }[]>;
}

export interface FirefoxRace {
  status: 'ok' | 'n/a';
  /** Why the race did not run (n/a). */
  reason?: string;
  firefoxVersion?: string;
  /** Timed rounds per page, and whether an untimed round went first on each page. */
  rounds: number;
  warm: boolean;
  pages: RacePage[];
  /** Pages Firefox does not offer Reader View for (not "readerable"): not raced, counted. */
  refused: string[];
  /** Pages that could not be loaded or raced at all, with the reason. */
  errors: { id: string; error: string }[];
  skipped: string[];
  /** 1-minute load average at the start and at the end of the race. */
  loadAverage: [number, number] | null;
}

export interface RatioStat {
  /** Pages with a ratio (both sides measured). */
  n: number;
  p50: number | null;
  p95: number | null;
}

const median = (xs: number[]) => percentile(xs, 0.5);

/** A page's time for one contender: the median of its samples, null with none. */
export function pageMs(page: RacePage, who: Contender): number | null {
  return median(page.samples[who]);
}

/** Sift's contender (popup or reader) over Firefox Reader View, page by page (pages with both sides). */
export function pageRatios(pages: RacePage[], sift: Exclude<Contender, 'firefox'>): { id: string; ratio: number }[] {
  const out: { id: string; ratio: number }[] = [];
  for (const page of pages) {
    const s = pageMs(page, sift);
    const f = pageMs(page, 'firefox');
    if (s != null && f != null && f > 0) out.push({ id: page.id, ratio: s / f });
  }
  return out;
}

export function ratioStat(pages: RacePage[], sift: Exclude<Contender, 'firefox'>): RatioStat {
  const ratios = pageRatios(pages, sift).map((r) => r.ratio);
  return { n: ratios.length, p50: percentile(ratios, 0.5), p95: percentile(ratios, 0.95) };
}

/** Per contender: p50 of the pages' medians, and how many rounds ran out of time or failed. */
export function contenderSummary(pages: RacePage[], who: Contender): { p50: number | null; failed: number } {
  const ms = pages.map((p) => pageMs(p, who)).filter((v): v is number => v != null);
  return { p50: median(ms), failed: pages.reduce((n, p) => n + (p.failures[who]?.length ?? 0), 0) };
}

/** The p50 over pages of each page's median phase times (null where none): the profile's figures. */
export function phaseSummary(pages: RacePage[], who: Contender): { docMs: number | null; firstPaintMs: number | null } {
  const per = (pick: (x: { docMs: number; firstPaintMs: number | null }) => number | null) =>
    median(pages.map((p) => median(p.phases[who].map(pick).filter((v): v is number => v != null))).filter((v): v is number => v != null));
  return { docMs: per((x) => x.docMs), firstPaintMs: per((x) => x.firstPaintMs) };
}

export const lateCount = (pages: RacePage[]) => pages.reduce((n, p) => n + Object.values(p.late).reduce((a, b) => a + (b ?? 0), 0), 0);
