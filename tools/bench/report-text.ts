// The bench's report as text: one section a job (the pages, the 5 MB page, what ships, the
// popup, the budgets), each a list of lines.
import { OPS, type OpName } from '../in-page/index';
import { fmtKB, fmtMB, fmtMs, fmtTask, fmtX, KB } from './format';
import { raceLines } from './firefox/report';
import type { Report } from './report';
import type { Summary } from './summarise';

type Lines = string[];

export function printReport(report: Report, s: Summary): Lines {
  return [
    ...header(report, s),
    '',
    ...perPage(s),
    '',
    ...perPageRatios(report, s),
    '',
    ...hugePage(report),
    '',
    ...shipped(report),
    '',
    ...popupSection(report),
    '',
    ...raceLines(report.firefox),
    '',
    ...budgetLines(report),
  ];
}

function header(report: Report, s: Summary): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  p(`Sift Reader benchmark — ${report.date}, Chromium ${report.chromium.version}, ${s.measured.length} pages measured` +
    (report.loadErrors.length ? `, ${report.loadErrors.length} failed to load` : ''));
  p(`  machine: ${report.machine.cpus} CPUs, load average ${report.machine.loadAverage1m} (figures are noisy when it exceeds the CPU count)`);
  for (const skipped of report.skipped) p(`  (${skipped})`);
  p(`  corpora: ${report.corpora.map((c) => `${c.dir} (${c.pages})`).join(', ')}`);
  return out;
}

const LABELS: Record<OpName, string> = {
  treeWalker: 'TreeWalker pass (floor)',
  isProbablyReaderable: 'Readability isProbablyReaderable',
  detect: 'Sift detect (load path)',
  readabilityParse: 'Readability.parse on a clone',
  extract: 'Sift extract (article+related+sanitise)',
};

function perPage({ ops, phaseNames, phases }: Summary): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  p('Per page, in the page (warm median of repeated calls; "first" = the cold first call)');
  p(`  ${'operation'.padEnd(34)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'max'.padStart(11)}${'first p50'.padStart(12)}${'first p95'.padStart(12)}  errors`);
  for (const op of OPS) {
    const o = ops[op];
    p(`  ${LABELS[op].padEnd(34)}${fmtMs(o.p50).padStart(11)}${fmtMs(o.p95).padStart(11)}${fmtMs(o.max).padStart(11)}` +
      `${fmtMs(o.firstCall.p50).padStart(12)}${fmtMs(o.firstCall.p95).padStart(12)}  ${o.errors}${o.firstError ? ` (${o.firstError})` : ''}`);
  }
  if (phaseNames.length) {
    p('  parts, timed on their own:');
    for (const name of phaseNames) {
      const o = phases[name];
      p(`    ${name.padEnd(32)}${fmtMs(o.p50).padStart(11)}${fmtMs(o.p95).padStart(11)}${fmtMs(o.max).padStart(11)}${''.padStart(24)}  ${o.errors}`);
    }
  }
  return out;
}

function perPageRatios(report: Report, { ratios, mutated }: Summary): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  p('Per-page ratios');
  for (const [label, r] of [
    ['Sift detect / isProbablyReaderable', ratios.detectVsIsProbablyReaderable],
    ['Sift extract / Readability.parse', ratios.extractVsReadabilityParse],
  ] as const) {
    p(`  ${label.padEnd(36)} p50 ${fmtX(r.p50)}  p95 ${fmtX(r.p95)}  (n=${r.n})` +
      (r.worst.length ? `  worst: ${r.worst.map((w) => `${w.id} ${w.ratio}x`).join(', ')}` : ''));
  }
  for (const op of ['detect', 'extract'] as const) {
    const list = report.slowest[op];
    if (list.length) p(`  slowest ${op}: ${list.map((x) => `${x.id} ${fmtMs(x.ms)} (${x.elements} el.)`).join(', ')}`);
  }
  if (mutated.length) p(`  !! Sift changed the document on: ${mutated.join(', ')}`);
  for (const e of report.loadErrors) p(`  !! ${e.id}: ${e.error}`);
  return out;
}

function hugePage(report: Report): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  const huge = report.hugePage;
  const hugeOk = 'error' in huge ? null : huge;
  p('Generated 5 MB page');
  if (hugeOk) {
    p(`  ${(hugeOk.bytes / KB / KB).toFixed(2)} MB, ${hugeOk.elements} elements; detect ${fmtMs(hugeOk.detect.ms)} (first call ${fmtMs(hugeOk.detect.firstMs)})` +
      `${hugeOk.detect.error ? ` [${hugeOk.detect.error}]` : ''}; isProbablyReaderable ${fmtMs(hugeOk.isProbablyReaderable.ms)}; ` +
      `extract ${hugeOk.extractMs != null ? fmtMs(hugeOk.extractMs) : `did not complete (${hugeOk.extractError})`}`);
    p(`  detect says isArticle=${hugeOk.detectIsArticle}, isProbablyReaderable=${hugeOk.readerable}; extraction: ` +
      `${hugeOk.extractTextLength ? `${hugeOk.extractTextLength} characters of article` : 'no article'}, ${hugeOk.relatedItems ?? 0} related items`);
    const parts = Object.entries(hugeOk.phases ?? {});
    if (parts.length) p(`  parts of detect: ${parts.map(([n, t]) => `${n.replace(/^detect[:,] /, '')} ${fmtMs(t.ms)}`).join(', ')}`);
  } else p(`  failed: ${(huge as { error: string }).error}`);
  return out;
}

