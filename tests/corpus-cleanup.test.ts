// Clutter lines on real pages (issue 17.3): editor and source credits, info lines, copyright and
// newsletter lines are gone from the article, and the text the labels say it holds is still there.
// Reads ../shared/corpus/pages in place (never copied here); skipped with a message when absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extract } from '../lib/extract/index';
import { loadHtml, loadPage } from './support/load-page';
import { CORPUS_PAGES } from './support/paths';

const present = existsSync(CORPUS_PAGES);
if (!present) console.warn(`corpus-cleanup.test: ${CORPUS_PAGES} is absent; its tests are skipped`);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!present)('clutter lines on corpus pages (../shared/corpus/pages)', () => {
  test.each([
    ['gne-163-8', '责任编辑：李曦'],
    ['gne-sina-1', '责任编辑：张迪'],
    ['ia-yunnan-9890f458', '责任编辑：孙重远'],
    ['ia-sohu-33a95b71', '责任编辑：魏喆'],
    ['gne-cjn-1', '【编辑：姚昊】'],
    ['readability-gmw', '[责任编辑:肖春芳]'],
    ['gne-zyyfy-1', '浏览：'],
    ['aeb-entermedia-lj-ryu-hwayoung', 'Copyright ⓒ Entermedia'],
    // A copyright line between <br>s in the text flow, no element of its own.
    ['aeb-entermedia-lj-ryu-hwayoung', '무단전재 및 재배포금지'],
    ['readability-breitbart', 'SIGN UP FOR OUR NEWSLETTER'],
  ])('%s: no "%s" line, the labelled text kept', async (id, gone) => {
    const page = loadPage(resolve(CORPUS_PAGES, id));
    try {
      const article = extract(page.document, page.url).article!;
      expect(article).not.toBeNull();
      const { window, document } = loadHtml(`<body>${article.contentHtml}</body>`, page.url);
      const text = squash(document.body.textContent ?? '');
      await window.happyDOM.close();
      expect(text.replace(/\s/g, '')).not.toContain(gone.replace(/\s/g, ''));
      for (const phrase of page.labels.article_must_contain ?? []) expect(text).toContain(squash(phrase));
    } finally {
      await page.close();
    }
  });
});
