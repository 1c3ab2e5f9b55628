// Ad and sponsor markers: an ad network's address, or a sponsor word at either end of the text.
import type { RelatedItem } from '../../types';

const AD_HOST =
  /(?:^|\.)(?:outbrain|taboola|revcontent|zergnet|mgid|adblade|doubleclick|googleadservices|googlesyndication|adnxs|criteo|plista|ligatus|nativo|sharethrough|triplelift|adform|smartadserver|adsrvr|teads|dianomi|powerinbox|zemanta|lockerdome|adsterra|propellerads|popads|tanx|mediav)\.[a-z.]+$|^(?:ad|ads|adclick|adserver|cpro|pos)\.[^.]+\.|(?:^|\.)content\.ad$/i;
const AD_PATH = /[/?&](?:sponsored|advertorial|adclick|ad_click|clickserve)(?:[/?&=.]|$)|[?&]utm_medium=(?:cpc|paid|native|sponsored)/i;
/**
 * A sponsor marker set off at either end of a title or snippet ("Sponsored · …", "… | 广告",
 * "[PR] …"), or standing alone ("Anzeige"). A bare "Ad campaign…" is not one.
 */
const AD_WORD =
  '(?:sponsored(?: content| post| by [^|·•]+)?|promoted|advertisement|advertorial|paid (?:content|post)|partner content|ad|ads|广告|推广|赞助|软文|広告|pr|スポンサー|anzeige|werbung|gesponsert|sponsorisé|publicité|publicidade|publicidad|patrocinado|pubblicità|реклама)';
const AD_EDGE = new RegExp(
  `^\\s*[\\[(（【]?\\s*${AD_WORD}\\s*(?:[\\])）】|｜·•:：\\-–—]|$)|[|｜·•\\-–—\\[(（【]\\s*${AD_WORD}\\s*[\\])）】]?\\s*$`,
  'i',
);

export function isSponsored(item: RelatedItem): boolean {
  try {
    const url = new URL(item.url);
    if (AD_HOST.test(url.hostname) || AD_PATH.test(url.pathname + url.search)) return true;
  } catch {
    // not a URL: judged by its words
  }
  return AD_EDGE.test(item.title) || (item.snippet ? AD_EDGE.test(item.snippet.trim()) : false);
}
