// Issue 16: the popup's modules define their storage items as they load, and a WXT storage item
// reads its value from the browser the moment it is defined. The popup's first frame needs only
// the settings: the other items (the sites, the marks, the reading positions, the export options)
// must not cost a storage round trip each before it paints; they are read when first used.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  vi.resetModules();
});

/** Every storage read from now on, as "area:key". */
function watchReads(): { list: () => string[] } {
  const spies = (['local', 'sync', 'session'] as const).map((area) => [area, vi.spyOn(fakeBrowser.storage[area], 'get')] as const);
  return { list: () => spies.flatMap(([area, spy]) => spy.mock.calls.map((call) => `${area}:${String(call[0])}`)) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('storage items', () => {
  it('read nothing when their modules load', async () => {
    const reads = watchReads();
    await import('@/lib/settings');
    await import('@/lib/reader/related-marks');
    await import('@/lib/reader/reading-position');
    await import('@/lib/export/export-options');
    await settle();
    expect(reads.list()).toEqual([]);
  });

  it('read their own value when used, and keep working as before', async () => {
    const reads = watchReads();
    const { loadSettings, saveSettings, watchSettings, DEFAULT_SETTINGS, loadSites } = await import('@/lib/settings');
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await settle();
    expect(reads.list()).toEqual(['sync:settings']);
    const seen: number[] = [];
    const unwatch = watchSettings((s) => seen.push(s.fontSize));
    await saveSettings({ ...DEFAULT_SETTINGS, fontSize: 20 });
    await settle();
    expect((await loadSettings()).fontSize).toBe(20);
    expect(seen).toEqual([20]);
    unwatch();
    expect(await loadSites()).toEqual({});
    expect(reads.list()).toContain('local:sites');
  });
});