function shipped(report: Report): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  const sizes = report.sizes;
  const sz = 'error' in sizes ? null : sizes;
  p('Shipped JS (chrome-mv3)');
  if (sz) {
    for (const [label, g] of [
      ['every page (content scripts)', sz.everyPage],
      ['lazily loaded (extractor…)', sz.lazy],
      ['popup', sz.popup],
      ['background', sz.background],
    ] as const) {
      p(`  ${label.padEnd(30)} ${fmtKB(g.bytes).padStart(9)} min  ${fmtKB(g.gzip).padStart(9)} gzip  ${g.files.map((f) => `${f.file} ${fmtKB(f.bytes)}`).join(', ') || '(none)'}`);
      if (g.sources.length && g !== sz.background) {
        p(`      from: ${g.sources.slice(0, 8).map((x) => `${x.source} ${fmtKB(x.chars)}`).join(', ')}`);
      }
    }
  } else p(`  n/a: ${(sizes as { error: string }).error.split('\n')[0]}`);
  return out;
}

function popupSection(report: Report): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  const popup = report.popup;
  p('Popup: open → article painted');
  if (popup.status === 'ok') {
    for (const pg of popup.pages) {
      p(`  ${pg.id}: ${pg.samples.map((s) => s.toFixed(0)).join(', ')} ms (p50 ${fmtMs(pg.p50)}; first paint at p50 ${fmtMs(pg.firstPaintP50)}; page's answer in the popup at p50 ${fmtMs(pg.answerP50)}; first opening ${fmtMs(pg.coldMs)}, later ones (cached) p50 ${fmtMs(pg.warmP50)})`);
      p(`    first openings, each after a reload: ${pg.coldSamples.map((s) => s.toFixed(0)).join(', ')} ms (p50 ${fmtMs(pg.coldP50)})` +
        (pg.emptyInjectionP50 != null ? `; an empty script injected into the page and answered: p50 ${fmtMs(pg.emptyInjectionP50)}` : ''));
    }
    p(`  all samples: p50 ${fmtMs(popup.p50)}  p95 ${fmtMs(popup.p95)}; later (cached) openings: p50 ${fmtMs(popup.warmP50)}  p95 ${fmtMs(popup.warmP95)}`);
    p(`  floor: an empty extension page opened the same way paints its first frame at p50 ${fmtMs(popup.floorP50)}, p95 ${fmtMs(popup.floorP95)} (the browser's first page of the extension, before them: ${fmtMs(popup.floorFirst)})`);
    p(`  bare: the same articles in a page with the popup's CSS and no framework, sanitiser or message (one fetch, innerHTML), opened in turn with the popup: title painted at p50 ${fmtMs(popup.bareP50)}, p95 ${fmtMs(popup.bareP95)} (${popup.pages.map((pg) => `${pg.id} p50 ${fmtMs(pg.bareP50)}`).join(', ')})`);
  } else p(`  n/a: ${popup.reason}`);
  if (popup.status === 'ok' && popup.progress) {
    const pr = popup.progress;
    p(`  ${pr.page} (${pr.note}): skeleton painted, "still reading" shown, page's answer, title painted; the click on Settings sent while the page was read, its input delay`);
    for (const o of pr.openings) {
      p(`    ${fmtMs(o.skeletonAt)}, ${fmtMs(o.wordsAt)}, ${fmtMs(o.answerAt)}, ${fmtMs(o.paintedAt)}; click at ${fmtMs(o.clickAt)}, delay ${fmtMs(o.inputDelayMs)}` +
        `${o.answeredClickWhileReading ? ', Settings opened before the answer' : ', Settings did not open before the answer'}; ` +
        `popup's longest task ${fmtTask(o.longestTaskBeforeAnswer)} before the answer, ${fmtTask(o.longestTaskAfterAnswer)} after`);
    }
  }
  if (popup.status === 'ok') {
    for (const w of popup.workerHeap) {
      p(`  service worker JS heap after GC, ${w.when}: ` +
        (w.usedBytes != null ? `${fmtMB(w.usedBytes)} used of ${fmtMB(w.totalBytes!)}` : w.note));
    }
  }
  if (popup.heap) p(`  50 reader on/off cycles: heap ${fmtKB(popup.heap.beforeBytes)} → ${fmtKB(popup.heap.afterBytes)}, growth ${fmtKB(popup.heap.growthBytes)} (${popup.heap.note})`);
  return out;
}

function budgetLines({ budgets }: Report): Lines {
  const out: Lines = [];
  const p = (line = '') => out.push(line);
  p('Budgets (issue 4, with issue 16\'s in place of two of them)');
  for (const b of budgets) {
    p(`  ${b.status.padEnd(5)} ${b.name.padEnd(52)} ${b.value.padStart(10)}  (${b.limit})${b.note ? `  — ${b.note}` : ''}`);
  }
  return out;
}
