// The reader view of one page: title, byline / site / date, reading time, the article, then the
// related blocks. The popup and the in-page reader both render it.
import { useEffect, useState } from 'preact/hooks';
import type { Extraction } from '@/lib/types';
import type { OpenIntent } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { ArticleBody } from './ArticleBody';
import { RelatedList } from './RelatedList';

export interface ReaderViewProps {
  extraction: Extraction;
  opened: ReadonlySet<string>;
  onOpenLink: (url: string, intent: OpenIntent) => void;
  t: Translate;
  /**
   * An Element Timing name for the title, so the browser notes when it first painted: the popup
   * sets it and `npm run bench` reads it (bench-popup.ts). Never set in the page's overlay, where
   * the page could observe it.
   */
  titleTiming?: string;
}

export function ReaderView({ extraction, opened, onOpenLink, t, titleTiming }: ReaderViewProps) {
  const { article, related } = extraction;
  const relatedCount = related.reduce((sum, block) => sum + block.items.length, 0);
  // The related list comes after the article has painted (an effect runs after the frame): the
  // first frame lays out and paints only what the reader sees first (issue 4).
  const [showRelated, setShowRelated] = useState(false);
  useEffect(() => setShowRelated(true), []);
  return (
    <div class="sift-reader">
      {article ? (
        <article class="sift-article" lang={article.lang || undefined} dir={article.dir}>
          <header class="sift-header">
            <h1 class="sift-title" elementtiming={titleTiming}>{article.title}</h1>
            <p class="sift-meta">
              {[...new Set([article.byline, article.siteName, formatDate(article.publishedTime)])]
                .filter(Boolean)
                .map((part, i) => (
                  <span key={i} class="sift-meta-part">
                    {part}
                  </span>
                ))}
              <span class="sift-meta-part sift-reading-time">
                {/* The interface's words inside the page's: isolated, or "2 min" shows as "min 2" in RTL. */}
                <bdi>{t('readingTime', article.readingMinutes)}</bdi>
              </span>
            </p>
          </header>
          <ArticleBody
            html={article.contentHtml}
            baseUrl={extraction.url}
            lang={article.lang}
            dir={article.dir}
            onOpenLink={onOpenLink}
            t={t}
          />
        </article>
      ) : (
        <p class="sift-note">{t('noArticleText')}</p>
      )}
      {showRelated && relatedCount > 0 && (
        <RelatedList blocks={related} opened={opened} onOpenLink={onOpenLink} t={t} lang={article?.lang} dir={article?.dir} />
      )}
    </div>
  );
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
