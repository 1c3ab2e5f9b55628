// "Always use reader mode on <site>" (issue 19), in the popup and in reader mode. Props in, markup
// out: the owner asks for the site's access (the popup itself; reader mode through the background).
import type { Translate } from '@/lib/i18n';

export interface SiteAutoProps {
  host: string;
  /** Whether the site is set; null while that is read. */
  on: boolean | null;
  onChange: (on: boolean) => void;
  t: Translate;
}

export function SiteAuto({ host, on, onChange, t }: SiteAutoProps) {
  return (
    // A labelled region, like the settings panel it follows (axe: all content inside landmarks).
    <section class="sift-site-auto" aria-label={t('siteAutoLabel', host)}>
      <label>
        <input type="checkbox" checked={on === true} disabled={on === null} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />{' '}
        {t('siteAutoLabel', host)}
      </label>
      <p class="sift-note">{t('siteAutoNote')}</p>
    </section>
  );
}
