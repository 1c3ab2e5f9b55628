// `npm run eval`'s text: each page's misses, then the badge disagreements, the split, the folds
// and the totals; the last line is the one the header of eval.ts describes.
import { formatRelevance, type summariseRelevance } from './relevance-eval';
import type { GroupSummary, Summary } from './eval-summary';
import type { PageResult, Split } from './score-page';

export interface EvalRun {
  results: PageResult[];
  summary: Summary;
  relevance: ReturnType<typeof summariseRelevance>;
  bySplit: Record<Split, GroupSummary>;
  folds: Array<GroupSummary & { fold: number }>;
  /** eval-browser.ts's disagreements, with --browser. */
  browserLines: string[];
  quiet: boolean;
}

const f3 = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3));

export function printEval(run: EvalRun): string[] {
  return [...pageLines(run), ...run.browserLines, ...badgeLines(run), ...splitLines(run), ...totalLines(run)];
}

/** Each page with something wrong (unless --quiet), then the kinds of error met. */
function pageLines({ results, quiet }: EvalRun): string[] {
  const out: string[] = [];
  const errorKinds = new Set<string>();
  for (const r of results) {
    const lines: string[] = [];
    for (const h of r.missed) lines.push(`  missed  ${h}`);
    for (const h of r.extra) lines.push(`  extra   ${h}`);
    if (!r.detection) lines.push(`  detection wrong (is_article=${r.isArticle})`);
    if (r.titleOk === false) lines.push(`  title wrong: got ${JSON.stringify(r.titleGot)}`);
    for (const p of r.mustContainMissing) lines.push(`  must-contain missing: ${p}`);
    for (const p of r.mustNotContainPresent) lines.push(`  must-not-contain present: ${p}`);
    for (const e of r.errors) errorKinds.add(e);
    if (lines.length && !quiet) {
      out.push(`${r.id} [${r.split}, ${r.site}] related ${r.hits}/${r.expected} (+${r.optionalHits} optional, ${r.extra.length} extra)`);
      out.push(lines.join('\n'));
    }
  }
  for (const e of errorKinds) out.push(`error (counted as failure): ${e}`);
  return out;
}

function badgeLines({ summary: { badge }, quiet }: EvalRun): string[] {
  if (quiet || !badge.disagreements.length) return [];
  const width = Math.max(...badge.disagreements.map((d) => d.id.length));
  return [
    `badge != popup on ${badge.disagreements.length} of ${badge.pages} pages labelled articles ` +
      '(badge: detect(ON_PAGE_LOAD).relatedCount; popup: items of extract().related):',
    ...badge.disagreements.map((d) => `  ${d.id.padEnd(width)}  badge=${d.badge ?? 'error'} popup=${d.popup ?? 'error'}`),
  ];
}

function splitLines({ bySplit, folds }: EvalRun): string[] {
  const out = ['site-grouped split (FNV-1a of the site, ~30% of sites held out; no site on both sides):'];
  for (const s of ['tune', 'holdout'] as const) {
    const g = bySplit[s];
    if (!g.pages) continue;
    const r = g.related;
    out.push(
      `  ${s.padEnd(7)} related P=${f3(r.precision)} R=${f3(r.recall)} F1=${f3(r.f1)} | detect acc=${f3(g.detection.accuracy)} | ` +
        `sites=${g.sites} pages=${g.pages} (found ${r.found}, correct ${r.correct}, expected ${r.expected})`,
    );
  }
  out.push(
    `site-grouped 5-fold (site hash % 5; rules, nothing trained: the spread): ` +
      folds
        .map((f) =>
          f.pages ? `${f.fold}: P=${f3(f.related.precision)} R=${f3(f.related.recall)} (${f.sites} sites, ${f.pages} pages)` : `${f.fold}: no pages`,
        )
        .join(' | '),
  );
  return out;
}

function totalLines({ summary, relevance }: EvalRun): string[] {
  const { related: rel, detection, title, mustContain, mustNotContain, badge } = summary;
  const out = [`related found ${rel.found}, correct ${rel.correct}, hits ${rel.hits} of ${rel.expected}`];
  if (title.scored) {
    out.push(
      `article title ${title.correct}/${title.scored}, must-contain missing ${mustContain.missing}/${mustContain.total}, ` +
        `must-not-contain present ${mustNotContain.present}/${mustNotContain.total}`,
    );
  }
  out.push(`badge agrees with popup on ${badge.agreeing} of ${badge.pages} pages labelled articles`);
  out.push(
    `related P=${f3(rel.precision)} R=${f3(rel.recall)} F1=${f3(rel.f1)} | detect acc=${f3(detection.accuracy)} | ` +
      `pages=${summary.pages} | badge agree=${f3(badge.agreement)} | ${formatRelevance(relevance)}`,
  );
  return out;
}
