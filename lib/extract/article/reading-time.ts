// Reading time by the article's language, as a range like Firefox Reader View's ("16–20 min").
//
// Rates: Trauzettel-Klosinski S., Dietz K., IReST Study Group, "Standardized Assessment of Reading
// Performance: The New International Reading Speed Texts IReST", Invest. Ophthalmol. Vis. Sci.
// 2012;53(9):5452–5461, doi:10.1167/iovs.12-10187 (Table 2: mean ± SD of adult native speakers
// reading the same text translated into 17 languages). Chinese and Japanese are read and counted in
// characters (255 ± 29 and 357 ± 56 a minute, the figures Firefox's Reader View uses too); the other
// languages in words a minute. The range is mean + SD (fast) to mean − SD (slow). The texts were
// read aloud, so a silent reader is at the fast end or beyond it: the range does not promise more
// than it measured. A language the study did not cover (Korean among them) takes the English rate.

/** Rounded up to whole minutes, at least 1: `fast` ≤ `slow`. */
export interface ReadingTime {
  fast: number;
  slow: number;
}

interface Rate {
  mean: number;
  sd: number;
}

/** Characters a minute: Han characters and kana. */
const CHARACTER_RATES: Record<string, Rate> = {
  zh: { mean: 255, sd: 29 },
  ja: { mean: 357, sd: 56 },
};

/** Words a minute (IReST Table 2). */
const WORD_RATES: Record<string, Rate> = {
  ar: { mean: 138, sd: 20 },
  de: { mean: 179, sd: 17 },
  en: { mean: 228, sd: 30 },
  es: { mean: 218, sd: 28 },
  fi: { mean: 161, sd: 18 },
  fr: { mean: 195, sd: 26 },
  he: { mean: 187, sd: 29 },
  it: { mean: 188, sd: 28 },
  nl: { mean: 202, sd: 29 },
  pl: { mean: 166, sd: 23 },
  pt: { mean: 181, sd: 29 },
  ru: { mean: 184, sd: 32 },
  sl: { mean: 180, sd: 30 },
  sv: { mean: 199, sd: 34 },
  tr: { mean: 166, sd: 29 },
};

// Han (with extensions A and compatibility), hiragana, katakana: read one by one. Hangul is written in
// words with spaces between them, and counted as words.
const CHARACTERS = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/;
const WORDS = /[\p{L}\p{N}]+/gu;

/** Above this length, the counts come from evenly spaced samples (a 5 MB page). */
const SAMPLED_ABOVE = 60_000;
const SAMPLES = 12;
const SAMPLE_LENGTH = 5_000;

/** The Han/kana characters and the words of other scripts in `text` (sampled when it is very long). */
export function countReading(text: string): { characters: number; words: number; kana: boolean } {
  let sample = text;
  if (text.length > SAMPLED_ABOVE) {
    sample = '';
    const step = Math.floor(text.length / SAMPLES);
    for (let i = 0; i < SAMPLES; i++) sample += ` ${text.slice(i * step, i * step + SAMPLE_LENGTH)}`;
  }
  const scale = text.length / sample.length || 1;
  const characters = sample.match(CHARACTERS)?.length ?? 0;
  const words = sample.replace(CHARACTERS, ' ').match(WORDS)?.length ?? 0;
  return { characters: characters * scale, words: words * scale, kana: KANA.test(sample) };
}

/**
 * How long `text` takes to read, for an article in `lang` ("zh", "ja", "en"…; "" when unknown).
 * Han characters and kana go at the Chinese or Japanese rate (Japanese when the article is Japanese
 * or, its language unknown, has kana); words go at the article's language's rate, and Latin words in
 * a Chinese or Japanese article at the English one.
 */
export function readingTime(text: string, lang: string): ReadingTime {
  const base = (lang || '').toLowerCase().split(/[-_]/)[0];
  const { characters, words, kana } = countReading(text);
  const charRate = CHARACTER_RATES[base] ?? (kana ? CHARACTER_RATES.ja : CHARACTER_RATES.zh);
  const wordRate = WORD_RATES[base] ?? WORD_RATES.en;
  const minutes = (sign: 1 | -1) => characters / (charRate.mean + sign * charRate.sd) + words / (wordRate.mean + sign * wordRate.sd);
  return { fast: Math.max(1, Math.ceil(minutes(1))), slow: Math.max(1, Math.ceil(minutes(-1))) };
}

/** The middle of the range, in whole minutes (Article.readingMinutes). */
export function middleMinutes({ fast, slow }: ReadingTime): number {
  return Math.max(1, Math.round((fast + slow) / 2));
}
