// The reading time as the meta line shows it: a range ("16–20 min") when a fast and a slow reader
// differ, one figure when they do not; articles read before the range existed show their minutes.
import type { Article } from '@/lib/extract/types';
import type { Translate } from '@/lib/i18n';

export function readingTimeText(article: Pick<Article, 'readingMinutes' | 'readingTime'>, t: Translate): string {
  const range = article.readingTime;
  if (!range) return t('readingTime', article.readingMinutes);
  return range.fast === range.slow ? t('readingTime', range.fast) : t('readingTimeRange', [range.fast, range.slow]);
}
