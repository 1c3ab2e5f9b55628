// Issue 16's goal against Firefox's own Reader View, as two rows of the budget table
// (../budgets.ts): Sift's popup and Sift's reader mode, each at or below Firefox Reader View on
// the p50 of the per-page ratios Sift / Firefox (the user's action to the title painted). The
// p95, the pages, what was refused or timed out, and the load average go in the note.
import type { FigureRow, Judged } from '../budgets';
import { fmtMs, fmtX } from '../format';
import { contenderSummary, lateCount, ratioStat, type FirefoxRace } from './ratios';

type Sift = 'popup' | 'reader';

/** Why the race's rows cannot be judged in this run: it did not run, or no page has both sides. */
export function raceUnavailable(race: FirefoxRace, sift: Sift): { note: string } | null {
  if (race.status !== 'ok') return { note: race.reason ?? 'not run' };
  if (!ratioStat(race.pages, sift).n) return { note: `no page with both sides measured${raceCounts(race, sift)}` };
  return null;
}

/** "; 3 pages refused by Reader View, 1 timeout (popup)…": what the p50 leaves out. */
function raceCounts(race: FirefoxRace, sift: Sift): string {
  const parts: string[] = [];
  if (race.refused.length) parts.push(`${race.refused.length} refused by Reader View (not readerable)`);
  if (race.errors.length) parts.push(`${race.errors.length} failed (${race.errors[0].id}: ${race.errors[0].error})`);
  for (const who of ['firefox', sift] as const) {
    const { failed } = contenderSummary(race.pages, who);
    if (failed) parts.push(`${failed} ${who} opening(s) timed out or failed`);
  }
  return parts.length ? `; ${parts.join(', ')}` : '';
}

export function raceNote(race: FirefoxRace, sift: Sift): string {
  const r = ratioStat(race.pages, sift);
  const late = lateCount(race.pages);
  return (
    `p95 ${fmtX(r.p95)}, ${r.n} pages; p50 of page medians: ${sift} ${fmtMs(contenderSummary(race.pages, sift).p50)}, ` +
    `Reader View ${fmtMs(contenderSummary(race.pages, 'firefox').p50)}` +
    raceCounts(race, sift) +
    (late ? `; ${late} sample(s) seen only after the title was up (upper bounds)` : '') +
    (race.loadAverage ? `; load ${race.loadAverage[0]} → ${race.loadAverage[1]}` : '')
  );
}

const row = (sift: Sift, what: string): FigureRow => ({
  id: `firefox-${sift}`,
  what,
  limit: '<= 1x',
  unavailable: (m: Judged) => raceUnavailable(m.firefox, sift),
  figure: (m: Judged) => ratioStat(m.firefox.pages, sift).p50,
  pass: (v) => v <= 1,
  show: fmtX,
  note: (m: Judged) => raceNote(m.firefox, sift),
});

export const FIREFOX_BUDGETS: FigureRow[] = [
  row('popup', 'Firefox race: Sift popup / Reader View, p50 of page ratios'),
  row('reader', 'Firefox race: Sift reader mode / Reader View, p50 of page ratios'),
];
