// Reading positions: per article URL, bounded, local storage only, cleared with the marks.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_POSITIONS,
  loadPosition,
  normalizePositions,
  positionKey,
  savePosition,
  withPosition,
  type PositionStore,
} from '@/lib/reader/reading-position';
import { saveMark, loadSiteMarks } from '@/lib/reader/related-marks';
import { clearReaderData } from '@/lib/clear-data';

beforeEach(() => fakeBrowser.reset());

describe('withPosition', () => {
  it(`keeps at most ${MAX_POSITIONS} articles, dropping the ones saved longest ago`, () => {
    let store: PositionStore = {};
    for (let i = 0; i < MAX_POSITIONS + 25; i++) store = withPosition(store, `https://a.example/${i}`, 0.5, 1000 + i);
    const keys = Object.keys(store);
    expect(keys).toHaveLength(MAX_POSITIONS);
    expect(store['https://a.example/0']).toBeUndefined();
    expect(store['https://a.example/24']).toBeUndefined();
    expect(store['https://a.example/25']).toEqual({ at: 0.5, saved: 1025 });
    // Saving an old article again makes it the newest: it outlives the next eviction.
    store = withPosition(store, 'https://a.example/25', 0.7, 5000);
    store = withPosition(store, 'https://b.example/new', 0.1, 5001);
    expect(store['https://a.example/25']).toEqual({ at: 0.7, saved: 5000 });
    expect(store['https://a.example/26']).toBeUndefined();
    expect(Object.keys(store)).toHaveLength(MAX_POSITIONS);
  });

  it('clamps to the article and does not change the store it is given', () => {
    const store: PositionStore = { u: { at: 0.2, saved: 1 } };
    expect(withPosition(store, 'u', 3, 2).u.at).toBe(1);
    expect(withPosition(store, 'u', -1, 2).u.at).toBe(0);
    expect(store).toEqual({ u: { at: 0.2, saved: 1 } });
  });

  it('reads a damaged store as what is usable in it', () => {
    expect(normalizePositions({ a: { at: 0.3, saved: 2 }, b: { at: 'x' }, c: null, d: { at: 7 } })).toEqual({
      a: { at: 0.3, saved: 2 },
      d: { at: 1, saved: 0 },
    });
    expect(normalizePositions('junk')).toEqual({});
  });
});

describe('positionKey', () => {
  it('is the URL without its fragment, and only for http(s)', () => {
    expect(positionKey('https://a.example/x?id=1#comments')).toBe('https://a.example/x?id=1');
    expect(positionKey('file:///tmp/a.html')).toBe('');
    expect(positionKey('not a url')).toBe('');
  });
});

describe('stored positions', () => {
  it('reads back what was saved for that article, in local storage only', async () => {
    await savePosition('https://a.example/1#top', 0.42);
    expect(await loadPosition('https://a.example/1')).toBe(0.42);
    expect(await loadPosition('https://a.example/2')).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.local.get())).toEqual(['readingPositions']);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('keeps both of two saves made at once', async () => {
    await Promise.all([savePosition('https://a.example/1', 0.1), savePosition('https://a.example/2', 0.2)]);
    expect(await loadPosition('https://a.example/1')).toBe(0.1);
    expect(await loadPosition('https://a.example/2')).toBe(0.2);
  });

  it('is cleared with the related marks', async () => {
    await savePosition('https://a.example/1', 0.5);
    await saveMark('a.example', 'https://a.example/2', 'off');
    const scrolledAt = Date.now() - 10;
    await clearReaderData();
    expect(await loadPosition('https://a.example/1')).toBeNull();
    // A save of a scroll made before the clearing, landing after it, is dropped.
    await savePosition('https://a.example/1', 0.6, scrolledAt);
    expect(await loadPosition('https://a.example/1')).toBeNull();
    expect(await loadSiteMarks('a.example')).toEqual({});
  });
});
