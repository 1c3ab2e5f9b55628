import { describe, expect, it } from 'vitest';
import { countReading, middleMinutes, readingTime } from '../../../../lib/extract/article/reading-time';

describe('readingTime', () => {
  it('reads Chinese at 255 ± 29 characters a minute', () => {
    // 5,100 characters: 5100 / 284 = 17.96 → 18 (fast), 5100 / 226 = 22.57 → 23 (slow).
    expect(readingTime('字'.repeat(5100), 'zh')).toEqual({ fast: 18, slow: 23 });
    expect(readingTime('中文，標點。'.repeat(100), 'zh-Hant')).toEqual({ fast: 2, slow: 2 });
  });
  it('reads Japanese at 357 ± 56 characters a minute, kana and kanji alike', () => {
    // 4,130 characters: 4130 / 413 = 10 (fast), 4130 / 301 = 13.7 → 14 (slow).
    expect(readingTime('日本語のテキスト'.repeat(516) + '日本', 'ja')).toEqual({ fast: 10, slow: 14 });
    // Unknown language, with kana: Japanese rates.
    expect(readingTime('ひらがな'.repeat(1000), '')).toEqual(readingTime('ひらがな'.repeat(1000), 'ja'));
    // Unknown language, Han only: Chinese rates.
    expect(readingTime('字'.repeat(5100), '')).toEqual({ fast: 18, slow: 23 });
  });
  it('reads English at 228 ± 30 words a minute, and other languages at their own rate', () => {
    // 3,000 words: 3000 / 258 = 11.6 → 12, 3000 / 198 = 15.2 → 16.
    expect(readingTime('word '.repeat(3000), 'en')).toEqual({ fast: 12, slow: 16 });
    expect(readingTime('word '.repeat(3000), 'en-GB')).toEqual({ fast: 12, slow: 16 });
    // German, 179 ± 17: 3000 / 196 = 15.3 → 16, 3000 / 162 = 18.5 → 19.
    expect(readingTime('Wort '.repeat(3000), 'de')).toEqual({ fast: 16, slow: 19 });
    // A language the study did not cover reads at the English rate.
    expect(readingTime('낱말 '.repeat(3000), 'ko')).toEqual({ fast: 12, slow: 16 });
  });
  it('counts Latin words in a Chinese article as words, at the English rate', () => {
    const text = `${'字'.repeat(2840)} ${'GPT model '.repeat(129)}`; // 2,840 characters, 258 words
    // 2840 / 284 + 258 / 258 = 11 (fast); 2840 / 226 + 258 / 198 = 13.87 → 14 (slow).
    expect(readingTime(text, 'zh')).toEqual({ fast: 11, slow: 14 });
  });
  it('is at least a minute, and a range only when the ends differ', () => {
    expect(readingTime('', 'en')).toEqual({ fast: 1, slow: 1 });
    expect(readingTime('Short.', 'zh')).toEqual({ fast: 1, slow: 1 });
    expect(middleMinutes({ fast: 16, slow: 20 })).toBe(18);
  });
  it('estimates very long text from samples within a few percent', () => {
    const english = 'The council voted late at night on the plan. '.repeat(20_000); // 180,000 words
    const { words } = countReading(english);
    expect(words).toBeGreaterThan(180_000 * 0.97);
    expect(words).toBeLessThan(180_000 * 1.03);
    expect(readingTime('字'.repeat(400_000), 'zh')).toEqual({ fast: Math.ceil(400_000 / 284), slow: Math.ceil(400_000 / 226) });
  });
});
