import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsPanel } from '@/components/Settings';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import { en } from '../support/locale';

beforeEach(() => fakeBrowser.reset());

describe('settings storage', () => {
  it('gives the defaults before anything was saved', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps what was saved and tells watchers', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    const next: Settings = { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 21, contentWidth: 'wide', fontFamily: 'serif', relatedPageOrder: true, showSummaries: true, badge: 'dot', lineSpacing: 2, letterSpacing: 0.1, paragraphSpacing: 1.5, justify: true, speechRate: 1.5, speechVoice: 'x' };
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
    expect(normalizeSettings({ badge: 'blink' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ badge: 'off' })).toEqual({ ...DEFAULT_SETTINGS, badge: 'off' });
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

  it('offers the badge as a count, a dot or nothing, and says what it means', () => {
    const { root, onChange } = mount(DEFAULT_SETTINGS);
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((i) => i.closest('fieldset')?.querySelector('legend')?.textContent === 'Toolbar badge');
    expect(radios.map((r) => [r.value, r.closest('label')?.textContent, r.checked])).toEqual([
      ['count', 'Count', true],
      ['dot', 'Dot only', false],
      ['off', 'Off', false],
    ]);
    act(() => radios[2].click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, badge: 'off' });
    expect(root.textContent).toContain("the number on Sift's button counts the page's related items");
  });

  it('switches the related list to page order and shows summaries, kept with the other settings', () => {
    const { root, onChange } = mount(DEFAULT_SETTINGS);
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const byLabel = (text: string) => boxes.find((b) => b.closest('label')?.textContent === text)!;
    act(() => byLabel('Show related items in page order').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, relatedPageOrder: true });
    act(() => byLabel('Show summaries').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, showSummaries: true });
    expect(normalizeSettings({ relatedPageOrder: 'yes', showSummaries: true })).toEqual({ ...DEFAULT_SETTINGS, showSummaries: true });
  });

  it('clears the marks on request and says so', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onClearMarks = vi.fn(() => Promise.resolve());
    act(() => render(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={() => {}} t={en} onClearMarks={onClearMarks} />, root));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear my marks and reading positions')!;
    await act(async () => button.click());
    expect(onClearMarks).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.querySelector('.sift-clear-marks output')?.textContent).toBe('Marks and reading positions cleared'));
  });

  it('stops the size buttons at the limits', () => {
    const { root } = mount({ ...DEFAULT_SETTINGS, fontSize: 26 });
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Larger text"]')!.disabled).toBe(true);
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Smaller text"]')!.disabled).toBe(false);
  });
});
