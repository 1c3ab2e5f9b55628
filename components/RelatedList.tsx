// The page's related-article blocks, one collapsible section each, under the heading the page
// gave it ("相关文章") with the count. Once graded (lib/reader/grade-related.ts), each block lists its
// on-topic items first and plain, then the near ones with a note, and folds the off-topic ones
// under "N on other topics", each with its reason; the page-order setting shows them all unfolded
// as the page lists them (issue 15). Each item is a real link; its snippet and thumbnail open under
// it with a button ("Show summaries" opens them all), so mouse and keyboard both work. A click on
// an item opens the page in a tab; its "Open in Sift" button opens it in reader mode (issue 19).
import { useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { OpenIntent } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { GradedBlock, GradedItem } from '@/lib/reader/grade-related';
import type { Mark, SiteMarks } from '@/lib/reader/related-marks';
import { openIntent } from './open-intent';
import { reasonText } from './reason-text';

export interface RelatedListProps {
  /** The blocks, graded or not (an item without `relevance` shows as on topic). */
  blocks: GradedBlock[];
  opened: ReadonlySet<string>;
  onOpenLink: (url: string, intent: OpenIntent) => void;
  t: Translate;
  /** The page's language and direction: the headings and titles are the page's words. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Every item in the page's order, none folded (the "page order" setting). */
  pageOrder?: boolean;
  /** Every item's snippet and thumbnail shown (the "Show summaries" setting)… */
  showSummaries?: boolean;
  /** …and its toggle; without it the list offers none. */
  onShowSummaries?: (show: boolean) => void;
  /** The reader's marks for this site as they are now; the grades took those of grading time. */
  marks?: SiteMarks;
  /** "Related" / "Not related" on an item (null: the mark taken back); without it no buttons. */
  onMark?: (url: string, mark: Mark | null) => void;
  /**
   * Each item's second action, "Open in Sift": a new tab in reader mode (issue 19). Called inside
   * the click, so that the popup may ask the browser for the site there. Without it no button.
   */
  onOpenInSift?: (url: string) => void;
}

const gradeOf = (item: GradedItem) => item.relevance?.grade ?? 'on';

export function RelatedList(props: RelatedListProps) {
  const { blocks, t, dir, pageOrder, showSummaries, onShowSummaries } = props;
  const id = useId();
  const shown = blocks.filter((block) => block.items.length > 0);
  if (shown.length === 0) return null;
  const items = shown.flatMap((block) => block.items);
  const graded = items.some((item) => item.relevance);
  const onTopic = items.filter((item) => gradeOf(item) === 'on').length;
  const hasSummaries = items.some((item) => item.snippet || item.image);
  return (
    // The target of the "Related · N" control (RelatedJump): focusable, named by its first line.
    // dir: the whole list, its tools line included, sits on the page's reading side (right in Arabic).
    <section class="sift-related-all" tabIndex={-1} aria-label={t('relatedListLabel')} dir={dir}>
      {(graded || (onShowSummaries && hasSummaries)) && (
        <div class="sift-related-tools">
          {graded && (
            <p class="sift-related-summary">
              <bdi>{t('relatedOnTopic', [onTopic, items.length])}</bdi>
            </p>
          )}
          {onShowSummaries && hasSummaries && (
            <button
              type="button"
              class="sift-btn sift-show-summaries"
              aria-pressed={Boolean(showSummaries)}
              onClick={() => onShowSummaries(!showSummaries)}
            >
              {t('showSummaries')}
            </button>
          )}
        </div>
      )}
      {shown.map((block, index) => {
        const headingId = `${id}-h${index}`;
        const off = pageOrder ? [] : block.items.filter((item) => gradeOf(item) === 'off');
        const first = pageOrder
          ? block.items
          : [...block.items.filter((item) => gradeOf(item) === 'on'), ...block.items.filter((item) => gradeOf(item) === 'near')];
        return (
          // dir: the header sits on the page's reading side (right in Arabic), like its items.
          <details class="sift-related" open key={`${index}:${block.heading}`} dir={dir}>
            <summary>
              <h2 class="sift-related-heading" id={headingId}>
                {block.heading ? (
                  <span lang={props.lang || undefined} dir={dir}>
                    {block.heading}
                  </span>
                ) : (
                  <bdi>{t('relatedFallbackHeading')}</bdi>
                )}
                <span class="sift-count" aria-label={t('relatedCount', block.items.length)}>
                  {block.items.length}
                </span>
              </h2>
            </summary>
            {/* A list named by its heading, so a screen reader announces "相关文章, list, 29 items". */}
            {first.length > 0 && <ItemList items={first} labelledBy={headingId} list={props} />}
            {off.length > 0 && (
              <details class="sift-off">
                <summary>
                  <bdi>{t('relatedOffFold', off.length)}</bdi>
                </summary>
                <ItemList items={off} labelledBy={headingId} list={props} />
              </details>
            )}
          </details>
        );
      })}
    </section>
  );
}

function ItemList({ items, labelledBy, list }: { items: GradedItem[]; labelledBy: string; list: RelatedListProps }) {
  return (
    <ol class="sift-items" aria-labelledby={labelledBy} lang={list.lang || undefined} dir={list.dir}>
      {items.map((item) => (
        <RelatedRow key={item.url} item={item} opened={list.opened.has(item.url)} list={list} />
      ))}
    </ol>
  );
}

interface RelatedRowProps {
  item: GradedItem;
  opened: boolean;
  list: RelatedListProps;
}

function RelatedRow({ item, opened, list }: RelatedRowProps) {
  const { t, onOpenLink, onMark, onOpenInSift, showSummaries = false } = list;
  // Each item's own choice, until "Show summaries" is switched again.
  const [own, setOwn] = useState<{ expanded: boolean; under: boolean } | null>(null);
  const expanded = own && own.under === showSummaries ? own.expanded : showSummaries;
  const moreId = useId();
  const hasMore = Boolean(item.snippet || item.image);
  const grade = gradeOf(item);
  // On-topic items are plain; the others say why they are where they are.
  const reason = item.relevance && (grade !== 'on' || item.marked) ? reasonText(item.relevance.reason, t, item.marked) : '';
  // The reader can say the opposite of where the item stands.
  const offer: Mark = grade === 'off' ? 'on' : 'off';
  const pressed = list.marks?.[item.url] === offer;
  const onClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    const intent = openIntent(event);
    if (!intent) return;
    event.preventDefault();
    onOpenLink(item.url, intent);
  };
  const classes = ['sift-item', opened && 'is-opened', grade === 'near' && 'is-near', grade === 'off' && 'is-off'];
  return (
    <li class={classes.filter(Boolean).join(' ')}>
      <div class="sift-item-row">
        <a class="sift-item-link" href={item.url} onClick={onClick} onAuxClick={onClick}>
          {item.title}
        </a>
        {opened && <span class="sift-opened">{t('itemOpened')}</span>}
        {hasMore && (
          <button
            type="button"
            class="sift-more"
            aria-expanded={expanded}
            aria-controls={moreId}
            title={expanded ? t('hideSummary') : t('showSummary')}
            onClick={() => setOwn({ expanded: !expanded, under: showSummaries })}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            <span class="sift-visually-hidden">{t('summaryOf', item.title)}</span>
          </button>
        )}
        {onOpenInSift && (
          <button type="button" class="sift-in-sift" title={t('openInSiftWhy', hostOf(item.url))} onClick={() => onOpenInSift(item.url)}>
            <span aria-hidden="true">↗</span>
            <span class="sift-visually-hidden">{t('openInSiftOf', item.title)}</span>
          </button>
        )}
        {onMark && (
          <button
            type="button"
            class="sift-mark"
            aria-pressed={pressed}
            aria-label={offer === 'off' ? t('markNotRelatedOf', item.title) : t('markRelatedOf', item.title)}
            onClick={() => onMark(item.url, pressed ? null : offer)}
          >
            <bdi>{offer === 'off' ? t('markNotRelated') : t('markRelated')}</bdi>
          </button>
        )}
      </div>
      {reason && (
        <p class="sift-reason">
          <bdi>{reason}</bdi>
        </p>
      )}
      {hasMore && (
        <div id={moreId} class="sift-item-more" hidden={!expanded}>
          {expanded && item.image && (
            <img class="sift-thumb" src={item.image} alt="" loading="lazy" referrerpolicy="no-referrer" />
          )}
          {item.snippet && <p class="sift-snippet">{item.snippet}</p>}
        </div>
      )}
    </li>
  );
}

/** The host a link's "Open in Sift" asks for, as the browser's prompt names it. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
