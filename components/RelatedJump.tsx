// "Related · 29" at the top of the popup and of reader mode: the related list starts many screens
// down a long article (issue 15), so this moves focus there (Tab reaches the button in a few steps).
import type { JSX } from 'preact';
import type { Translate } from '@/lib/i18n';
import type { GradeCounts } from '@/lib/reader/grade-related';

export interface RelatedJumpProps {
  /** Items the page lists. */
  count: number;
  /** Once graded: how many of them are on topic (the tooltip says so). */
  counts?: GradeCounts | null;
  t: Translate;
}

export function RelatedJump({ count, counts, t }: RelatedJumpProps) {
  if (count <= 0) return null;
  const jump = (event: JSX.TargetedMouseEvent<HTMLButtonElement>) => {
    // The list of this reader view: in the popup's document or in reader mode's shadow root.
    const target = event.currentTarget.closest('.sift')?.querySelector<HTMLElement>('.sift-related-all');
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <button
      type="button"
      class="sift-btn sift-jump"
      title={counts ? t('relatedOnTopic', [counts.on, counts.total]) : t('relatedJumpHint')}
      onClick={jump}
    >
      {t('relatedJump', count)}
    </button>
  );
}
