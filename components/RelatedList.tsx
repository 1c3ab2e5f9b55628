// The page's related-article blocks, one collapsible section each, under the heading the page
// gave it ("相关文章") with the count. Each item is a real link; its snippet and thumbnail open
// under it with a button, so mouse and keyboard both work.
import { useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { RelatedBlock, RelatedItem } from '@/lib/types';
import type { OpenIntent } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { openIntent } from './open-intent';

export interface RelatedListProps {
  blocks: RelatedBlock[];
  opened: ReadonlySet<string>;
  onOpenLink: (url: string, intent: OpenIntent) => void;
  t: Translate;
  /** The page's language and direction: the headings and titles are the page's words. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export function RelatedList({ blocks, opened, onOpenLink, t, lang, dir }: RelatedListProps) {
  const id = useId();
  const shown = blocks.filter((block) => block.items.length > 0);
  if (shown.length === 0) return null;
  return (
    <div class="sift-related-all">
      {shown.map((block, index) => (
        <details class="sift-related" open key={`${index}:${block.heading}`}>
          <summary>
            <h2 class="sift-related-heading" id={`${id}-h${index}`}>
              {block.heading ? (
                <span lang={lang || undefined} dir={dir}>
                  {block.heading}
                </span>
              ) : (
                t('relatedFallbackHeading')
              )}
              <span class="sift-count" aria-label={t('relatedCount', block.items.length)}>
                {block.items.length}
              </span>
            </h2>
          </summary>
          {/* A list named by its heading, so a screen reader announces "相关文章, list, 29 items". */}
          <ol class="sift-items" aria-labelledby={`${id}-h${index}`} lang={lang || undefined} dir={dir}>
            {block.items.map((item) => (
              <RelatedRow key={item.url} item={item} opened={opened.has(item.url)} onOpenLink={onOpenLink} t={t} />
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}

interface RelatedRowProps {
  item: RelatedItem;
  opened: boolean;
  onOpenLink: (url: string, intent: OpenIntent) => void;
  t: Translate;
}

function RelatedRow({ item, opened, onOpenLink, t }: RelatedRowProps) {
  const [expanded, setExpanded] = useState(false);
  const moreId = useId();
  const hasMore = Boolean(item.snippet || item.image);
  const onClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    const intent = openIntent(event);
    if (!intent) return;
    event.preventDefault();
    onOpenLink(item.url, intent);
  };
  return (
    <li class={opened ? 'sift-item is-opened' : 'sift-item'}>
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
            onClick={() => setExpanded(!expanded)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            <span class="sift-visually-hidden">{t('summaryOf', item.title)}</span>
          </button>
        )}
      </div>
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
