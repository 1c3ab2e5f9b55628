// The heading vocabulary is data (lib/extract/related/vocabulary.ts RELATED_PHRASES): each phrase has
// headings here that it must accept, in the same order. Every one must pass the cheap CUE test
// too, or the phrase would never be looked at on a real page.
import { describe, expect, test } from 'vitest';
import { CUE, MORE_RELATED_PHRASES, OTHER, RELATED, RELATED_BOX, RELATED_BOX_SELECTOR, RELATED_PHRASES, bare, fullWords } from '../../../../lib/extract/related/vocabulary';

/** Headings each phrase of RELATED_PHRASES must accept, index for index. */
const EXAMPLES: string[][] = [
  ['Related', 'Related stories', 'More related articles'],
  ['Related coverage from How to Do Everything: Money'],
  ['More on this story', 'More about Brexit', 'More from this stream', 'More to explore'],
  ['See also', 'Read next', 'What to read next', "Don't miss", 'Read these next', 'Also on Vox'],
  ['Recommended', 'Recommended stories', 'We Recommend', 'IGN Recommends', 'Recommends'],
  ['You might also like', 'You may be interested in'],
  ['Similar articles'],
  ['More like this', 'Stories like this', 'More stories like this one'],
  ['People also read', 'Readers also liked'],
  ['Sur le même sujet', 'À lire aussi', 'Articles similaires'],
  ['Noticias relacionadas', 'Más noticias relacionadas', 'Te puede interesar', 'Lea también', 'Leia também'],
  ['Articoli correlati', 'Leggi anche', 'Ti potrebbe interessare', 'Potrebbe interessarti anche'],
  ['Ähnliche Artikel', 'Mehr zum Thema', 'Weitere Beiträge zum Thema', 'Lesen Sie auch', 'Lesen Sie dazu auch', 'Das könnte dich auch interessieren'],
  ['Gerelateerde artikelen', 'Lees ook'],
  ['Související články', 'Čtěte také'],
  ['Похожие статьи', 'Читайте также', 'По теме'],
  ['مقالات ذات صلة', 'اقرأ أيضا'],
  ['相关文章', '相關新聞', '相关阅读', '相关连接'],
  ['延伸阅读', '推荐阅读', '猜你喜欢', '为您推荐'],
  ['你可能还喜欢', '您可能感兴趣的文章', '看过本文的人还看了'],
  ['媒体报道', '媒體報導'],
  ['関連記事', 'あわせて読みたい', 'おすすめ記事'],
  ['관련기사', '추천 기사'],
];

/** The same for MORE_RELATED_PHRASES, read by the full extraction's words (fullWords). */
const MORE_EXAMPLES: string[][] = [
  ['Keep reading', 'Must-reads', 'In case you missed it', 'You might have missed', 'ICYMI', 'More coverage', 'Explore more'],
  ['Other stories you might like', 'Articles you could enjoy', 'You could also like'],
  ['更多相关新闻', '相似文章', '阅读更多'],
  ['读者还看了', '大家还在看', '网友也喜欢', '你可能还想看'],
  ['Sur le même thème', 'À découvrir également', 'Vous pourriez aussi aimer', 'Ces articles peuvent vous intéresser'],
  ['Te recomendamos', 'Quizás te interese', 'No te pierdas', 'Você também pode gostar', 'Recomendados para você'],
  ['Notizie correlate', 'Da non perdere'],
  ['Auch interessant', 'Passend zum Thema', 'Zum Weiterlesen', 'Empfohlene Artikel'],
  ['Ещё по теме', 'Новости по теме', 'Смотрите также', 'Рекомендуем', 'Вам может быть интересно'],
  ['関連するニュース', 'こちらの記事もおすすめ', 'こんな記事も読まれています'],
  ['관련 콘텐츠', '함께 보면 좋은 기사', '이 기사와 함께 읽은 기사'],
  ['Baca juga', 'Berita terkait', 'Artikel Terkait', 'Terkait', 'Rekomendasi untuk Anda', 'Anda mungkin juga suka'],
];

describe('RELATED_PHRASES', () => {
  test('every phrase has examples', () => {
    expect(EXAMPLES).toHaveLength(RELATED_PHRASES.length);
    for (const examples of EXAMPLES) expect(examples.length).toBeGreaterThan(0);
  });

  test.each(RELATED_PHRASES.map((phrase, i) => [i, phrase] as const))('phrase %i is reachable: its headings pass CUE and RELATED', (i, phrase) => {
    const own = new RegExp(`^(?:${phrase})$`, 'i');
    for (const heading of EXAMPLES[i]) {
      expect(own.test(bare(heading)), heading).toBe(true);
      expect(CUE.test(heading), `CUE misses "${heading}"`).toBe(true);
      expect(RELATED.test(bare(`【${heading}】:`)), heading).toBe(true);
    }
  });

  test('every phrase of the full extraction has examples', () => {
    expect(MORE_EXAMPLES).toHaveLength(MORE_RELATED_PHRASES.length);
  });

  test.each(MORE_RELATED_PHRASES.map((phrase, i) => [i, phrase] as const))('more phrase %i is reachable by the full extraction, not by the count', (i, phrase) => {
    const own = new RegExp(`^(?:${phrase})$`, 'i');
    const words = fullWords();
    for (const heading of MORE_EXAMPLES[i]) {
      expect(own.test(bare(heading)), heading).toBe(true);
      expect(words.cue.test(heading), `full cue misses "${heading}"`).toBe(true);
      expect(words.related.test(bare(`【${heading}】:`)), heading).toBe(true);
      expect(RELATED.test(bare(heading)), `${heading} is in the count's table too`).toBe(false);
    }
  });

  test('the full extraction reads every heading the count reads', () => {
    const words = fullWords();
    for (const heading of EXAMPLES.flat()) expect(words.cue.test(heading) && words.related.test(bare(heading)), heading).toBe(true);
  });

  test('lists that are not related are not taken for related ones', () => {
    for (const heading of ['Related Topics', 'Related Searches', '相关搜索', '相关标签', 'Most popular', 'Latest news', 'Share this', 'More from The Verge', 'More from this author', 'Recommend']) {
      expect(RELATED.test(bare(heading)), heading).toBe(false);
    }
    for (const heading of ['Most popular', '热门文章', 'Trending', 'ランキング']) expect(OTHER.test(heading), heading).toBe(true);
    for (const heading of ['Meistgelesen', 'Lo más leído', 'Les plus lus', 'Berita Terpopuler', 'Самое читаемое', '많이 본 뉴스']) {
      expect(fullWords().other.test(heading), heading).toBe(true);
      expect(fullWords().related.test(bare(heading)), heading).toBe(false);
    }
  });

  test('the box selector finds every element the box regex can accept', () => {
    for (const name of ['related-posts', 'RelatedArticles', 'similar', 'xiangguan', 'xgwz', 'xgyd', 'xgxw']) {
      expect(RELATED_BOX.test(name), name).toBe(true);
      const words = RELATED_BOX_SELECTOR.match(/\[class\*=([^\]]+)\]/g)!.map((s) => s.slice(8, -1));
      expect(words.some((w) => name.includes(w)), name).toBe(true);
    }
  });
});
