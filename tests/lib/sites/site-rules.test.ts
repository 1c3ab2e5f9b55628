// Per-site choices and rules (issue 19): rules are data (a selector and an action), bounded, and an
// import file is checked whole: any bad part refuses it with what was wrong.
import { describe, expect, it } from 'vitest';
import {
  exportSites,
  MAX_RULES_PER_SITE,
  MAX_SELECTOR_LENGTH,
  normalizeSites,
  parseImport,
  patternHosts,
  selectorParses,
  siteKey,
  sitePatterns,
  validSelector,
  withSite,
  type SiteTable,
} from '@/lib/sites/site-rules';

const parses = (s: string) => selectorParses(document, s);
const file = (sites: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'sift-sites', version: 1, sites, ...extra });

describe('sites', () => {
  it('keys a page by its lower-cased hostname, http(s) only', () => {
    expect(siteKey('https://News.Example.COM/a?b#c')).toBe('news.example.com');
    expect(siteKey('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteKey('file:///etc/passwd')).toBeNull();
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });

  it('asks for both schemes of one host, every path', () => {
    expect(sitePatterns('news.example.com')).toEqual(['http://news.example.com/*', 'https://news.example.com/*']);
  });

  it('reads the hosts back from the patterns the browser reports granted, and nothing else', () => {
    expect(patternHosts(sitePatterns('News.example.com'))).toEqual(['news.example.com']);
    expect(patternHosts(['https://a.test/*', 'http://b.test/*', 'https://a.test/*'])).toEqual(['a.test', 'b.test']);
    expect(patternHosts(['<all_urls>', 'https://*/*', '*://c.test/*', 'https://d.test/path/*', 'file:///*', 'https://bad host/*'])).toEqual([]);
    expect(patternHosts(undefined)).toEqual([]);
  });

  it('drops what is not valid from storage, and sites left with nothing', () => {
    const raw = {
      'a.example': { auto: true, rules: [{ action: 'remove', selector: '.ad' }, { action: 'eval', selector: 'x' }, { action: 'article', selector: '' }] },
      'b.example': { auto: false, rules: [] },
      'bad host/': { auto: true, rules: [] },
      'c.example': 'nope',
    };
    expect(normalizeSites(raw)).toEqual({ 'a.example': { auto: true, rules: [{ action: 'remove', selector: '.ad' }] } });
    expect(normalizeSites(null)).toEqual({});
    expect(normalizeSites([1, 2])).toEqual({});
  });

  it('keeps one rule per selector, the newest, and at most the limit', () => {
    let table: SiteTable = {};
    for (let i = 0; i < MAX_RULES_PER_SITE + 5; i++) table = withSite(table, 'a.example', (p) => ({ ...p, rules: [...p.rules, { action: 'remove', selector: `.r${i}` }] }));
    table = withSite(table, 'a.example', (p) => ({ ...p, rules: [...p.rules, { action: 'article', selector: '.r10' }] }));
    const rules = table['a.example'].rules;
    expect(rules).toHaveLength(MAX_RULES_PER_SITE);
    expect(rules.at(-1)).toEqual({ action: 'article', selector: '.r10' });
    expect(rules.filter((r) => r.selector === '.r10')).toHaveLength(1);
    expect(withSite(table, 'a.example', () => ({ auto: false, rules: [] }))).toEqual({});
  });

  it('takes a selector only as one bounded line of CSS', () => {
    expect(validSelector('article.story > div:nth-of-type(2)', parses)).toBe(true);
    expect(validSelector('x'.repeat(MAX_SELECTOR_LENGTH + 1), parses)).toBe(false);
    expect(validSelector('div\n.ad', parses)).toBe(false);
    expect(validSelector(' .ad', parses)).toBe(false);
    expect(validSelector('div[', parses)).toBe(false);
    expect(validSelector('alert(1)//', parses)).toBe(false);
    expect(validSelector(42, parses)).toBe(false);
  });
});

describe('import', () => {
  const good: SiteTable = { 'news.example.com': { auto: true, rules: [{ action: 'remove', selector: 'aside.promo' }] }, 'blog.example.org': { auto: false, rules: [{ action: 'article', selector: 'main article' }] } };

  it('reads back what export wrote', () => {
    expect(parseImport(exportSites(good), parses)).toEqual({ ok: true, sites: good });
  });

  it.each([
    ['not JSON', '{"format":', 'not-json'],
    ['another JSON file', JSON.stringify({ name: 'x' }), 'not-sift'],
    ['a newer version', file(good, { version: 2 }), 'not-sift'],
    ['sites as a list', file([good]), 'not-sift'],
    ['a bad host', file({ 'javascript:alert(1)': { auto: true, rules: [] } }), 'bad-site'],
    ['an unknown field', file({ 'a.example': { auto: true, rules: [], script: 'x' } }), 'bad-site'],
    ['auto not a boolean', file({ 'a.example': { auto: 'yes', rules: [] } }), 'bad-site'],
    ['too many rules', file({ 'a.example': { auto: false, rules: Array.from({ length: MAX_RULES_PER_SITE + 1 }, (_, i) => ({ action: 'remove', selector: `.r${i}` })) } }), 'bad-site'],
    ['an unknown action', file({ 'a.example': { auto: false, rules: [{ action: 'run', selector: '.x' }] } }), 'bad-rule'],
    ['a selector that is not CSS', file({ 'a.example': { auto: false, rules: [{ action: 'remove', selector: 'div[' }] } }), 'bad-rule'],
    ['code in a rule', file({ 'a.example': { auto: false, rules: [{ action: 'remove', selector: '.x', code: 'alert(1)' }] } }), 'bad-rule'],
    ['a huge file', 'x'.repeat(600 * 1024), 'too-large'],
  ])('refuses %s whole', (_name, text, error) => {
    const result = parseImport(text, parses);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ error });
  });

  it('names the site and the rule that is wrong', () => {
    const text = file({ 'a.example': { auto: false, rules: [{ action: 'remove', selector: '.ok' }, { action: 'remove', selector: '' }] } });
    expect(parseImport(text, parses)).toEqual({ ok: false, error: 'bad-rule', site: 'a.example', index: 1 });
  });
});
