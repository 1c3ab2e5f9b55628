import { describe, expect, it } from 'vitest';
import { hanScriptTag } from '@/lib/extract/article/han-script';

describe('hanScriptTag', () => {
  it('takes the script from the page tag when it names a script or region', () => {
    expect(hanScriptTag('zh', 'zh-TW', '')).toBe('zh-Hant');
    expect(hanScriptTag('zh', 'zh-Hant-HK', '')).toBe('zh-Hant');
    expect(hanScriptTag('zh', 'zh_HK', '')).toBe('zh-Hant');
    expect(hanScriptTag('zh', 'zh-CN', '這個國家的人們說')).toBe('zh-Hans');
    expect(hanScriptTag('zh', 'zh-Hans', '')).toBe('zh-Hans');
  });

  it('judges a bare "zh" or an untagged page by the characters that differ between the scripts', () => {
    expect(hanScriptTag('zh', 'zh', '這個城市的人們說，圖書館會在晚上開門，讓學生來讀書。')).toBe('zh-Hant');
    expect(hanScriptTag('zh', '', '这个城市的人们说，图书馆会在晚上开门，让学生来读书。')).toBe('zh-Hans');
    // Shared characters only, or a few Traditional ones in a Simplified text (a quoted name): Simplified.
    expect(hanScriptTag('zh', '', '中文天下')).toBe('zh-Hans');
    expect(hanScriptTag('zh', '', '这个国家的人们说：「臺灣」這個詞，我们来看看时间和发展对于经济的影响。')).toBe('zh-Hans');
  });

  it('says nothing for other languages', () => {
    expect(hanScriptTag('ja', 'ja', '東京の人々')).toBeUndefined();
    expect(hanScriptTag('en', 'zh-TW', '')).toBeUndefined();
  });
});
