// Where Sift's time goes in Firefox (issue 16, "Race the anchor"): Sift's extract() against
// Readability.parse, timed inside firefox-esr on the race's pages, in two worlds:
// - "xray": a sandbox with Xray wrappers, as Firefox runs a content script (and so the extractor);
// - "page": no Xrays, as the page's own scripts (and a worker's plain objects) see the DOM.
// The gap between the two is what Firefox's content-script wrappers cost Sift's extractor.
//
//   npx tsx tools/bench/firefox/profile-extract.ts [--only REGEX] [--pages N]
import { buildPageBundle } from '../../chromium/pages';
import { findFirefox, launchFirefox } from '../../../tests/support/firefox-launch';
import { stat } from '../stats';
import { racePages, serveRacePages } from './pages';

const QUICK = { batchMs: 2, samples: 3, budgetMs: 150, warmMs: 10 };

async function main() {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? new RegExp(argv[argv.indexOf('--only') + 1]) : null;
  const max = argv.includes('--pages') ? Number(argv[argv.indexOf('--pages') + 1]) : 12;
  const binary = findFirefox();
  if (!binary) throw new Error('firefox-esr is not installed');
  const { pages } = racePages(15, only);
  const chosen = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / max)) === 0).slice(0, max);
  const bundle = await buildPageBundle();
  const server = await serveRacePages(chosen);
  const firefox = await launchFirefox(binary, server.port);
  const m = firefox.marionette;
  const worlds = { xray: 'sift-profile', page: undefined } as const;
  const rows: Record<keyof typeof worlds, { parse: number[]; extract: number[]; ratio: number[] }> = {
    xray: { parse: [], extract: [], ratio: [] },
    page: { parse: [], extract: [], ratio: [] },
  };
  try {
    for (const src of chosen) {
      const line: string[] = [src.id.padEnd(44)];
      for (const [world, sandbox] of Object.entries(worlds) as [keyof typeof worlds, string | undefined][]) {
        await m.command('WebDriver:Navigate', { url: server.origin + src.path });
        const { value } = await m.command<{ value: { parse: number | null; extract: number | null; ratio: number | null } }>('WebDriver:ExecuteScript', {
          script: `${bundle};\nconst r = globalThis.__siftBench.measurePage(location.href, arguments[0]);\n` +
            `return { parse: r.timings.readabilityParse.ms, extract: r.timings.extract.ms, ratio: r.ratios.extractVsReadabilityParse };`,
          args: [QUICK],
          ...(sandbox ? { sandbox, newSandbox: true } : {}),
        });
        if (value.parse != null) rows[world].parse.push(value.parse);
        if (value.extract != null) rows[world].extract.push(value.extract);
        if (value.ratio != null) rows[world].ratio.push(value.ratio);
        line.push(`${world}: parse ${value.parse?.toFixed(1)} ms, extract ${value.extract?.toFixed(1)} ms (${value.ratio?.toFixed(2)}x)`);
      }
      process.stdout.write(`${line.join('  ')}\n`);
    }
  } finally {
    await firefox.close();
    await server.close();
  }
  for (const [world, r] of Object.entries(rows)) {
    const p = (xs: number[]) => stat(xs).p50?.toFixed(2);
    process.stdout.write(`${world}: p50 Readability.parse ${p(r.parse)} ms, extract ${p(r.extract)} ms, extract/parse ${p(r.ratio)}x (${r.ratio.length} pages)\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
