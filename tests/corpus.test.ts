// One test per labelled page of ../shared/corpus/pages and tests/fixtures: the summary of what
// ships, lib/extract/index.ts's extract() (its detection and related items), must equal
// tests/corpus/expected/<id>.json. That file is OUR output, reviewed and committed; the labels
// are scored separately by `npm run eval`.
// A missing expected file fails. Regenerate on purpose with
//   UPDATE_EXPECTED=1 npx vitest run tests/corpus.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extract } from '../lib/extract/index';
import { listPageDirs, loadPage } from './support/load-page';
import { CORPUS_PAGES, FIXTURES, ROOT } from './support/paths';

const EXPECTED = join(ROOT, 'tests/corpus/expected');
const UPDATE = process.env.UPDATE_EXPECTED === '1';

interface Summary {
  isArticle: boolean;
  related: { heading: string; items: { url: string; title: string }[] }[];
}

async function summarise(dir: string): Promise<Summary> {
  const page = loadPage(dir);
  try {
    const extraction = extract(page.document, page.url);
    return {
      isArticle: extraction.detection.isArticle,
      related: extraction.related.map((b) => ({
        heading: b.heading,
        items: b.items.map((i) => ({ url: i.url, title: i.title })),
      })),
    };
  } finally {
    await page.close();
  }
}

async function check(dir: string) {
  const id = basename(dir);
  const file = resolve(EXPECTED, `${id}.json`);
  const got = await summarise(dir);
  if (UPDATE) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`no expected result for ${id}: review the output and run UPDATE_EXPECTED=1 npx vitest run tests/corpus.test.ts`);
  }
  expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const ids = (dirs: string[]) => dirs.map((d) => [basename(d), d] as const);

describe.skipIf(!existsSync(CORPUS_PAGES))('corpus pages (../shared/corpus/pages)', () => {
  test.each(ids(listPageDirs(CORPUS_PAGES)))('%s', async (_id, dir) => check(dir));
});
if (!existsSync(CORPUS_PAGES)) console.warn(`corpus.test: ${CORPUS_PAGES} is absent; only tests/fixtures run`);

describe('fixtures (tests/fixtures)', () => {
  test.each(ids(listPageDirs(FIXTURES)))('%s', async (_id, dir) => check(dir));
});
