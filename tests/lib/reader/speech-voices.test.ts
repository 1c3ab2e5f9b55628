// The voices offered for an article (issue 18): only its language's, the closest first.
import { describe, expect, it } from 'vitest';
import { parseTag, voicesFor, type VoiceInfo } from '@/lib/reader/speech-voices';

const voice = (name: string, lang: string, isDefault = false): VoiceInfo => ({ name, lang, voiceURI: name, default: isDefault });
const SYSTEM = [
  voice('English (US)', 'en-US', true),
  voice('English (UK)', 'en_GB'),
  voice('Cantonese', 'yue-HK'),
  voice('Taiwan Mandarin', 'zh-TW'),
  voice('Mainland Mandarin', 'zh-CN'),
  voice('espeak Mandarin', 'cmn'),
  voice('Japanese', 'ja-JP'),
];
const names = (voices: VoiceInfo[]) => voices.map((v) => v.name);

describe('voicesFor', () => {
  it('gives a Simplified Chinese article Chinese voices only, mainland first, Cantonese last', () => {
    const zh = names(voicesFor(SYSTEM, 'zh-Hans'));
    expect(zh[0]).toBe('Mainland Mandarin');
    expect(new Set(zh)).toEqual(new Set(['Mainland Mandarin', 'Taiwan Mandarin', 'espeak Mandarin', 'Cantonese']));
    expect(zh.at(-1)).toBe('Cantonese');
  });

  it('gives a Traditional Chinese article Taiwan and Hong Kong voices first', () => {
    const zh = names(voicesFor(SYSTEM, 'zh-Hant'));
    expect(zh.slice(0, 2).sort()).toEqual(['Cantonese', 'Taiwan Mandarin']);
    expect(names(voicesFor(SYSTEM, 'zh-TW'))[0]).toBe('Taiwan Mandarin');
  });

  it('matches English whatever the region and the separator, the article region first', () => {
    expect(names(voicesFor(SYSTEM, 'en-GB'))).toEqual(['English (UK)', 'English (US)']);
    expect(names(voicesFor(SYSTEM, 'en'))).toEqual(['English (US)', 'English (UK)']);
  });

  it('has nothing for a language the system has no voice for', () => {
    expect(voicesFor(SYSTEM, 'ko')).toEqual([]);
    expect(voicesFor([], 'zh')).toEqual([]);
  });

  it('reads tags forgivingly', () => {
    expect(parseTag('zh_hant_tw')).toEqual({ language: 'zh', script: 'Hant', region: 'TW' });
    expect(parseTag('cmn-Hans-CN')).toEqual({ language: 'zh', script: 'Hans', region: 'CN' });
  });
});
