// `npm run bench`: Sift's detection and extraction timed inside Debian's Chromium on every
// corpus page (page scripts off, no network), against Readability's own isProbablyReaderable
// and parse(); the sizes of what ships; the popup's open-to-article time; and the budgets of
// issue 4, each with PASS/FAIL. A benchmark, not a test: it never fails `npm test`.
//
//   npm run bench [-- --corpus DIR ...] [--json] [--save FILE] [--quick] [--no-build] [--only REGEX] [--firefox | --firefox-only]
//
// Three steps, one file each: measure.ts (every figure, no verdict), judge.ts (the budget table
// of budgets.ts against them: PASS/FAIL lines), report.ts (JSON, and text by report-text.ts).
import { writeFileSync } from 'node:fs';
import { parseArgs } from './args';
import { judge } from './judge';
import { measure } from './measure';
import { buildReport, writeReport } from './report';
import { summarise } from './summarise';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const measurements = await measure(args);
  const summary = summarise(measurements.rows);
  const budgets = judge({ ...measurements, ...summary });
  const report = buildReport(args, measurements, summary, budgets);
  if (args.save) writeFileSync(args.save, `${JSON.stringify(report, null, 2)}\n`);
  writeReport(report, summary, args.json);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
