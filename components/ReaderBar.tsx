// The bar at the top of the popup and of reader mode: Sift's name, "Related · 29", the view's own
// buttons, and Settings.
import type { ComponentChildren, Ref } from 'preact';
import type { Translate } from '@/lib/i18n';
import type { GradeCounts } from '@/lib/reader/grade-related';
import { RelatedJump } from './RelatedJump';

export interface ReaderBarProps {
  brand: string;
  /** The related list's size and grades, when the view shows the list (null: no jump to it). */
  related: { count: number; counts: GradeCounts | null } | null;
  /** The view's own buttons, between the jump and Settings. */
  children?: ComponentChildren;
  settingsOpen: boolean;
  onToggleSettings: () => void;
  /** The id of the element the Settings button shows and hides, when there is one around the panel. */
  settingsPanelId?: string;
  settingsButtonRef?: Ref<HTMLButtonElement>;
  /** After Settings: reader mode's Close and its read-aloud controls. */
  end?: ComponentChildren;
  t: Translate;
}

export function ReaderBar({ brand, related, children, settingsOpen, onToggleSettings, settingsPanelId, settingsButtonRef, end, t }: ReaderBarProps) {
  return (
    <header class="sift-bar">
      <span class="sift-brand">
        <span class="sift-brand-mark" aria-hidden="true" />
        {brand}
      </span>
      {related && <RelatedJump count={related.count} counts={related.counts} t={t} />}
      {children}
      <button
        type="button"
        class="sift-btn"
        ref={settingsButtonRef}
        aria-expanded={settingsOpen}
        aria-controls={settingsPanelId}
        onClick={onToggleSettings}
      >
        {t('settingsButton')}
      </button>
      {end}
    </header>
  );
}
