// The reader's "Related / Not related" marks: per site, bounded, local storage only.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_MARKED_SITES,
  MAX_MARKS_PER_SITE,
  clearMarks,
  loadSiteMarks,
  normalizeMarks,
  saveMark,
  siteOf,
  watchSiteMarks,
  withMark,
  type MarksStore,
} from '@/lib/reader/related-marks';

beforeEach(() => fakeBrowser.reset());

describe('withMark', () => {
  it('keeps marks per site and takes one back with null', () => {
    let store: MarksStore = {};
    store = withMark(store, 'a.example', 'https://a.example/1', 'off', 1);
    store = withMark(store, 'b.example', 'https://b.example/1', 'on', 2);
    expect(store['a.example'].marks).toEqual({ 'https://a.example/1': 'off' });
    expect(store['b.example'].marks).toEqual({ 'https://b.example/1': 'on' });
    store = withMark(store, 'a.example', 'https://a.example/1', null, 3);
    expect(store['a.example']).toBeUndefined();
  });

  it('drops the oldest marks of a site and the sites used longest ago beyond the bounds', () => {
    let store: MarksStore = {};
    for (let i = 0; i <= MAX_MARKS_PER_SITE; i++) store = withMark(store, 's', `https://s/${i}`, 'off', i);
    const urls = Object.keys(store.s.marks);
    expect(urls).toHaveLength(MAX_MARKS_PER_SITE);
    expect(urls).not.toContain('https://s/0');
    for (let i = 0; i <= MAX_MARKED_SITES; i++) store = withMark(store, `site${i}`, 'https://x/', 'on', 1000 + i);
    expect(Object.keys(store)).toHaveLength(MAX_MARKED_SITES);
    expect(store.s).toBeUndefined(); // the site marked longest ago
    expect(store[`site${MAX_MARKED_SITES}`]).toBeDefined();
  });

  it('does not change the store it is given', () => {
    const store: MarksStore = { s: { at: 1, marks: { u: 'on' } } };
    withMark(store, 's', 'u', 'off', 2);
    expect(store).toEqual({ s: { at: 1, marks: { u: 'on' } } });
  });
});

describe('stored marks', () => {
  it('reads back what was saved, for its site only, and clears everything', async () => {
    await saveMark('a.example', 'https://a.example/1', 'off');
    await saveMark('a.example', 'https://a.example/2', 'on');
    expect(await loadSiteMarks('a.example')).toEqual({ 'https://a.example/1': 'off', 'https://a.example/2': 'on' });
    expect(await loadSiteMarks('b.example')).toEqual({});
    // local storage, never sync
    expect(Object.keys(await fakeBrowser.storage.local.get())).toEqual(['relatedMarks']);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    await clearMarks();
    expect(await loadSiteMarks('a.example')).toEqual({});
  });

  it('keeps both of two marks made at once', async () => {
    await Promise.all([saveMark('s', 'u1', 'off'), saveMark('s', 'u2', 'off')]);
    expect(await loadSiteMarks('s')).toEqual({ u1: 'off', u2: 'off' });
  });

  it('tells watchers of its site', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSiteMarks('s', (m) => seen.push(m));
    await saveMark('s', 'u', 'off');
    await expect.poll(() => seen.at(-1)).toEqual({ u: 'off' });
    unwatch();
  });

  it('repairs a bad stored value', () => {
    expect(normalizeMarks('garbage')).toEqual({});
    expect(normalizeMarks({ s: { at: 5, marks: { u: 'maybe', v: 'on' } }, t: null })).toEqual({ s: { at: 5, marks: { v: 'on' } } });
  });
});

describe('siteOf', () => {
  it('is the hostname', () => {
    expect(siteOf('https://News.Example.com:8080/a/b.html?x=1')).toBe('news.example.com');
    expect(siteOf('not a url')).toBe('');
  });
});
