// The popup's non-article states: every one says in plain words what happened and offers a way on.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

/** After this long, the skeleton also says in words that the page is still being read. */
export const SLOW_READ_MS = 1000;

/**
 * Grey bars where the title, meta line and paragraphs will be: the popup is never blank. A page
 * that takes longer than SLOW_READ_MS to read (a 5 MB page takes seconds, in the page) gets a
 * visible line that says so, announced like the first words.
 */
export function LoadingSkeleton({ t }: { t: Translate }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_READ_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="sift-skeleton" role="status" aria-live="polite">
      {slow ? <p class="sift-skeleton-note">{t('loadingLong')}</p> : <span class="sift-visually-hidden">{t('loading')}</span>}
      <div class="sift-bone sift-bone-title" />
      <div class="sift-bone sift-bone-meta" />
      {[96, 100, 88, 100, 92, 70].map((width, i) => (
        <div key={i} class="sift-bone" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

export interface StateMessageProps {
  kind: 'not-article' | 'unreadable' | 'error' | 'reader-on';
  title: string;
  children?: ComponentChildren;
  /** Buttons or links that lead on. */
  actions?: ComponentChildren;
}

export function StateMessage({ kind, title, children, actions }: StateMessageProps) {
  return (
    <div class={`sift-state sift-state-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <h1 class="sift-state-title">{title}</h1>
      {children && <div class="sift-state-text">{children}</div>}
      {actions && <div class="sift-state-actions">{actions}</div>}
    </div>
  );
}
