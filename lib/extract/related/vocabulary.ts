// Heading words for related-articles blocks, in the languages the corpus and the holdout cover.
// The page's own label decides (../shared/corpus/README.md "What counts, what doesn't"):
// RELATED headings start a block; OTHER headings (site-wide lists, ads, tags, comments) only mark
// where a related block ends.
import { collapseWhitespace } from '../text';

/** Heading text without the brackets and colons around it ("【関連記事】" → "関連記事"). */
const EDGE_CHARS = '[\\s:：.。,，;；!！?？|｜/\\\\\\-–—_·•»«›‹<>【】\\[\\]()（）「」『』*#"\'“”‘’~、]+';
const EDGE = new RegExp(`^${EDGE_CHARS}|${EDGE_CHARS}$`, 'g');
export const bare = (s: string | null | undefined) => collapseWhitespace(s ?? '').replace(EDGE, '');

/** Longest related-heading text (after `bare`); longer text is prose. */
export const MAX_HEADING = 60;

/**
 * A list part's shape: tag and class, digits aside (sina's ul.recommend_news1, with pictures, and
 * ul.recommend_news2 are one list). The run of same-shaped siblings after a heading is its list.
 */
export const shapeOf = (e: Element) => `${e.localName}.${e.getAttribute('class') ?? ''}`.replace(/\d+/g, '');

/**
 * The vocabulary of related-block headings, as data: each phrase is a regex source, matched whole
 * against the heading once its punctuation is gone. tests/lib/extract/related/vocabulary.test.ts holds headings
 * each phrase must accept and checks that they pass both the related test and the cue: a phrase
 * whose stem is missing from the cue would silently do nothing.
 *
 * Two tables, one model: RELATED_PHRASES are read by both depths (the every-page count and the
 * full extraction); MORE_RELATED_PHRASES, more phrasings of the languages after English and
 * Chinese, by the full extraction only, so that the every-page script stays within its 20 KB.
 * On a page headed in those words the badge counts fewer items than the popup finds until the
 * popup has read the page, and then shows the popup's count (entrypoints/background).
 */
export const RELATED_PHRASES: readonly string[] = [
  // English ("Related Topics" and "Related Searches" are tags and ads)
  '(?:\\d+ )?(?:more )?related(?: (?!topics|searches|tags|ads)\\w+)?',
  // "Related coverage from <a>Money</a>": a related list named by its section
  'related \\w+ (?:from|in|on|about) .{2,60}',
  'more (?:on|about) .{2,60}|more from this (?:story|stream|series|topic|event)|more to explore',
  // "Also on Vox": a related list named by the site
  'see also|also read|further reading|(?:what to )?read (?:more|next|also|th(?:is|ese) next)|don\'t miss|also on .{2,40}',
  'recommended(?: for you| \\w+)?|(?:\\S+ )?recommends|we recommend',
  'you (?:may|might|will|\'ll) (?:also )?(?:like|enjoy|love|be interested in)',
  'similar \\w+',
  '(?:more |(?:more )?(?:stories|articles|posts) )like this(?: one)?',
  '(?:other )?people (?:also |are )?read(?:ing)?|readers also \\w+',
  // French, Spanish, Portuguese, Italian
  '(?:sur le )?même sujet|(?:à )?(?:lire|voir) (?:aussi|également)|vous aimerez \\w+|articles? (?:similaires|liés|connexes)',
  '(?:\\S+ ){0,2}relacionad[oa]s|(?:también )?(?:te|le) pueden? interesar|le[ea] también|(?:leia|veja) também',
  'articoli correlati|(?:leggi|vedi) anche|(?:ti )?potrebbe(?:ro)? interessar(?:ti|e)(?: anche)?',
  // German, Dutch, Czech, Russian
  '(?:ähnliche|verwandte) \\S+|(?:mehr|weitere) (?:\\S+ )?zum thema|das könnte (?:sie|dich|euch) (?:auch )?interessieren|lesen sie (?:dazu |hier )?(?:auch|mehr)',
  'gerelateerde \\S+|lees (?:ook|meer)',
  'související(?: \\S+)?|podobné články|(?:pře)?čtěte (?:si )?(?:také|též)',
  'похожие \\S+|читайте (?:также|еще|ещё)|по теме',
  // Arabic
  '(?:\\S+ )?ذات صلة|اقرأ أيض\\S*',
  // Chinese (simplified and traditional): 相关文章/阅读/新闻/报道/推荐/链接/资讯/内容/热门文章…,
  // not 相关搜索 or 相关标签
  '相[关關](?:[文阅閱新报報推链鏈連连资資内內热熱视影话話专專]\\S{1,4})?',
  '延伸[阅閱][读讀]|推[荐薦](?:[阅閱][读讀]|新[闻聞]|文章)|猜你喜[欢歡]|[为為][您你]推[荐薦]',
  '[您你]可能\\S{0,2}(?:喜[欢歡]|[感有][兴興]趣)\\S{0,4}|看[过過]本文的人[还還]看了',
  // Media coverage: a company's or an event's list of press articles
  '媒[体體][报報][道导導]',
  // Japanese, Korean
  '[关関]連(?:記事|ニュース|情報|リンク)|[あ合]わせて[読よ]みたい|(?:おすすめ|オススメ)記事|こちらもおすすめ',
  '관련\\s?(?:기사|뉴스|글)|추천\\s?기사',
];

