// Text helpers shared by detection and extraction. Chinese and Japanese are counted in
// characters, other languages in words: a 2,000-character Chinese article has no "words".

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/** Elements whose text a reader never sees (their text nodes are code or markup, not words). */
export const SILENT_TAGS = /^(?:script|style|noscript|template)$/;

/** Collapses runs of whitespace (including NBSP and ideographic space) and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function countCjk(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

/** True when most of the letters in `text` are CJK ideographs or kana. */
export function isMostlyCjk(text: string): boolean {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const cjk = countCjk(sample);
  const latinWords = sample.match(/[A-Za-z\u00c0-\u024f]+/g)?.length ?? 0;
  return cjk > latinWords * 2;
}

/**
 * A reader's "amount of text": CJK characters plus words of other scripts.
 * One CJK character weighs about as much as one word in reading time (lib/extract/article/reading-time.ts).
 */
export function textWeight(text: string): number {
  const { cjk, words } = cjkAndWords(text);
  return cjk + words;
}

/** CJK characters, and words of other scripts (letters and digits), in `text`. */
function cjkAndWords(text: string): { cjk: number; words: number } {
  return { cjk: countCjk(text), words: text.replace(CJK, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0 };
}

/** The characters String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator). */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff));
}

/** collapseWhitespace(text).length, without building the collapsed copy (5 MB of text on a big page). */
export function collapsedLength(text: string): number {
  const counter = collapsedCounter();
  counter.add(text);
  return counter.length();
}

/**
 * collapsedLength of text that comes in pieces (the text nodes of an element), each piece read
 * once: `length()` is that of all the pieces added so far, as if they were one string.
 */
export function collapsedCounter(): { add(text: string): void; length(): number } {
  let length = 0;
  let space = true; // leading whitespace is trimmed
  return {
    add(text) {
      for (let i = 0; i < text.length; i++) {
        const isSpace = isSpaceCode(text.charCodeAt(i));
        if (!isSpace || !space) length++;
        space = isSpace;
      }
    },
    // trailing whitespace is trimmed
    length: () => (space && length > 0 ? length - 1 : length),
  };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes character references that a page shows as literal text (double-escaped
 * "&#xff0c;" in seed-dedecms snippets). Text in, text out: the result is never parsed as HTML.
 */
export function decodeEntities(text: string): string {
  // Numeric references may lack the ";" (as in HTML): a snippet cut mid-entity ("&#xff0…") is
  // decoded the way html.unescape does, and control characters are dropped.
  return text.replace(/&(#x[0-9a-f]+;?|#\d+;?|[a-z]+;)/gi, (whole, ref: string) => {
    const body = ref.replace(/;$/, '');
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (Number.isFinite(code) && ((code > 0 && code < 9) || (code > 13 && code < 32) || code === 11)) return '';
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7af]/g, 'ko'],
  [/[\u4e00-\u9fff\u3400-\u4dbf]/g, 'zh'],
  [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0e00-\u0e7f]/g, 'th'],
  [/[\u0900-\u097f]/g, 'hi'],
];
const LATIN_WORDS: [RegExp, string][] = [
  [/\b(the|and|of|to|is|that|with|for)\b/gi, 'en'],
  [/\b(el|los|las|del|que|por|para|una|es)\b/gi, 'es'],
  [/\b(le|les|des|du|est|une|et|dans|pour)\b/gi, 'fr'],
  [/\b(der|die|das|und|ist|nicht|mit|ein)\b/gi, 'de'],
  [/\b(o|os|as|do|da|não|uma|com|para)\b/gi, 'pt'],
];

/**
 * A best guess at the language of `text` when the page declares none: the script decides for
 * CJK and other non-Latin scripts (any kana means Japanese, even among kanji), common function
 * words for Latin text. "" when there is nothing to go on.
 */
export function guessLang(text: string): string {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const kana = sample.match(SCRIPTS[0][0])?.length ?? 0;
  if (kana >= 3) return 'ja';
  let best = '';
  let bestCount = 0;
  for (const [re, lang] of SCRIPTS.slice(1)) {
    const n = sample.match(re)?.length ?? 0;
    if (n > bestCount) [best, bestCount] = [lang, n];
  }
  // Letters are counted only when another script could win: most pages are Latin text.
  if (bestCount >= 2 && bestCount * 2 > (sample.match(/[A-Za-z\u00c0-\u024f]/g)?.length ?? 0)) return best;
  best = '';
  bestCount = 0;
  for (const [re, lang] of LATIN_WORDS) {
    const n = sample.match(re)?.length ?? 0;
    if (n > bestCount) [best, bestCount] = [lang, n];
  }
  return bestCount >= 2 ? best : '';
}
