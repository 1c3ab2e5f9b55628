// Read aloud (issue 18): the reader's controls for the Web Speech API, with no service behind it:
// play / pause, previous and next sentence, speed, and the system's voices for the article's
// language (a clear message when it has none). The sentence being read is highlighted
// (speech-reader.ts) and kept in view below the reader's bar.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SPEECH_RATES, type Settings } from '@/lib/settings';
import { voicesFor } from '@/lib/reader/speech-voices';
import type { Translate } from '@/lib/i18n';
import { sentencesIn, type SpokenSentence } from './speech-text';
import { SpeechReader, type SpeechState } from './speech-reader';

export interface ReadAloudProps {
  /** The article element to read: its title and text (not its meta line). */
  article: () => Element | null;
  /** The article's language (its lang attribute). */
  lang?: string;
  settings: Settings;
  onSettings: (next: Settings) => void;
  t: Translate;
  /** Start reading as soon as a voice is there ("Listen" in the popup). */
  autoStart?: boolean;
}

/** How long to wait for the system's voice list before saying there is no voice (Chrome fills it late). */
const VOICES_WAIT_MS = 1500;

const engine = (): SpeechSynthesis | undefined => (typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis);

export function ReadAloud({ article, lang, settings, onSettings, t, autoStart }: ReadAloudProps) {
  const group = useRef<HTMLDivElement>(null);
  const synth = useMemo(engine, []);
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  const [voicesKnown, setVoicesKnown] = useState(voices.length > 0);
  const [state, setState] = useState<SpeechState>({ index: 0, playing: false });
  const [count, setCount] = useState<number | null>(null);
  const reader = useRef<SpeechReader | null>(null);
  const readLength = useRef(-1);
  const started = useRef(false);

  useEffect(() => {
    if (!synth) return;
    const update = () => {
      setVoices(synth.getVoices());
      setVoicesKnown(true);
    };
    synth.addEventListener('voiceschanged', update);
    const timer = setTimeout(() => setVoicesKnown(true), VOICES_WAIT_MS);
    return () => {
      synth.removeEventListener('voiceschanged', update);
      clearTimeout(timer);
      // Closing the reader ends the reading.
      reader.current?.stop();
    };
  }, [synth]);

  const matching = useMemo(() => voicesFor(voices, lang), [voices, lang]);
  const voice = matching.find((v) => v.voiceURI === settings.speechVoice) ?? matching[0];
  const options = { lang, voice, rate: settings.speechRate };

  useEffect(() => {
    reader.current?.setOptions(options);
  }, [voice, settings.speechRate]);

  /** The reader over the article as it is now: read again when its text changed (a long article renders in parts). */
  const ready = (): SpeechReader | null => {
    const root = article();
    if (!synth || !root) return null;
    const length = root.textContent?.length ?? 0;
    if (!reader.current || length !== readLength.current) {
      readLength.current = length;
      const sentences = sentencesIn(root, lang);
      setCount(sentences.length);
      if (reader.current) reader.current.setSentences(sentences);
      else reader.current = new SpeechReader(synth, sentences, options, setState, (s) => keepInView(s, group.current));
    }
    return reader.current;
  };

  useEffect(() => {
    ready();
  }, []);

  const noVoice = voicesKnown && matching.length === 0;
  useEffect(() => {
    if (!autoStart || started.current || !voicesKnown || noVoice) return;
    started.current = true;
    ready()?.play();
  }, [autoStart, voicesKnown, noVoice]);

  if (!synth) {
    return (
      <div class="sift-listen" role="group" aria-label={t('readAloud')}>
        <p class="sift-listen-status" role="status">{t('speechNoSpeech')}</p>
      </div>
    );
  }

  const languageName = displayLanguage(lang, group.current);
  const problem = noVoice
    ? t('speechNoVoice', languageName)
    : state.problem?.kind === 'blocked'
      ? t('speechBlocked')
      : state.problem
        ? t('speechFailed', state.problem.detail ?? '')
        : count === 0
          ? t('speechNothing')
          : '';
  const cannot = noVoice || count === 0;
  return (
    <div class="sift-listen" role="group" aria-label={t('readAloud')} ref={group}>
      <button type="button" class="sift-btn" aria-label={t('speechPrevious')} title={t('speechPrevious')} disabled={cannot} onClick={() => ready()?.move(-1)}>
        <span aria-hidden="true">◂◂</span>
      </button>
      <button
        type="button"
        class="sift-btn sift-btn-primary sift-listen-play"
        disabled={cannot}
        onClick={() => {
          const r = ready();
          if (!r) return;
          if (state.playing) r.pause();
          else r.play();
        }}
      >
        <span aria-hidden="true">{state.playing ? '❚❚ ' : '▶ '}</span>
        {state.playing ? t('speechPause') : t('speechPlay')}
      </button>
      <button type="button" class="sift-btn" aria-label={t('speechNext')} title={t('speechNext')} disabled={cannot} onClick={() => ready()?.move(1)}>
        <span aria-hidden="true">▸▸</span>
      </button>
      <label class="sift-listen-field">
        {t('speechRate')}
        <select value={String(settings.speechRate)} onChange={(event) => onSettings({ ...settings, speechRate: Number((event.currentTarget as HTMLSelectElement).value) })}>
          {SPEECH_RATES.map((rate) => (
            <option key={rate} value={String(rate)}>
              {t('speechRateValue', rate)}
            </option>
          ))}
        </select>
      </label>
      <label class="sift-listen-field">
        {t('speechVoice')}
        <select
          value={voice && settings.speechVoice === voice.voiceURI ? voice.voiceURI : ''}
          disabled={matching.length === 0}
          onChange={(event) => onSettings({ ...settings, speechVoice: (event.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">{voice ? `${t('speechVoiceAuto')} (${voice.name})` : t('speechVoiceAuto')}</option>
          {matching.map((v) => (
            <option key={v.voiceURI} value={v.voiceURI}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {count !== null && count > 0 && <span class="sift-listen-position">{t('speechPosition', [state.index + 1, count])}</span>}
      <p class="sift-listen-status" role="status">
        {problem}
      </p>
    </div>
  );
}

/** The language's name in the interface's language ("Chinese", "中文"), for the no-voice message. */
function displayLanguage(lang: string | undefined, near: Element | null): string {
  if (!lang) return '?';
  const ui = near?.closest('[lang]')?.getAttribute('lang') || navigator.language;
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(lang.split('-')[0]) ?? lang;
  } catch {
    return lang;
  }
}

/** Scrolls the reader so the sentence is in view below the sticky bar that holds these controls. */
function keepInView(sentence: SpokenSentence, controls: Element | null): void {
  const rect = sentence.range.getBoundingClientRect();
  const scroller = scrollerOf(sentence.block);
  const doc = sentence.block.ownerDocument;
  const view = scroller === doc.scrollingElement ? { top: 0, bottom: doc.defaultView?.innerHeight ?? 0 } : scroller.getBoundingClientRect();
  const bar = controls?.closest('.sift-bar') ?? controls;
  const top = Math.max(view.top, bar ? bar.getBoundingClientRect().bottom : view.top);
  const behavior: ScrollBehavior = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  if (rect.height === 0 && rect.width === 0) {
    sentence.block.scrollIntoView({ block: 'center', behavior });
    return;
  }
  if (rect.top >= top + 8 && rect.bottom <= view.bottom - 8) return;
  scroller.scrollBy({ top: rect.top - (top + (view.bottom - top) / 4), behavior });
}

function scrollerOf(element: Element): Element {
  const doc = element.ownerDocument;
  for (let el: Element | null = element.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return doc.scrollingElement ?? doc.documentElement;
}