/** More phrasings, read by the full extraction only (see RELATED_PHRASES). */
export const MORE_RELATED_PHRASES: readonly string[] = [
  // English: "In case you missed it", "More coverage", "Other stories you might like"
  'keep reading|must[- ]reads?|(?:in case )?you (?:may |might )?(?:have )?missed(?: it)?|icymi|more coverage|explore more',
  '(?:\\S+ ){1,3}you (?:may|might|will|\'ll|could) (?:also )?(?:like|enjoy|love|be interested in)|you could (?:also )?(?:like|enjoy|love|be interested in)',
  // Chinese: more of the related, similar articles, what others read next
  '更多相[关關]\\S{0,4}|相似(?:文章|新[闻聞]|内容|內容)|[阅閱][读讀]更多|更多[阅閱][读讀]',
  '(?:[读讀]者|大家|[网網]友)[还還也](?:在看|看了|喜[欢歡])|[您你]可能[还還也]?(?:想|要)(?:看|[读讀])\\S{0,3}',
  // French, Spanish and Portuguese, Italian, German, Russian
  '(?:sur le )?même thème|(?:à )?découvrir (?:aussi|également)|vous (?:pourriez|pouvez|pourrez) (?:aussi |également )?aimer|ces articles (?:peuvent|pourraient) vous intéresser',
  'te recomendamos|(?:quizás?|tal vez) (?:te|le) interese|no te (?:lo )?pierdas|você (?:também )?(?:pode|vai) gostar|recomendad[oa]s para (?:você|ti)',
  '(?:notizie|contenuti) correlat[ie]|da non perdere',
  'auch interessant|passend zum thema|zum weiterlesen|empfohlene \\S+',
  '(?:ещ[её]|новости|материалы|статьи) по теме|(?:смотрите|см\\.?) также|рекомендуем|вам (?:может|будет) (?:быть )?интересно',
  // Japanese, Korean
  '[关関]連する(?:記事|ニュース)|こちらの記事もおすすめ|こんな記事も読まれています|この記事を読んだ人は\\S{0,20}',
  '관련\\s?콘텐츠|(?:이 기사와 )?함께\\s?(?:보면 좋은|읽으면 좋은|볼만한|본|읽은)\\s?(?:기사|뉴스|글)',
  // Indonesian and Malay ("Baca juga: …" is their inline "Read also")
  '(?:baca|lihat|simak) juga|(?:berita|artikel|tulisan|postingan) (?:terkait|berkaitan)|terkait|rekomendasi(?: untuk an?da)?|an?da mungkin (?:juga )?(?:suka|menyukai)',
];

const anchored = (phrases: readonly string[]) => new RegExp(`^(?:${phrases.join('|')})$`, 'i');

/** A related-block heading once its surrounding punctuation is gone ("【関連記事】", "相关文章:"). */
export const RELATED = anchored(RELATED_PHRASES);

/**
 * A cheap test every RELATED heading passes (one of these stems is in each phrase above): most
 * text nodes of a page fail it and are never trimmed or matched against RELATED.
 */
export const CUE =
  /relat|more|read|like|recommend|simila|also|miss|you|articl|aussi|même|relacion|interes|tamb|correl|anche|ähnlich|verwandt|thema|lesen|lees|souvis|podob|čtěte|похож|читайте|теме|صلة|اقرأ|相[关關]|延伸|推[荐薦]|猜你|可能|本文|媒[体體]|[关関]連|読|おすすめ|オススメ|관련|추천/i;
