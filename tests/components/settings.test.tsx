import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsPanel } from '@/components/Settings';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import { en } from './locale';

beforeEach(() => fakeBrowser.reset());

describe('settings storage', () => {
  it('gives the defaults before anything was saved', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps what was saved and tells watchers', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    const next: Settings = { theme: 'sepia', fontSize: 21, contentWidth: 'wide', fontFamily: 'serif', relatedPageOrder: true, showSummaries: true };
    await saveSettings(next);
    expect(await loadSettings()).toEqual(next);
    expect(seen.at(-1)).toEqual(next);
    unwatch();
  });

  it('repairs a bad or partial stored value field by field', () => {
    expect(normalizeSettings({ theme: 'neon', fontSize: 400, contentWidth: 'wide' })).toEqual({
      ...DEFAULT_SETTINGS,
      fontSize: 26,
      contentWidth: 'wide',
    });
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ fontSize: Number.NaN })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('SettingsPanel', () => {
  function mount(settings: Settings) {
    const root = document.createElement('div');
    document.body.append(root);
    const onChange = vi.fn();
    act(() => render(<SettingsPanel settings={settings} onChange={onChange} t={en} />, root));
    return { root, onChange };
  }

  it('reports each change at once, with the other settings kept', () => {
    const { root, onChange } = mount(DEFAULT_SETTINGS);
    const dark = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((i) => i.value === 'dark')!;
    act(() => dark.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'dark' });
    act(() => root.querySelector<HTMLButtonElement>('button[aria-label="Larger text"]')!.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, fontSize: DEFAULT_SETTINGS.fontSize + 1 });
  });

  it('stops the size buttons at the limits', () => {
    const { root } = mount({ ...DEFAULT_SETTINGS, fontSize: 26 });
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Larger text"]')!.disabled).toBe(true);
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Smaller text"]')!.disabled).toBe(false);
  });
});
