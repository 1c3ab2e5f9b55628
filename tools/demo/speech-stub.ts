// A speech engine that records what it is asked to say, for the read-aloud browser test and the
// demo's picture (issue 18): headless Chromium has no voices, with or without Debian's
// speech-dispatcher and espeak-ng. It replaces speechSynthesis in Sift's isolated world only
// (where reader mode runs), through the DevTools protocol; the page's own world is left alone.
import type { CDPSession, Page } from 'playwright-core';

export interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

/**
 * The script that installs it in Sift's isolated world, with voices for `voiceLangs`. Plain
 * JavaScript in a string: a function's source would carry the transpiler's helpers (tsx's __name).
 */
export function speechStub(voiceLangs: string[]): string {
  return `(() => {
  const voices = ${JSON.stringify(voiceLangs)}.map((lang) => ({ name: 'Test ' + lang, lang, voiceURI: 'test-' + lang, default: false, localService: true }));
  class Utterance extends EventTarget {
    constructor(text) {
      super();
      Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1, onend: null, onerror: null });
    }
  }
  const record = { spoken: [], cancels: 0, current: null };
  const synth = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(u) {
      record.spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null });
      record.current = u;
    },
    cancel() {
      record.cancels++;
      const u = record.current;
      record.current = null;
      if (u && u.onerror) u.onerror(Object.assign(new Event('error'), { error: 'interrupted' }));
    },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, '__speech', {
    configurable: true,
    value: {
      record,
      finish() {
        const u = record.current;
        record.current = null;
        if (u && u.onend) u.onend(new Event('end'));
      },
      // The highlighted text (CSS Custom Highlight API) and whether it is on screen, below the reader's bar.
      highlighted() {
        const highlight = CSS.highlights.get('sift-speaking');
        const range = highlight ? [...highlight][0] : undefined;
        if (!range) return null;
        const rect = range.getBoundingClientRect();
        const bar = document.querySelector('sift-reader').shadowRoot.querySelector('.sift-bar').getBoundingClientRect();
        return { text: range.toString(), inView: rect.top >= bar.bottom - 1 && rect.bottom <= window.innerHeight + 1 };
      },
    },
  });
})()`;
}

/** A handle on Sift's isolated world in `page`'s main frame (the content script made it on load). */
export async function siftWorld(page: Page, extensionId: string, timeout: number): Promise<{ run: <T>(expression: string) => Promise<T>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const find = () => contexts.find((c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.type === 'isolated');
  // The contexts that exist are reported right after Runtime.enable.
  for (const end = Date.now() + timeout; !find() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 50));
  const world = find();
  if (!world) throw new Error(`no isolated world of ${extensionId} in ${page.url()}`);
  const run = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  };
  return { run, cdp };
}

