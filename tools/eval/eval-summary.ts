// The scored pages folded into figures: related precision and recall, detection accuracy,
// badge agreement; for all pages, a side of the split or a fold.
import type { PageResult } from './score-page';

export interface Related {
  precision: number;
  recall: number;
  f1: number;
  found: number;
  correct: number;
  expected: number;
  hits: number;
}

export function relatedOf(results: PageResult[]): Related {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const found = sum((r) => r.found);
  const correct = sum((r) => r.hits + r.optionalHits);
  const hits = sum((r) => r.hits);
  const expected = sum((r) => r.expected);
  const precision = found ? correct / found : 1;
  const recall = expected ? hits / expected : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, found, correct, expected, hits };
}

/** The figures of one group of pages (a side of the split, a fold): related, detection, sites. */
export interface GroupSummary {
  pages: number;
  sites: number;
  related: Related;
  detection: { accuracy: number | null; scored: number };
}

export function groupOf(results: PageResult[]): GroupSummary {
  return {
    pages: results.length,
    sites: new Set(results.map((r) => r.site)).size,
    related: relatedOf(results),
    detection: {
      accuracy: results.length ? results.filter((r) => r.detection).length / results.length : null,
      scored: results.length,
    },
  };
}

export interface BadgeSummary {
  /** Pages labelled articles, and those where the badge's count equals the popup's. */
  pages: number;
  agreeing: number;
  agreement: number | null;
  disagreements: { id: string; badge: number | null; popup: number | null }[];
}

export function badgeOf(results: PageResult[]): BadgeSummary {
  const scored = results.filter((r) => r.badge);
  const agrees = (r: PageResult) => r.badge!.badge !== null && r.badge!.badge === r.badge!.popup;
  const agreeing = scored.filter(agrees).length;
  return {
    pages: scored.length,
    agreeing,
    agreement: scored.length ? agreeing / scored.length : null,
    disagreements: scored.filter((r) => !agrees(r)).map((r) => ({ id: r.id, ...r.badge! })),
  };
}

export interface Summary extends GroupSummary {
  title: { correct: number; scored: number };
  mustContain: { missing: number; total: number };
  mustNotContain: { present: number; total: number };
  badge: BadgeSummary;
}

export function summarise(results: PageResult[]): Summary {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const titled = results.filter((r) => r.titleOk !== undefined);
  return {
    ...groupOf(results),
    title: { correct: titled.filter((r) => r.titleOk).length, scored: titled.length },
    mustContain: { missing: sum((r) => r.mustContainMissing.length), total: sum((r) => r.mustContain) },
    mustNotContain: { present: sum((r) => r.mustNotContainPresent.length), total: sum((r) => r.mustNotContain) },
    badge: badgeOf(results),
  };
}
