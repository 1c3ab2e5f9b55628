// Typography settings (issue 18): stored values checked and stepped, the CSS custom properties
// they become, the panel's sliders, and the stylesheet rules that use them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SettingsPanel } from '@/components/Settings';
import { SiftRoot } from '@/components/SiftRoot';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/lib/settings';
import { typographyVars } from '@/lib/reader/typography';
import { en, zh } from '../support/locale';
import { ROOT } from '../support/paths';

const CSS = readFileSync(join(ROOT, 'components', 'reader.css'), 'utf8');

describe('typography settings as stored', () => {
  it('defaults to the look Sift had before: line height 1.75, 1em paragraphs, no letter spacing, ragged right', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ lineSpacing: 1.75, letterSpacing: 0, paragraphSpacing: 1, justify: false });
    expect(CSS).toMatch(/line-height: var\(--sift-line-height, 1\.75\)/);
    expect(CSS).toMatch(/margin-block-end: var\(--sift-paragraph-spacing, 1em\)/);
  });

  it('keeps values within range and on their step, and repairs bad ones', () => {
    expect(normalizeSettings({ lineSpacing: 9, letterSpacing: -1, paragraphSpacing: 1.3 })).toMatchObject({
      lineSpacing: 2.4,
      letterSpacing: 0,
      paragraphSpacing: 1.25,
    });
    expect(normalizeSettings({ lineSpacing: 1.7500000001, letterSpacing: 0.049 })).toMatchObject({ lineSpacing: 1.75, letterSpacing: 0.05 });
    expect(normalizeSettings({ lineSpacing: 'tall', letterSpacing: Number.NaN, justify: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ justify: true, fontFamily: 'kai' })).toEqual({ ...DEFAULT_SETTINGS, justify: true, fontFamily: 'kai' });
    expect(normalizeSettings({ fontFamily: 'comic' }).fontFamily).toBe(DEFAULT_SETTINGS.fontFamily);
  });

  it('keeps the speech rate to the offered rates and the voice to a bounded string', () => {
    expect(normalizeSettings({ speechRate: 1.5, speechVoice: 'Google 普通话（中国大陆）' })).toMatchObject({ speechRate: 1.5, speechVoice: 'Google 普通话（中国大陆）' });
    expect(normalizeSettings({ speechRate: 7, speechVoice: 'x'.repeat(301) })).toMatchObject({ speechRate: 1, speechVoice: '' });
  });
});

describe('typography as CSS', () => {
  it('turns the settings into custom properties, letter spacing 0 being the face\'s own', () => {
    expect(typographyVars({ lineSpacing: 2, letterSpacing: 0.08, paragraphSpacing: 1.5 })).toEqual({
      '--sift-line-height': '2',
      '--sift-letter-spacing': '0.08em',
      '--sift-paragraph-spacing': '1.5em',
    });
    expect(typographyVars(DEFAULT_SETTINGS)['--sift-letter-spacing']).toBe('normal');
  });

  it('sets them, the width and justification on the reader root', () => {
    const root = document.createElement('div');
    const settings: Settings = { ...DEFAULT_SETTINGS, lineSpacing: 2.2, letterSpacing: 0.1, paragraphSpacing: 2, justify: true, contentWidth: 'wide' };
    act(() => render(<SiftRoot settings={settings}>x</SiftRoot>, root));
    const sift = root.querySelector<HTMLElement>('.sift')!;
    expect(sift.style.getPropertyValue('--sift-line-height')).toBe('2.2');
    expect(sift.style.getPropertyValue('--sift-letter-spacing')).toBe('0.1em');
    expect(sift.style.getPropertyValue('--sift-paragraph-spacing')).toBe('2em');
    expect(sift.dataset.justify).toBe('true');
    expect(sift.dataset.width).toBe('wide');
    act(() => render(<SiftRoot settings={DEFAULT_SETTINGS}>x</SiftRoot>, root));
    expect(sift.dataset.justify).toBeUndefined();
  });

  it('justifies CJK between characters with strict line breaking, Latin between words, never headings or code', () => {
    expect(CSS).toMatch(/\[data-justify='true'\] \.sift-body \{ text-align: justify; text-justify: inter-word;/);
    expect(CSS).toMatch(/:is\(:lang\(zh\), :lang\(ja\)\) \{ text-justify: inter-character; line-break: strict;/);
    expect(CSS).toMatch(/\.sift-body :is\(h1, h2, h3, h4, h5, h6, pre, figcaption, th, td\) \{ text-align: start; \}/);
  });

  it('gives the Kai preset a CJK face and a Latin face for every CJK language, and a Latin one first elsewhere', () => {
    const kai = (selector: string) => CSS.match(new RegExp(`${selector.replace(/[()[\]]/g, '\\$&')} \\{ --sift-kai: ([^;]+);`))?.[1] ?? '';
    expect(kai('.sift').split(',')[0]).toBe("'Palatino Linotype'");
    expect(kai('.sift')).toContain('KaiTi');
    expect(kai(':where(.sift) :where(:lang(zh))')).toMatch(/^'Kaiti SC'.*serif$/);
    expect(kai(':where(.sift) :where(:lang(ja))')).toMatch(/^YuKyokasho.*'Noto Serif CJK JP'/);
    expect(kai(':where(.sift) :where(:lang(ko))')).toContain('Noto Serif CJK KR');
  });
});

describe('the spacing controls', () => {
  function mount(settings: Settings, t = en) {
    const root = document.createElement('div');
    document.body.append(root);
    const onChange = vi.fn();
    act(() => render(<SettingsPanel settings={settings} onChange={onChange} t={t} />, root));
    return { root, onChange };
  }
  const slider = (root: Element, label: string) => {
    const id = [...root.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor;
    return root.querySelector<HTMLInputElement>(`input[id="${id}"]`)!;
  };

  it('labels each slider, shows its value, and reports a change at once with the other settings kept', () => {
    const { root, onChange } = mount(DEFAULT_SETTINGS);
    const letter = slider(root, 'Letter spacing');
    expect(letter.type).toBe('range');
    expect([letter.min, letter.max, letter.step]).toEqual(['0', '0.3', '0.01']);
    letter.value = '0.05';
    act(() => void letter.dispatchEvent(new Event('input', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, letterSpacing: 0.05 });
    const line = slider(root, 'Line spacing');
    line.value = '2.1';
    act(() => void line.dispatchEvent(new Event('input', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, lineSpacing: 2.1 });
    const paragraph = slider(root, 'Paragraph spacing');
    expect(paragraph.getAttribute('aria-valuetext')).toBe('1.00 em');
    paragraph.value = '2';
    act(() => void paragraph.dispatchEvent(new Event('input', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, paragraphSpacing: 2 });
    const justify = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((b) => b.closest('label')?.textContent === 'Justify text')!;
    act(() => justify.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, justify: true });
  });

  it('offers the Kai preset and speaks Chinese in a Chinese interface', () => {
    const { root, onChange } = mount(DEFAULT_SETTINGS, zh);
    expect(slider(root, '字间距').type).toBe('range');
    expect(root.textContent).toContain('行距');
    expect(root.textContent).toContain('段间距');
    expect(root.textContent).toContain('两端对齐');
    const kai = root.querySelector<HTMLInputElement>('input[type=radio][value=kai]')!;
    expect(kai.closest('label')!.textContent).toBe('楷体');
    act(() => kai.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, fontFamily: 'kai' });
  });
});