/** The stems of MORE_RELATED_PHRASES that CUE lacks. */
const MORE_CUE = 'icymi|相似|[阅閱][读讀]|[还還也](?:在?看|喜)|découvr|aimer|intéress|recomend|pierd|gostar|perder|empfohl|также|рекоменд|интересно|함께|juga|terkait|berkaitan|rekomendasi|mungkin';

/**
 * Headings of blocks that are not related lists: where one of these starts, the related block
 * before it has ended. Matched anywhere in a short text.
 */
export const OTHER = new RegExp(
  [
    'popular|most (?:read|viewed|shared|commented|emailed)|trending|latest|top (?:stories|news)|editor\'?s? picks|featured|more from|around the web|from the web|sponsored|promoted|advert|newsletter|comments?|tags|topics|share|follow us',
    '[热熱][门門点點搜]|排行|排名|最新|精彩|精华|精華|本站推荐|今日推荐|推广|推廣|广告|廣告|赞助|标签|標籤|评论|評論|分享|[关關]注我[们們]|相[关關]搜索|友情[链鏈]接',
    'ランキング|人気|最新|広告|コメント',
  ].join('|'),
  'i',
);
/** Most read, latest and popular lists in more languages: where a related list ends, for the full extraction. */
const MORE_OTHER = 'populaire|populer|meistgelesen|más leíd|más vist|les plus lus|più lett|mais lid|terpopuler|terbaru|lainnya|популярн|самое читаем|많이 본|인기';

/** The words a depth reads headings by: the count's, or the full extraction's (both tables). */
export interface Vocabulary {
  related: RegExp;
  cue: RegExp;
  other: RegExp;
}
export const COUNT_WORDS: Vocabulary = { related: RELATED, cue: CUE, other: OTHER };
let allWords: Vocabulary | undefined;
/** Both tables, built when the full extraction first asks (the count's bundle never holds them). */
export function fullWords(): Vocabulary {
  return (allWords ??= {
    related: anchored([...RELATED_PHRASES, ...MORE_RELATED_PHRASES]),
    cue: new RegExp(`${CUE.source}|${MORE_CUE}`, 'i'),
    other: new RegExp(`${OTHER.source}|${MORE_OTHER}`, 'i'),
  });
}

/** Link texts that are navigation inside a block: more/all links, prev/next, comment counts. */
export const NAV_TITLE =
  /^(?:[«‹<>›»←→|\s]*)(?:更多|查看|全部|进入|返回|上一|下一|more\b|view all|see all|see more|read more|continue reading|all (?:stories|articles|news)|previous\b|prev\b|next\b|older|newer|back to|\d+\s*(?:comments?|replies|评论|條評論|条评论|跟帖))/i;

/** An item whose own text (outside its title) says it is an ad. */
export const AD_TEXT = /\b(?:sponsored|promoted|paid (?:post|content)|advertisement|anzeige)\b|广告|廣告|推广|推廣|赞助|贊助|スポンサー|\bPR\b(?=[\s:：]|$)/i;

/** Ad-redirect and paid-recommendation link targets. */
export const AD_HREF =
  /doubleclick\.net|googleadservices|\/aclk\?|adclick|[?&](?:aid|adid|ad_id)=|\/goto\.php|beap\.gemini|taboola|\/lp\.php\?|[?&]trvid=|tradedoubler|utm_medium=(?:paid|cpc|sponsored)|[?&]ad=|\/adx?\//i;

/**
 * Class and id words of related boxes: English, and the pinyin of Chinese CMSs (xiangguan 相关,
 * xgwz 相关文章, xgyd 相关阅读, xgxw 相关新闻). Tested on "class id" of each element that has either
 * (one selector pass instead of ten attribute-substring selectors).
 */
export const RELATED_BOX = /[rR]elate|similar|xiangguan|xgwz|xgyd|xgxw/;
/**
 * The elements RELATED_BOX may match, as one selector the browser matches natively (the count
 * runs on every page load: no regex over every element's class). "elate" covers both cases, "xg"
 * the three pinyin abbreviations; RELATED_BOX then decides.
 */
export const RELATED_BOX_SELECTOR = ['elate', 'imilar', 'xiangguan', 'xg']
  .flatMap((w) => [`[class*=${w}]`, `[id*=${w}]`])
  .join(',');
/** ...unless the rest of the name says it is another kind of list. */
export const NOT_RELATED_BOX = /tag|topic|search|keyword|categor|product|shop|video|gallery|author|popular|hot|comment|ad[-_s]|sponsor|link(?!s)/i;
