import { describe, expect, it } from 'vitest';
import { collapsedCounter, collapsedLength, collapseWhitespace, countCjk, decodeEntities, guessLang, isMostlyCjk, textWeight } from '../../../lib/extract/text';

describe('collapseWhitespace', () => {
  it('collapses spaces, tabs, newlines, NBSP and ideographic spaces and trims', () => {
    expect(collapseWhitespace('  a\t\n b\u00a0\u00a0c\u3000d  ')).toBe('a b c d');
  });
});

describe('counting CJK', () => {
  it('counts ideographs, kana and hangul, not punctuation or Latin', () => {
    expect(countCjk('中文abc，。かなカナ한국')).toBe(8);
    expect(countCjk('plain English')).toBe(0);
  });
  it('isMostlyCjk tells Chinese from English with some Chinese', () => {
    expect(isMostlyCjk('ChatGPT 在自然语言的许多交互场景中表现出了卓越的性能')).toBe(true);
    expect(isMostlyCjk('The word 中文 means Chinese language in Mandarin')).toBe(false);
  });
  it('textWeight adds CJK characters and words of other scripts', () => {
    expect(textWeight('中文 two words')).toBe(4);
  });
});

describe('decodeEntities', () => {
  it('decodes hex, decimal and common named references shown as text', () => {
    expect(decodeEntities('a&#xff0c;b&#65;&lt;string.h&gt;&amp;&nbsp;')).toBe('a，bA<string.h>&\u00a0');
  });
  it('leaves unknown or invalid references alone', () => {
    expect(decodeEntities('&bogus; &#x110000; &#0;')).toBe('&bogus; &#x110000; &#0;');
  });
});

describe('guessLang', () => {
  it.each([
    ['ChatGPT 在自然语言的许多交互场景中表现出了卓越的性能', 'zh'],
    ['トレンドマイクロ、公衆無線LANを安全に使うためのアプリ', 'ja'],
    ['한국어 문장은 한글로 씁니다', 'ko'],
    ['Москва является столицей России', 'ru'],
    ['The council voted to approve the plan and the budget for the year', 'en'],
    ['Le conseil a voté pour le plan et les budgets de la ville dans une séance', 'fr'],
    ['', ''],
  ])('%j → %j', (text, lang) => expect(guessLang(text)).toBe(lang));
});

describe('collapsedLength', () => {
  it('is the length of collapseWhitespace, without the copy', () => {
    for (const text of ['', '   ', 'a', '  a\t\n b\u00a0\u00a0c\u3000d  ', '\ufeffx\u2003y\u205f', '字 \n 字', 'end \n']) {
      expect(collapsedLength(text), JSON.stringify(text)).toBe(collapseWhitespace(text).length);
    }
  });

  it('counts text given in pieces as the pieces joined (whitespace runs across pieces count once)', () => {
    const pieces = ['  ', 'a', ' ', '\n  ', 'b\u00a0', '\u3000c', '  ', '字', ' \n'];
    const counter = collapsedCounter();
    let joined = '';
    for (const piece of pieces) {
      counter.add(piece);
      joined += piece;
      expect(counter.length(), JSON.stringify(joined)).toBe(collapseWhitespace(joined).length);
    }
  });
});
