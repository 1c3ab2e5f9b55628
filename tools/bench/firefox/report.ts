// The Firefox race's section of the text report: each page's three times and its two ratios.
import { fmtMs, fmtX } from '../format';
import { pageMs, pageRatios, phaseSummary, ratioStat, type FirefoxRace } from './ratios';

export function raceLines(race: FirefoxRace): string[] {
  const out: string[] = [];
  const p = (line = '') => out.push(line);
  p('Firefox race: the user\'s action → the title painted (Reader View\'s button, Sift\'s popup, Sift\'s shortcut)');
  if (race.status !== 'ok') {
    p(`  n/a: ${race.reason}`);
    return out;
  }
  p(`  Firefox ${race.firefoxVersion}; ${race.warm ? 'one untimed round first, then ' : ''}${race.rounds} timed round(s) a page, each from a fresh load; ` +
    `load average ${race.loadAverage?.join(' → ') ?? 'n/a'}`);
  for (const s of race.skipped) p(`  (${s})`);
  const popup = new Map(pageRatios(race.pages, 'popup').map((r) => [r.id, r.ratio]));
  const reader = new Map(pageRatios(race.pages, 'reader').map((r) => [r.id, r.ratio]));
  p(`  ${'page'.padEnd(44)}${'Reader View'.padStart(12)}${'popup'.padStart(10)}${'reader'.padStart(10)}${'popup/RV'.padStart(10)}${'reader/RV'.padStart(10)}`);
  for (const pg of race.pages) {
    const fails = Object.entries(pg.failures).map(([who, f]) => `${who}: ${f!.join(', ')}`).join('; ');
    p(`  ${`${pg.id} (${pg.lang})`.slice(0, 43).padEnd(44)}${fmtMs(pageMs(pg, 'firefox')).padStart(12)}${fmtMs(pageMs(pg, 'popup')).padStart(10)}` +
      `${fmtMs(pageMs(pg, 'reader')).padStart(10)}${fmtX(popup.get(pg.id)).padStart(10)}${fmtX(reader.get(pg.id)).padStart(10)}${fails ? `  (${fails})` : ''}`);
  }
  for (const sift of ['popup', 'reader'] as const) {
    const r = ratioStat(race.pages, sift);
    p(`  ${sift} / Reader View over ${r.n} pages: p50 ${fmtX(r.p50)}, p95 ${fmtX(r.p95)}`);
  }
  // The profile: from the action, the showing document's start and first paint (its own clock).
  const rv = phaseSummary(race.pages, 'firefox');
  const pu = phaseSummary(race.pages, 'popup');
  p(`  where the time goes (p50 over pages, from the action): Reader View's about:reader starts at ${fmtMs(rv.docMs)} (the page serialised and parsed in a worker before it), ` +
    `first paint ${fmtMs(rv.firstPaintMs)}; Sift's popup page starts at ${fmtMs(pu.docMs)}, first paint (skeleton) ${fmtMs(pu.firstPaintMs)}, the rest is the page read and shown`);
  const late = Object.entries(race.pages.reduce<Record<string, number>>((acc, pg) => {
    for (const [who, n] of Object.entries(pg.late)) acc[who] = (acc[who] ?? 0) + (n ?? 0);
    return acc;
  }, {}));
  if (late.length) p(`  seen only after the title was up (upper bounds): ${late.map(([who, n]) => `${who} ${n}`).join(', ')}`);
  if (race.refused.length) p(`  refused by Reader View (not readerable), not raced: ${race.refused.join(', ')}`);
  for (const e of race.errors) p(`  failed: ${e.id}: ${e.error}`);
  return out;
}
