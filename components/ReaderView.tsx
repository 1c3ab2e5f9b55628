// The reader view of one page: title, byline / site / date, reading time, the article, then the
// related blocks, graded against the article (lib/reader/grade-related.ts). The popup and the in-page
// reader both render it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Extraction } from '@/lib/extract/types';
import type { OpenIntent } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { GradeCounts, GradedBlock } from '@/lib/reader/grade-related';
import type { Mark, SiteMarks } from '@/lib/reader/related-marks';
import { ArticleBody } from './ArticleBody';
import { RelatedList } from './RelatedList';
import { itemCount } from '@/lib/extract/related/extract-related';
import { openIntent } from './open-intent';
import { readingTimeText } from './reading-time-text';
import { Contents } from './Contents';
import { ExportMenu } from './ExportMenu';
import { ReadingProgress } from './ReadingProgress';

/** The related list's settings, the reader's marks for the site and what to do with them. */
export interface RelatedControls {
  pageOrder: boolean;
  showSummaries: boolean;
  onShowSummaries: (show: boolean) => void;
  /** The site's marks now; null while they are still being read (grading waits for them). */
  marks: SiteMarks | null;
  onMark: (url: string, mark: Mark | null) => void;
  /** Told once the items are graded: how many are on topic. */
  onGraded?: (counts: GradeCounts) => void;
}

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
  /** Without them the list is graded without marks and offers neither setting nor marks. */
  controls?: RelatedControls;
  /**
   * Only the related list (under a page judged not an article, whose state message the popup
   * shows above it): the items the page offers are never hidden behind that judgement (issue 14).
   */
  relatedOnly?: boolean;
  /** Open at the reading position saved for this article (reader mode); it is saved either way. */
  restorePosition?: boolean;
  /** The related items' "Open in Sift" (components/RelatedList.tsx); without it no such button. */
  onOpenInSift?: (url: string) => void;
}

export function ReaderView({ extraction, opened, onOpenLink, t, titleTiming, controls, relatedOnly, restorePosition, onOpenInSift }: ReaderViewProps) {
  const { article, related } = extraction;
  const relatedCount = itemCount(related);
  // The related list comes after the article has painted (an effect runs after the frame): the
  // first frame lays out and paints only what the reader sees first (issue 4). It is graded then,
  // once per extraction, with the site's marks as they were at that time.
  const [graded, setGraded] = useState<GradedBlock[] | null>(null);
  const gradedFor = useRef<Extraction | null>(null);
  const marks = controls ? controls.marks : {};
  useEffect(() => {
    if (marks === null || gradedFor.current === extraction) return;
    gradedFor.current = extraction;
    if (relatedCount === 0) return setGraded([]);
    // The grader (lib/extract/related/relevance/, its word lists) loads only now: the popup's first bundle stays
    // small (issue 4's popup budget), and the article has painted already.
    import('@/lib/reader/grade-related').then(
      ({ gradeCounts, gradePage }) => {
        if (gradedFor.current !== extraction) return;
        let blocks: GradedBlock[];
        try {
          blocks = gradePage(extraction, marks);
        } catch {
          blocks = related; // ungraded: shown as the page lists them
        }
        setGraded(blocks);
        controls?.onGraded?.(gradeCounts(blocks));
      },
      () => gradedFor.current === extraction && setGraded(related),
    );
  }, [extraction, marks === null]);
  const showRelated = graded !== null && gradedFor.current === extraction;
  // The fonts follow the article's language and, for Chinese, its script (reader.css).
  const lang = article ? article.langTag || article.lang : undefined;
  const source = sourceDomain(extraction.url);
  return (
    <div class="sift-reader">
      {/* Issue 19: the site's picked article is not on this page; the article shown is Sift's own choice. */}
      {!relatedOnly && articleRuleMissed(extraction) && (
        <p class="sift-note sift-rule-note" role="note">
          {t('ruleArticleMissed')}
        </p>
      )}
      {relatedOnly ? null : article ? (
        <article class="sift-article" lang={lang || undefined} dir={article.dir}>
          <header class="sift-header">
            <h1 class="sift-title" elementtiming={titleTiming}>{article.title}</h1>
            <p class="sift-meta">
              {/* Where the article comes from, as a link to it (it opens in a tab, like every link here). */}
              {source && (
                <a
                  class="sift-meta-part sift-source"
                  href={extraction.url}
                  onClick={(event) => {
                    const intent = openIntent(event);
                    event.preventDefault();
                    if (intent) onOpenLink(extraction.url, intent);
                  }}
                >
                  {source}
                </a>
              )}
              {[...new Set([article.byline, article.siteName, formatDate(article.publishedTime)])]
                .filter(Boolean)
                .map((part, i) => (
                  <span key={i} class="sift-meta-part">
                    {part}
                  </span>
                ))}
              <span class="sift-meta-part sift-reading-time">
                {/* The interface's words inside the page's: isolated, or "2 min" shows as "min 2" in RTL. */}
                <bdi>{readingTimeText(article, t)}</bdi>
              </span>
            </p>
            <ExportMenu extraction={extraction} blocks={showRelated ? graded : null} pageOrder={controls?.pageOrder} t={t} />
          </header>
          {/* Issue 18: the contents (three or more headings) and the progress bar, both of the article. */}
          <Contents t={t} />
          <ReadingProgress url={extraction.url} restore={restorePosition} t={t} />
          <ArticleBody
            html={article.contentHtml}
            baseUrl={extraction.url}
            lang={lang}
            dir={article.dir}
            onOpenLink={onOpenLink}
            t={t}
          />
        </article>
      ) : (
        <p class="sift-note">{t('noArticleText')}</p>
      )}
      {showRelated && relatedCount > 0 && (
        <RelatedList
          blocks={graded}
          opened={opened}
          onOpenLink={onOpenLink}
          t={t}
          lang={lang}
          dir={article?.dir}
          pageOrder={controls?.pageOrder}
          showSummaries={controls?.showSummaries}
          onShowSummaries={controls?.onShowSummaries}
          marks={controls?.marks ?? undefined}
          onMark={controls?.onMark}
          onOpenInSift={onOpenInSift}
        />
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

/** The host an article comes from, without "www.", for an http(s) page; else undefined. */
/** The site has picked-article rules and none of them found its element on this page. */
function articleRuleMissed({ ruleNotes }: Extraction): boolean {
  const picks = ruleNotes?.filter((n) => n.action === 'article') ?? [];
  return picks.length > 0 && !picks.some((n) => n.matched);
}

export function sourceDomain(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
