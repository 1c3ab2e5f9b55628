// The popup's non-article states: every one says in plain words what happened and offers a way on.
import type { ComponentChildren } from 'preact';
import type { Translate } from '@/lib/i18n';

/** Grey bars where the title, meta line and paragraphs will be: the popup is never blank. */
export function LoadingSkeleton({ t }: { t: Translate }) {
  return (
    <div class="sift-skeleton" role="status" aria-live="polite">
      <span class="sift-visually-hidden">{t('loading')}</span>
      <div class="sift-bone sift-bone-title" />
      <div class="sift-bone sift-bone-meta" />
      {[96, 100, 88, 100, 92, 70].map((width, i) => (
        <div key={i} class="sift-bone" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

export interface StateMessageProps {
  kind: 'not-article' | 'unreadable' | 'error';
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
