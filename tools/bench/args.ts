// `npm run bench`'s command line (the header of bench.ts lists it).
import { resolve } from 'node:path';
import { CORPUS_PAGES, FIXTURES } from '../../tests/support/paths';

const DEFAULT_CORPORA = [CORPUS_PAGES, FIXTURES];

export interface Args {
  corpora: string[];
  json: boolean;
  /** Also write the JSON report to this file. */
  save: string | null;
  quick: boolean;
  build: boolean;
  only: RegExp | null;
  /** Issue 16's race against Firefox's Reader View (tools/bench/firefox/race.ts), after the rest. */
  firefox: boolean;
  /** The Firefox race alone: the Chromium parts are skipped (their budgets print n/a). */
  firefoxOnly: boolean;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { corpora: [], json: false, save: null, quick: false, build: true, only: null, firefox: false, firefoxOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') args.corpora.push(resolve(argv[++i] ?? ''));
    else if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--save') args.save = resolve(argv[++i] ?? 'bench.json');
    else if (a === '--no-build') args.build = false;
    else if (a === '--only') args.only = new RegExp(argv[++i] ?? '');
    else if (a === '--firefox') args.firefox = true;
    else if (a === '--firefox-only') args.firefox = args.firefoxOnly = true;
    else throw new Error(`unknown argument ${a} (see the header of tools/bench/bench.ts)`);
  }
  if (!args.corpora.length) args.corpora = DEFAULT_CORPORA;
  return args;
}
