// The popup's "Always use reader mode on <site>" (issue 19): an extension page, so the reader's
// click here may ask the browser for the site (lib/sites/site-access.ts) at once.
import type { Translate } from '@/lib/i18n';
import { allowAuto, stopAuto } from '@/lib/sites/site-access';
import { siteKey } from '@/lib/sites/site-rules';
import { SiteAuto } from '@/components/SiteAuto';
import { useSiteAuto } from '@/components/use-site-auto';

export function PopupSiteAuto({ url, t, onNotice }: { url: string; t: Translate; onNotice: (text: string) => void }) {
  const host = siteKey(url);
  const on = useSiteAuto(host);
  if (!host) return null;
  const change = (next: boolean) => {
    // allowAuto asks first thing, inside this click.
    if (next) allowAuto(host).then((ok) => !ok && onNotice(t('siteRefused', host)), (err) => onNotice(String(err)));
    else stopAuto(host).then((revoked) => !revoked && onNotice(t('siteAccessKept', host)), (err) => onNotice(String(err)));
  };
  return <SiteAuto host={host} on={on} onChange={change} t={t} />;
}
