// Which Chinese script a page is written in, so the reader can pick Traditional or Simplified
// faces (components/reader.css): the two share most characters but not their glyph shapes, and
// a Traditional text set in a Simplified face mixes shapes. The page's lang attribute decides
// when it names a script or region; a bare "zh" (or none) is judged from common characters that
// differ between the scripts.
/** Common characters written only in Traditional, and their Simplified forms, pair by pair. */
const TRADITIONAL = '這個們說為會來時國對與發開關學實點還體經過長問題頭見從現處東車書門電語話認讓聽讀買賣當應寫氣無風飛島馬魚鳥麼銀網際務業動員與機構領導選舉區鄉縣';
const SIMPLIFIED = '这个们说为会来时国对与发开关学实点还体经过长问题头见从现处东车书门电语话认让听读买卖当应写气无风飞岛马鱼鸟么银网际务业动员与机构领导选举区乡县';
const ONLY_TRADITIONAL = new Set([...TRADITIONAL].filter((c) => !SIMPLIFIED.includes(c)));
const ONLY_SIMPLIFIED = new Set([...SIMPLIFIED].filter((c) => !TRADITIONAL.includes(c)));
/** Characters of the text looked at: enough for a verdict, cheap on a long article. */
const SAMPLE = 4000;

/**
 * "zh-Hant" or "zh-Hans" for a Chinese article (`lang` "zh"), from the page's own tag `declared`
 * (its <html lang>, "zh-TW", "zh-Hant-HK", "zh-CN") or else its `text`; undefined for other languages.
 */
export function hanScriptTag(lang: string, declared: string, text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  if (lang !== 'zh') return undefined;
  const tag = declared.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh-(?:hant|tw|hk|mo)(?:-|$)/.test(tag)) return 'zh-Hant';
  if (/^zh-(?:hans|cn|sg|my)(?:-|$)/.test(tag)) return 'zh-Hans';
  let traditional = 0;
  let simplified = 0;
  for (const char of text.slice(0, SAMPLE)) {
    if (ONLY_TRADITIONAL.has(char)) traditional++;
    else if (ONLY_SIMPLIFIED.has(char)) simplified++;
  }
  return traditional > simplified * 2 && traditional >= 3 ? 'zh-Hant' : 'zh-Hans';
}
