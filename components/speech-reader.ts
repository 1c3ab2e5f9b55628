// Reads sentences aloud with the Web Speech API (issue 18), one utterance per sentence, so the
// sentence being read can be highlighted and Previous / Next move by sentences. Pausing cancels
// and remembers the sentence: speechSynthesis.pause() does nothing on Chrome for Linux and stops
// for good on Android, while speaking the sentence again always works.
import type { SpokenSentence } from './speech-text';

/** The name of the highlight in CSS.highlights; reader.css styles ::highlight(sift-speaking). */
export const SPEAKING_HIGHLIGHT = 'sift-speaking';

export type SpeechProblem = 'blocked' | 'failed';

export interface SpeechState {
  index: number;
  playing: boolean;
  problem?: { kind: SpeechProblem; detail?: string };
}

export interface SpeechOptions {
  lang?: string;
  voice?: SpeechSynthesisVoice;
  rate: number;
}

export class SpeechReader {
  private token = 0;
  private state: SpeechState = { index: 0, playing: false };

  constructor(
    private readonly synth: SpeechSynthesis,
    private sentences: SpokenSentence[],
    private options: SpeechOptions,
    private readonly onChange: (state: SpeechState) => void,
    /** Brings the sentence into view (the reader's scroller). */
    private readonly reveal: (sentence: SpokenSentence) => void,
  ) {}

  get current(): SpeechState {
    return this.state;
  }

  setSentences(sentences: SpokenSentence[]): void {
    this.sentences = sentences;
    if (this.state.index >= sentences.length) this.update({ index: 0 });
  }

  /** New voice or rate: the sentence being read starts again with them. */
  setOptions(options: SpeechOptions): void {
    this.options = options;
    if (this.state.playing) this.speak(this.state.index);
  }

  play(): void {
    if (!this.sentences.length) return;
    this.speak(this.state.index);
  }

  pause(): void {
    this.silence();
    this.update({ playing: false });
  }

  /** One sentence on (`step` 1) or back (-1); reading goes on from there if it was going. */
  move(step: number): void {
    const index = Math.min(this.sentences.length - 1, Math.max(0, this.state.index + step));
    if (this.state.playing) this.speak(index);
    else this.show(index);
  }

  stop(): void {
    this.silence();
    clearHighlight();
    this.state = { index: this.state.index, playing: false };
  }

  private speak(index: number): void {
    this.silence();
    const token = ++this.token;
    const sentence = this.sentences[index];
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    if (this.options.lang) utterance.lang = this.options.lang;
    if (this.options.voice) utterance.voice = this.options.voice;
    utterance.rate = this.options.rate;
    utterance.onend = () => {
      if (token !== this.token) return;
      if (index + 1 < this.sentences.length) return this.speak(index + 1);
      // The end: the next Play starts from the top.
      clearHighlight();
      this.update({ playing: false, index: 0 });
    };
    utterance.onerror = (event) => {
      // Cancelled by us (pause, next, a new rate): the next utterance is on its way already.
      if (token !== this.token || event.error === 'interrupted' || event.error === 'canceled') return;
      this.token++;
      // Chrome speaks only after the reader has clicked in the page (user activation); a reader
      // started from the popup may not have: Play in the reader then works.
      this.update({ playing: false, problem: { kind: event.error === 'not-allowed' ? 'blocked' : 'failed', detail: event.error } });
    };
    this.show(index, true);
    this.synth.speak(utterance);
  }

  private silence(): void {
    this.token++;
    this.synth.cancel();
  }

  private show(index: number, playing = this.state.playing): void {
    const sentence = this.sentences[index];
    if (sentence) {
      highlight(sentence);
      this.reveal(sentence);
    }
    this.update({ index, playing, problem: undefined });
  }

  private update(change: Partial<SpeechState>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
  }
}

type HighlightRegistry = Map<string, unknown>;
const registry = (): HighlightRegistry | undefined =>
  typeof Highlight === 'function' ? (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights : undefined;

let marked: Element | null = null;

function highlight(sentence: SpokenSentence): void {
  clearHighlight();
  const highlights = registry();
  if (highlights) highlights.set(SPEAKING_HIGHLIGHT, new Highlight(sentence.range));
  else {
    // Without the Highlight API (older Firefox): the paragraph is marked instead.
    marked = sentence.block;
    marked.classList.add('sift-speaking-block');
  }
}

export function clearHighlight(): void {
  registry()?.delete(SPEAKING_HIGHLIGHT);
  marked?.classList.remove('sift-speaking-block');
  marked = null;
}
