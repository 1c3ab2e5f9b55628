// Sentences for reading aloud (issue 18): Intl.Segmenter's sentence breaks, which follow the
// text's language (Chinese and Japanese end sentences at 。！？ with no space after them). Offsets
// are kept so the reader can highlight each sentence in the text it came from.

export interface Sentence {
  text: string;
  /** Where the sentence starts and ends in the text it was split from (without its spaces). */
  start: number;
  end: number;
}

/**
 * Longer than this, a sentence is spoken in parts cut at its commas or spaces: some engines stop
 * an utterance after about 15 s (Chrome's network voices), and a long unpunctuated run (a
 * content-farm paragraph without 。) would otherwise be one highlight the size of the screen.
 */
export const MAX_SENTENCE = 220;

// Something to say: a letter or a digit (not a sentence of only punctuation, a bullet, a dash).
const SPEAKABLE = /[\p{L}\p{N}]/u;
// An abbreviation the segmenter ends a sentence at ("Mr. Smith", "St. Louis", "J. K. Rowling"):
// a title or a reference word before a name or a number, or an initial; it joins what follows.
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Mt|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Rev|Jr|Sr|No|Nos|Fig|Vol|vs|e\.g|i\.e|cf|\p{Lu})\.$/u;
// Opening brackets and quotes at the end of a segment ("「", "(", "“").
const OPENING_AT_END = /[\p{Ps}\p{Pi}]+$/u;
// A sentence that starts with a lower-case letter continues the one before.
const STARTS_LOWER = /^\p{Ll}/u;
// Where a long sentence may be cut: after a comma, semicolon or colon (Latin or CJK), or a space.
const SOFT_BREAK = /[,;:，、；：]\s*|\s+/gu;

export function splitSentences(text: string, lang?: string): Sentence[] {
  const segmenter = new Intl.Segmenter(segmenterLocale(lang), { granularity: 'sentence' });
  // The segmenter's sentences, joined where it broke too early.
  const joined: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    let sentence = trimmed(text, index, index + segment.length);
    if (!sentence.text) continue;
    const last = joined.at(-1);
    // An opening bracket or quote the segmenter left at the end of the sentence before (「 after
    // 。): it opens this one.
    if (last) {
      const opening = last.text.match(OPENING_AT_END)?.[0];
      if (opening && opening.length < last.text.length) {
        joined[joined.length - 1] = trimmed(text, last.start, last.end - opening.length);
        sentence = trimmed(text, last.end - opening.length, sentence.end);
      }
    }
    const previous = joined.at(-1);
    // After an abbreviation, or before a lower-case word ('She said "Stop!" and left.'), the
    // sentence goes on.
    if (previous && (ABBREVIATION.test(previous.text) || STARTS_LOWER.test(sentence.text))) {
      joined[joined.length - 1] = trimmed(text, previous.start, sentence.end);
    } else {
      joined.push(sentence);
    }
  }
  return joined.filter((s) => SPEAKABLE.test(s.text)).flatMap((s) => cutLong(text, s));
}

/** A sentence longer than MAX_SENTENCE in parts of at most that length, cut at soft breaks where there are any. */
function cutLong(text: string, sentence: Sentence): Sentence[] {
  if (sentence.end - sentence.start <= MAX_SENTENCE) return [sentence];
  const parts: Sentence[] = [];
  let start = sentence.start;
  while (sentence.end - start > MAX_SENTENCE) {
    const window = text.slice(start, start + MAX_SENTENCE);
    let cut = 0;
    for (const match of window.matchAll(SOFT_BREAK)) {
      // Not in the first third: a part of a few characters helps nobody.
      if (match.index! + match[0].length > MAX_SENTENCE / 3) cut = match.index! + match[0].length;
    }
    if (cut === 0) cut = MAX_SENTENCE;
    parts.push(trimmed(text, start, start + cut));
    start += cut;
  }
  parts.push(trimmed(text, start, sentence.end));
  return parts.filter((part) => SPEAKABLE.test(part.text));
}

function trimmed(text: string, start: number, end: number): Sentence {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  return { text: body, start: start + lead, end: start + lead + body.length };
}

/** A locale Intl accepts: the article's tag when valid, else the runtime's default. */
function segmenterLocale(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}
