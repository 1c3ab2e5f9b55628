// Read aloud (issue 18) in happy-dom with a fake speech engine: the utterances it is given, the
// controls, the voice list by the article's language and the no-voice message. (The browser test
// tests/e2e/read-aloud.test.ts checks the same in Chromium, with the CSS highlight.)
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadAloud } from '@/components/ReadAloud';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { en, zh } from '../support/locale';

class FakeUtterance extends EventTarget {
  lang = '';
  voice: { name: string } | null = null;
  rate = 1;
  onend: ((event: unknown) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(public text: string) {
    super();
  }
}

class FakeSynth extends EventTarget {
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  constructor(public voices: { name: string; lang: string; voiceURI: string; default: boolean }[]) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    this.spoken.push(u);
    this.current = u;
  }
  cancel() {
    const u = this.current;
    this.current = null;
    u?.onerror?.({ error: 'interrupted' });
  }
  /** The current utterance is done. */
  finish() {
    const u = this.current;
    this.current = null;
    act(() => u?.onend?.({}));
  }
}

const VOICES = [
  { name: 'English', lang: 'en-US', voiceURI: 'en-voice', default: true },
  { name: 'Mandarin', lang: 'zh-CN', voiceURI: 'zh-voice', default: false },
  { name: 'Taiwan', lang: 'zh-TW', voiceURI: 'tw-voice', default: false },
];

let synth: FakeSynth;
beforeEach(() => {
  synth = new FakeSynth(VOICES);
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function mount({ lang = 'zh-CN', t = en, autoStart = false, html }: { lang?: string; t?: typeof en; autoStart?: boolean; html?: string } = {}) {
  const page = document.createElement('div');
  page.innerHTML =
    html ??
    `<article class="sift-article" lang="${lang}"><header><h1 class="sift-title">标题在这里</h1><p class="sift-meta">example.com · 3 分钟</p></header>
     <div class="sift-body"><p>第一句话。第二句话！</p><pre>code()</pre><p>第三句话？</p></div></article>`;
  const controls = document.createElement('div');
  document.body.append(page, controls);
  const saved: Settings[] = [];
  function Harness() {
    const [settings, setSettings] = useState(DEFAULT_SETTINGS);
    return (
      <ReadAloud
        article={() => page.querySelector('.sift-article')}
        lang={lang}
        settings={settings}
        onSettings={(next) => (saved.push(next), setSettings(next))}
        t={t}
        autoStart={autoStart}
      />
    );
  }
  act(() => render(<Harness />, controls));
  const button = (name: string) => [...controls.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.replace(/^[▶❚\s]+/, '').trim()) === name)!;
  return { page, controls, saved, button, unmount: () => act(() => render(null, controls)) };
}

describe('ReadAloud', () => {
  it('reads the title and the text sentence by sentence, not the meta line or code, in the article language', () => {
    const { page, button } = mount();
    act(() => button('Play').click());
    expect(synth.spoken.map((u) => u.text)).toEqual(['标题在这里']);
    expect(synth.spoken[0].lang).toBe('zh-CN');
    expect(synth.spoken[0].voice?.name).toBe('Mandarin');
    expect(page.querySelector('.sift-speaking-block')?.textContent).toBe('标题在这里');
    for (let i = 0; i < 3; i++) synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual(['标题在这里', '第一句话。', '第二句话！', '第三句话？']);
    expect(page.querySelector('.sift-speaking-block')?.textContent).toBe('第三句话？');
    synth.finish();
    // The end: back to Play, nothing highlighted.
    expect(button('Play')).toBeTruthy();
    expect(page.querySelector('.sift-speaking-block')).toBeNull();
  });

  it('pauses and goes on from the same sentence; previous and next move by one sentence', () => {
    const { button, controls } = mount();
    act(() => button('Play').click());
    synth.finish();
    act(() => button('Pause').click());
    expect(synth.current).toBeNull();
    expect(controls.textContent).toContain('Sentence 2 of 4');
    act(() => button('Play').click());
    expect(synth.spoken.at(-1)!.text).toBe('第一句话。');
    act(() => button('Next sentence').click());
    expect(synth.spoken.at(-1)!.text).toBe('第二句话！');
    act(() => button('Previous sentence').click());
    act(() => button('Previous sentence').click());
    expect(synth.spoken.at(-1)!.text).toBe('标题在这里');
    // The interrupted utterances did not move the reading on by themselves.
    expect(synth.spoken.length).toBe(6);
  });

  it('keeps the speed and the voice as settings, and the sentence being read starts again with them', () => {
    const { controls, saved, button } = mount();
    const [rate, voices] = [...controls.querySelectorAll('select')];
    expect([...voices.options].map((o) => o.textContent)).toEqual(['Automatic (Mandarin)', 'Mandarin', 'Taiwan']);
    act(() => button('Play').click());
    rate.value = '1.5';
    act(() => void rate.dispatchEvent(new Event('change', { bubbles: true })));
    expect(saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, speechRate: 1.5 });
    expect(synth.spoken.at(-1)).toMatchObject({ text: '标题在这里', rate: 1.5 });
    voices.value = 'tw-voice';
    act(() => void voices.dispatchEvent(new Event('change', { bubbles: true })));
    expect(saved.at(-1)).toMatchObject({ speechVoice: 'tw-voice' });
    expect(synth.spoken.at(-1)!.voice?.name).toBe('Taiwan');
  });

  it('says so, in the interface language, when the system has no voice for the article language', () => {
    synth.voices = VOICES.filter((v) => !v.lang.startsWith('zh'));
    const { controls, button } = mount({ t: zh });
    expect(controls.querySelector('[role=status]')!.textContent).toContain('本系统没有');
    expect(button('播放').disabled).toBe(true);
    expect(controls.querySelectorAll('select')[1].disabled).toBe(true);
  });

  it('starts by itself when asked (the popup\'s Listen), and stops when closed', () => {
    const { unmount } = mount({ autoStart: true });
    expect(synth.spoken.map((u) => u.text)).toEqual(['标题在这里']);
    unmount();
    expect(synth.current).toBeNull();
  });

  it('asks for a click when the browser refuses to speak without one', () => {
    const { controls, button } = mount({ autoStart: true });
    act(() => synth.current!.onerror!({ error: 'not-allowed' }));
    expect(controls.querySelector('[role=status]')!.textContent).toBe('The browser wants a click before it speaks: press Play.');
    expect(button('Play').disabled).toBe(false);
  });
});
