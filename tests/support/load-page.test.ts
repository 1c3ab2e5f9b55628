// The site-grouped tune/holdout split of `npm run eval` (tests/support/load-page.ts): pages are
// grouped by the site they come from, and a site is wholly on one side.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHoldout, listPageDirs, readLabels, registrableDomain, siteFold, siteOf } from './load-page';
import { CORPUS_PAGES, FIXTURES } from './paths';


describe('siteOf', () => {
  it('is the name of the registrable domain of labels.url', () => {
    expect(siteOf('gne-sina-1', { url: 'https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml' })).toBe('sina');
    expect(siteOf('x', { url: 'https://www.bbc.co.uk/news/uk-1' })).toBe('bbc');
    expect(siteOf('y', { url: 'https://www.bbc.com/news/world-1' })).toBe('bbc');
    expect(siteOf('x', { url: 'https://www.nytimes.com/2017/01/13/world/a.html' })).toBe('nytimes');
    expect(siteOf('x', { url: 'https://news.sky.com/story/1' })).toBe('sky');
    expect(siteOf('x', { url: 'https://www1.folha.uol.com.br/esporte/1.shtml' })).toBe('uol');
    expect(siteOf('x', { url: 'http://headlines.yahoo.co.jp/hl?a=1' })).toBe('yahoo');
    expect(siteOf('x', { url: 'http://www.heraldsun.com.au/news/1' })).toBe('heraldsun');
    expect(siteOf('x', { url: 'https://sport.aktualne.cz/fotbal/1' })).toBe('aktualne');
    expect(siteOf('x', { url: 'http://mp.weixin.qq.com/s?a=1' })).toBe('qq');
    expect(siteOf('x', { url: 'https://EXAMPLE.com:8080/a' })).toBe('example');
  });

  it('keeps three labels only for a generic second level under a 2-letter country code', () => {
    // "co" before a 3-letter top level, and a non-generic second level before a country code.
    expect(registrableDomain('a.b.co.com')).toBe('co.com');
    expect(registrableDomain('news.bbc.de')).toBe('bbc.de');
    expect(registrableDomain('a.ac.uk')).toBe('a.ac.uk');
    expect(registrableDomain('co.uk')).toBe('co.uk');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('localhost')).toBe('localhost');
  });

  it('falls back to the second token of the id when there is no http(s) URL', () => {
    expect(siteOf('gne-sina-1', { url: null })).toBe('sina');
    expect(siteOf('ia-sohu-33a95b71', { url: null })).toBe('sohu');
    expect(siteOf('ia-sohu-33a95b71', { url: null })).toBe(siteOf('ia-sohu-d8d4c4ec', { url: 'https://www.sohu.com/a/1' }));
    expect(siteOf('gne-other-1', { url: 'file:///tmp/page.html' })).toBe('other');
    expect(siteOf('gne-other-1', { url: 'not a url' })).toBe('other');
    expect(siteOf('solo', { url: null })).toBe('solo');
  });

  it("keeps a Readability test page's whole id", () => {
    expect(siteOf('readability-base-url', { url: null })).toBe('readability-base-url');
    expect(siteOf('readability-base-url-base-element', { url: null })).toBe('readability-base-url-base-element');
    expect(siteOf('readability-001', { url: null })).toBe('readability-001');
    // With a URL, its site: the Readability pages of one site are grouped.
    expect(siteOf('readability-medium-1', { url: 'https://medium.com/@a/b' })).toBe('medium');
  });
});

describe('isHoldout / siteFold', () => {
  const sites = Array.from({ length: 300 }, (_, i) => `https://www.site${i}.com/`);

  it('depends on the site only, never on the page id', () => {
    for (const url of sites.slice(0, 20)) {
      const sides = new Set(Array.from({ length: 20 }, (_, i) => isHoldout(`page-${i}`, { url: `${url}story/${i}.html` })));
      const folds = new Set(Array.from({ length: 20 }, (_, i) => siteFold(`page-${i}`, { url: `${url}story/${i}.html` })));
      expect(sides.size).toBe(1);
      expect(folds.size).toBe(1);
    }
    // Without a URL the pages of one id prefix are one site.
    expect(isHoldout('gne-sina-1', { url: null })).toBe(isHoldout('gne-sina-2', { url: null }));
  });

  it('holds out about 30% of sites, and spreads them over 5 folds', () => {
    const held = sites.filter((url) => isHoldout('p', { url })).length / sites.length;
    expect(held).toBeGreaterThan(0.2);
    expect(held).toBeLessThan(0.4);
    const folds = [0, 0, 0, 0, 0];
    for (const url of sites) folds[siteFold('p', { url })]++;
    for (const n of folds) expect(n).toBeGreaterThan(30);
  });
});

function splitOf(dirs: string[]) {
  const sides = new Map<string, Set<'tune' | 'holdout'>>();
  for (const dir of dirs) {
    const id = basename(dir);
    const labels = readLabels(dir);
    const site = siteOf(id, labels);
    if (!sides.has(site)) sides.set(site, new Set());
    sides.get(site)!.add(isHoldout(id, labels) ? 'holdout' : 'tune');
  }
  return sides;
}

describe('the split of the fixtures (tests/fixtures)', () => {
  it('puts the two kjzx365.com pages on one side', () => {
    const sides = splitOf(listPageDirs(FIXTURES));
    expect(sides.get('kjzx365')?.size).toBe(1);
    for (const [site, s] of sides) expect([...s], site).toHaveLength(1);
  });
});

describe.skipIf(!existsSync(CORPUS_PAGES))('the split of the corpus (../shared/corpus/pages)', () => {
  it('puts no site on both sides, and both sides have sites', () => {
    const dirs = [...listPageDirs(CORPUS_PAGES), ...listPageDirs(FIXTURES)];
    const sides = splitOf(dirs);
    const both = [...sides].filter(([, s]) => s.size > 1).map(([site]) => site);
    expect(both).toEqual([]);
    const holdoutSites = [...sides.values()].filter((s) => s.has('holdout')).length;
    expect(holdoutSites).toBeGreaterThan(sides.size * 0.2);
    expect(holdoutSites).toBeLessThan(sides.size * 0.4);
    // Pages of one site that the id-hash split used to scatter are grouped now.
    const nytimes = dirs.filter((d) => basename(d).startsWith('readability-nytimes-'));
    if (nytimes.length) expect(new Set(nytimes.map((d) => siteOf(basename(d), readLabels(d))))).toEqual(new Set(['nytimes']));
  });
});
if (!existsSync(CORPUS_PAGES)) console.warn(`load-page.test: ${CORPUS_PAGES} (../shared/corpus/pages) is absent; the corpus split test is skipped`);
