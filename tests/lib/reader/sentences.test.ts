// Sentences for reading aloud (issue 18): Chinese and Japanese split at 。！？ without spaces,
// English at its full stops but not after "Mr.", offsets that point back into the text.
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, splitSentences, type Sentence } from '@/lib/reader/sentences';

const texts = (sentences: Sentence[]) => sentences.map((s) => s.text);

/** Every sentence's offsets give back its text. */
function expectOffsets(text: string, sentences: Sentence[]) {
  for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('splitSentences', () => {
  it('splits Chinese at 。！？ and keeps the last sentence without an end mark', () => {
    const text = '今天上午，市政府召开新闻发布会。会议介绍了新政策！市民怎么看？记者进行了采访';
    const sentences = splitSentences(text, 'zh-CN');
    expect(texts(sentences)).toEqual(['今天上午，市政府召开新闻发布会。', '会议介绍了新政策！', '市民怎么看？', '记者进行了采访']);
    expectOffsets(text, sentences);
  });

  it('splits Japanese at 。！？ and keeps a closing bracket with its sentence', () => {
    const text = '東京では雨が降っています。「明日は晴れるでしょう。」と気象庁は発表した。本当ですか？';
    const sentences = splitSentences(text, 'ja');
    expect(sentences[0].text).toBe('東京では雨が降っています。');
    expect(sentences.at(-1)!.text).toBe('本当ですか？');
    expect(sentences.map((s) => s.text).join('')).toBe(text);
    expect(sentences.some((s) => s.text.startsWith('」'))).toBe(false);
    expectOffsets(text, sentences);
  });

  it('splits English at sentence ends, not after a title or an initial, and drops the spaces between', () => {
    const text = '  Mr. Smith went to Washington. He met Dr. Jones and J. K. Rowling there!  Was it planned?  ';
    const sentences = splitSentences(text, 'en');
    expect(texts(sentences)).toEqual(['Mr. Smith went to Washington.', 'He met Dr. Jones and J. K. Rowling there!', 'Was it planned?']);
    expectOffsets(text, sentences);
  });

  it('keeps decimals and quotes inside the sentence', () => {
    expect(texts(splitSentences('It cost $3.50 today. She said "Stop!" and left.', 'en'))).toEqual(['It cost $3.50 today.', 'She said "Stop!" and left.']);
  });

  it('says nothing for text without letters or digits', () => {
    expect(splitSentences('  —  ……  •  ', 'zh')).toEqual([]);
    expect(splitSentences('', 'en')).toEqual([]);
  });

  it('cuts a very long sentence at commas, every part no longer than the limit', () => {
    const clause = '这个地区的经济发展很快，';
    const text = clause.repeat(40) + '结束了。';
    const sentences = splitSentences(text, 'zh');
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
    for (const s of sentences.slice(0, -1)) expect(s.text.endsWith('，')).toBe(true);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
    expectOffsets(text, sentences);
  });

  it('cuts a long run without any break at the limit', () => {
    const text = '字'.repeat(MAX_SENTENCE * 2 + 5);
    expect(splitSentences(text, 'zh').map((s) => s.text.length)).toEqual([MAX_SENTENCE, MAX_SENTENCE, 5]);
  });

  it('takes a bad language tag as none', () => {
    expect(texts(splitSentences('One. Two.', 'not a tag!'))).toEqual(['One.', 'Two.']);
  });
});
