// The options page's list of sites (issue 19): each site the reader chose "always use reader mode"
// for or made a rule on, whether Sift has its access, its rules, and buttons to allow it, drop a
// rule or remove the site. Props in, markup out: the page does the storing and the asking.
import type { Translate } from '@/lib/i18n';
import type { SiteRule, SiteTable } from '@/lib/sites/site-rules';

export interface SiteListProps {
  sites: SiteTable;
  /** host -> whether Sift holds its access now. */
  granted: Readonly<Record<string, boolean>>;
  onAllow: (host: string) => void;
  onRemove: (host: string) => void;
  onRemoveRule: (host: string, rule: SiteRule) => void;
  t: Translate;
}

export function SiteList({ sites, granted, onAllow, onRemove, onRemoveRule, t }: SiteListProps) {
  const hosts = Object.keys(sites).sort();
  if (!hosts.length) return <p class="sift-note sift-sites-empty">{t('sitesEmpty')}</p>;
  return (
    <ul class="sift-sites">
      {hosts.map((host) => {
        const prefs = sites[host];
        return (
          <li key={host} class="sift-site" data-site={host}>
            <div class="sift-site-head">
              <strong class="sift-site-host">{host}</strong>
              {prefs.auto && (
                <span class="sift-site-state">{granted[host] ? t('sitesAutoOn') : t('sitesAutoNeedsAccess')}</span>
              )}
              {prefs.auto && !granted[host] && (
                <button type="button" class="sift-btn sift-btn-primary" onClick={() => onAllow(host)}>
                  {t('sitesAllow')}
                </button>
              )}
              <button type="button" class="sift-btn" aria-label={t('sitesRemoveLabel', host)} onClick={() => onRemove(host)}>
                {t('sitesRemove')}
              </button>
            </div>
            {prefs.rules.length > 0 && (
              <ul class="sift-site-rules">
                {prefs.rules.map((rule) => (
                  <li key={rule.action + rule.selector} class="sift-site-rule">
                    <span>{rule.action === 'article' ? t('ruleArticle') : t('ruleRemove')}</span> <code>{rule.selector}</code>{' '}
                    <button type="button" class="sift-btn" aria-label={t('ruleDeleteLabel', rule.selector)} onClick={() => onRemoveRule(host, rule)}>
                      {t('ruleDelete')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
