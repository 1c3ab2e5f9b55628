// Text to comparable units: CJK character bigrams and lightly stemmed words, stop words dropped.
import { CJK_GENERAL, EN_GENERAL_WORDS, NUMERAL_MEASURE, ZH_CUT, ZH_STOP, isStopWord } from './stop-words';

/** One comparable unit of text: a CJK character bigram or a (lightly stemmed) word. */
export interface Token {
  key: string;
  /** The word as written, lower case (words only; "" for bigrams). */
  raw: string;
  /** Offsets in the normalised text the token came from, for showing the words behind it. */
  start: number;
  end: number;
  cjk: boolean;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]+/gu;
const HIRAGANA = /\p{Script=Hiragana}/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?/gu;
const HANGUL = /^\p{Script=Hangul}+$/u;
const NO_SPACES = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/; // Thai, Lao, Myanmar, Khmer

/** A light, language-aware stem: plural and common verb endings go, so "strandings" meets "stranded". */
export function stem(word: string, lang: string): string {
  let w = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (HANGUL.test(w)) return w.length >= 3 ? w.replace(/[은는이가을를의에도로와과]$/, '') : w;
  if (lang === 'ar' && w.length >= 5 && w.startsWith('ال')) w = w.slice(2);
  if (!/^[a-z\u00c0-\u024f-]+$/.test(w)) return w;
  if (lang === 'en' || lang === '' || lang === 'zh' || lang === 'ja') {
    if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  } else if (lang === 'fr' || lang === 'pt' || lang === 'es' || lang === 'it') {
    if (w.length > 4 && /[^s]s$/.test(w)) w = w.slice(0, -1);
  } else if (lang === 'de' || lang === 'nl') {
    if (w.length > 5) w = w.replace(/(en|er|es|e|n|s)$/, '');
  }
  return w;
}

const EN_GENERAL = new Set(EN_GENERAL_WORDS.split(/\s+/).map((w) => stem(w, 'en')));

export function normalise(text: string): string {
  return text.normalize('NFKC');
}

/** Tokens of `text` (already normalised): CJK bigrams and stemmed words, stop words dropped. */
export function tokenize(text: string, lang: string): Token[] {
  const out: Token[] = [];
  let lower = text.toLowerCase();
  // offsets must stay those of `text` ("İ" lowers to two code units)
  if (lower.length !== text.length) lower = text.replace(/[^]/gu, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c));
  // CJK: bigrams within runs cut at function characters and hiragana.
  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0];
    const base = m.index ?? 0;
    let segStart = 0;
    for (let i = 0; i <= run.length; i++) {
      const ch = run[i];
      if (i === run.length || ZH_CUT.has(ch) || HIRAGANA.test(ch)) {
        for (let j = segStart; j + 1 < i; j++) {
          const key = run.slice(j, j + 2);
          if (!ZH_STOP.has(key) && !NUMERAL_MEASURE.test(key)) out.push({ key, raw: '', start: base + j, end: base + j + 2, cjk: true });
        }
        segStart = i + 1;
      }
    }
  }
  // Everything else: words (segmented by Intl.Segmenter for scripts written without spaces).
  const rest = lower.replace(CJK_RUN, (s) => ' '.repeat(s.length));
  const pushWord = (word: string, start: number) => {
    if (/^\d+$/.test(word)) return; // bare numbers: dates, counts, ids
    // Arabic and Hebrew vowel marks are optional in writing: مساءً is مساء
    const raw = word.replace(/[\u0591-\u05c7\u064b-\u065f\u0670]/g, '');
    if (raw.length < 2) return;
    if (isStopWord(raw, lang)) return;
    const key = stem(raw, lang);
    if (key.length < 2 || isStopWord(key, lang)) return;
    out.push({ key, raw, start, end: start + word.length, cjk: false });
  };
  for (const m of rest.matchAll(WORD)) {
    const word = m[0];
    const start = m.index ?? 0;
    if (NO_SPACES.test(word) && typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
      const seg = new Intl.Segmenter(lang || undefined, { granularity: 'word' });
      for (const s of seg.segment(word)) if (s.isWordLike) pushWord(s.segment, start + s.index);
    } else pushWord(word, start);
  }
  return out;
}

/** A word too common to name a subject on its own (it keeps generalFactor of its weight). */
export function isGeneral(key: string, cjk: boolean): boolean {
  return cjk ? CJK_GENERAL.has(key) : EN_GENERAL.has(key);
}
