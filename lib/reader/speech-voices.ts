// Which of the system's voices can read an article (issue 18): those of its language, the
// closest first (a Traditional Chinese article: Taiwan and Hong Kong voices before mainland ones).
// Pure: it takes plain voice records, so it runs the same on SpeechSynthesisVoice and in tests.

export interface VoiceInfo {
  name: string;
  lang: string;
  voiceURI: string;
  default?: boolean;
}

// Chinese voices come as zh-*, cmn-* (Mandarin) or yue-* (Cantonese).
const MACRO: Record<string, string> = { cmn: 'zh', yue: 'zh', wuu: 'zh', hak: 'zh', nan: 'zh' };
const HANT_REGIONS = new Set(['TW', 'HK', 'MO']);

interface Tag {
  language: string;
  script?: string;
  region?: string;
}

/** A language tag's parts, forgiving of "zh_CN" (Android) and letter case. */
export function parseTag(tag: string): Tag {
  const parts = tag.replace(/_/g, '-').split('-').filter(Boolean);
  const language = (parts[0] ?? '').toLowerCase();
  const tagged: Tag = { language: MACRO[language] ?? language };
  for (const part of parts.slice(1)) {
    if (/^[A-Za-z]{4}$/.test(part)) tagged.script = part[0].toUpperCase() + part.slice(1).toLowerCase();
    else if (/^([A-Za-z]{2}|\d{3})$/.test(part)) tagged.region = part.toUpperCase();
  }
  return tagged;
}

/** The script a Chinese tag implies: its own, else its region's. */
function hanScript(tag: Tag): string | undefined {
  if (tag.language !== 'zh') return undefined;
  return tag.script ?? (tag.region ? (HANT_REGIONS.has(tag.region) ? 'Hant' : 'Hans') : undefined);
}

/** The voices for text in `lang`, best first; none when the system has no voice for it. */
export function voicesFor<V extends VoiceInfo>(voices: readonly V[], lang: string | undefined): V[] {
  if (!lang) return [...voices].sort((a, b) => Number(!!b.default) - Number(!!a.default));
  const want = parseTag(lang);
  const score = (voice: V): number => {
    const have = parseTag(voice.lang);
    if (have.language !== want.language) return -1;
    let s = 1;
    const wantScript = hanScript(want);
    if (wantScript && hanScript(have) === wantScript) s += 2;
    if (want.region && have.region === want.region) s += 2;
    // Mandarin before Cantonese for an article that does not say which.
    if (!want.region && parseTag(voice.lang).language === 'zh' && /^yue/i.test(voice.lang)) s -= 0.5;
    if (voice.default) s += 0.25;
    return s;
  };
  return voices
    .map((voice, order) => ({ voice, order, s: score(voice) }))
    .filter((v) => v.s >= 0)
    .sort((a, b) => b.s - a.s || a.order - b.order)
    .map((v) => v.voice);
}
