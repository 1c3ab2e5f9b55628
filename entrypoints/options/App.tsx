// Sift's options page (issue 19): the sites the reader chose, with their access and rules; export
// and import of that list as JSON (checked whole: a bad file changes nothing). Opened with
// ?allow=<host> or ?open=<url> it first asks one thing: reader mode can ask for a site only
// through a page like this one, where the reader's click may call permissions.request.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages';
import { DEFAULT_SETTINGS, loadSettings, loadSites, saveSites, updateSite, watchSettings, watchSites, type Settings } from '@/lib/settings';
import { allowAuto, forgetSite, hasSite, requestSite } from '@/lib/sites/site-access';
import { exportSites, MAX_IMPORT_BYTES, parseImport, selectorParses, siteKey, type ImportError, type SiteTable } from '@/lib/sites/site-rules';
import { SiftRoot } from '@/components/SiftRoot';
import { SiteList } from '@/components/SiteList';

/** What the page was opened to ask, from its query. */
export type Ask = { kind: 'allow'; host: string } | { kind: 'open'; url: string; host: string; tabId?: number };

export function askFrom(search: string): Ask | null {
  const params = new URLSearchParams(search);
  const allow = params.get('allow');
  if (allow && siteKey(`https://${allow}/`) === allow) return { kind: 'allow', host: allow };
  const open = params.get('open');
  const host = siteKey(open ?? undefined);
  const tab = params.get('tab');
  if (open && host) return { kind: 'open', url: open, host, tabId: tab && /^\d{1,10}$/.test(tab) ? Number(tab) : undefined };
  return null;
}

type Note = { kind: 'ok' | 'error'; text: string };

function importErrorText(err: ImportError, t: Translate): string {
  switch (err.error) {
    case 'too-large':
      return t('importTooLarge');
    case 'not-json':
      return t('importNotJson');
    case 'not-sift':
      return t('importNotSift');
    case 'too-many-sites':
      return t('importTooManySites');
    case 'bad-site':
      return t('importBadSite', err.site);
    case 'bad-rule':
      return t('importBadRule', [err.site, err.index + 1]);
  }
}

export function OptionsApp({ t, ask: initialAsk }: { t: Translate; ask: Ask | null }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [sites, setSites] = useState<SiteTable | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState<Note | null>(null);
  const [ask, setAsk] = useState(initialAsk);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    loadSettings().then(setSettings, () => {});
    loadSites().then(setSites, () => setSites({}));
    const unwatch = [watchSettings(setSettings), watchSites(setSites)];
    return () => unwatch.forEach((u) => u());
  }, []);

  // Whether Sift holds each site's access; the reader may also change it in the browser's own settings.
  const refreshGranted = async (table: SiteTable) => {
    const entries = await Promise.all(Object.keys(table).map(async (host) => [host, await hasSite(host)] as const));
    setGranted(Object.fromEntries(entries));
  };
  useEffect(() => {
    if (!sites) return;
    refreshGranted(sites);
    const onChange = () => refreshGranted(sites);
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [sites]);

  const onAllow = async (host: string) => {
    const ok = await allowAuto(host);
    setNote(ok ? { kind: 'ok', text: t('siteAllowed', host) } : { kind: 'error', text: t('siteRefused', host) });
    return ok;
  };
  const onRemove = async (host: string) => {
    const revoked = await forgetSite(host);
    setNote({ kind: 'ok', text: revoked ? t('siteRemoved', host) : `${t('siteRemovedOnly', host)} ${t('siteAccessKept', host)}` });
  };

  const onExport = () => {
    const blob = new Blob([exportSites(sites ?? {})], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'sift-sites.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    if (fileInput.current) fileInput.current.value = '';
    if (file.size > MAX_IMPORT_BYTES) return setNote({ kind: 'error', text: t('importTooLarge') });
    const parsed = parseImport(await file.text(), (s) => selectorParses(document, s));
    if (!parsed.ok) return setNote({ kind: 'error', text: t('importRefused', importErrorText(parsed, t)) });
    // Each imported site replaces what was kept for it; the others stay. Access is never imported:
    // a site set to open by itself shows "Allow" until the reader grants it.
    await saveSites({ ...(await loadSites()), ...parsed.sites });
    setNote({ kind: 'ok', text: t('importDone', Object.keys(parsed.sites).length) });
  };

  // "Open in Sift" asked from reader mode: the click here is the reader's, so the browser may ask.
  const onOpen = async (a: Ask & { kind: 'open' }) => {
    const ok = await requestSite(a.host);
    if (!ok) return setNote({ kind: 'error', text: t('siteRefused', a.host) });
    const opened = await sendMessage('openInSift', { url: a.url, tabId: a.tabId }).catch(() => false);
    if (opened) window.close();
    else setNote({ kind: 'error', text: t('openInSiftFailed') });
  };

  return (
    <SiftRoot settings={settings} class="sift-options">
      <main class="sift-main">
        <h1>{t('optionsTitle')}</h1>
        {ask && (
          <section class="sift-ask" aria-labelledby="sift-ask-title">
            <h2 id="sift-ask-title">{ask.kind === 'allow' ? t('askAutoTitle', ask.host) : t('askOpenTitle', ask.host)}</h2>
            <p>{ask.kind === 'allow' ? t('askAutoWhy', ask.host) : t('askOpenWhy', ask.host)}</p>
            {ask.kind === 'open' && (
              <p>
                <code>{ask.url}</code>
              </p>
            )}
            <p>
              <button
                type="button"
                class="sift-btn sift-btn-primary"
                onClick={() => (ask.kind === 'allow' ? onAllow(ask.host).then((ok) => ok && setAsk(null)) : onOpen(ask))}
              >
                {ask.kind === 'allow' ? t('sitesAllow') : t('openInSift')}
              </button>{' '}
              <button type="button" class="sift-btn" onClick={() => setAsk(null)}>
                {t('askCancel')}
              </button>
            </p>
          </section>
        )}
        {note && (
          <p class={`sift-note sift-options-note sift-options-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
            {note.text}
          </p>
        )}
        <section aria-labelledby="sift-sites-title">
          <h2 id="sift-sites-title">{t('sitesTitle')}</h2>
          <p class="sift-note">{t('sitesIntro')}</p>
          {sites && (
            <SiteList
              sites={sites}
              granted={granted}
              onAllow={onAllow}
              onRemove={onRemove}
              onRemoveRule={(host, rule) =>
                updateSite(host, (p) => ({ ...p, rules: p.rules.filter((r) => r.action !== rule.action || r.selector !== rule.selector) })).catch(() => {})
              }
              t={t}
            />
          )}
        </section>
        <section aria-labelledby="sift-transfer-title">
          <h2 id="sift-transfer-title">{t('transferTitle')}</h2>
          <p class="sift-note">{t('transferIntro')}</p>
          <p>
            <button type="button" class="sift-btn" onClick={onExport}>
              {t('exportSites')}
            </button>{' '}
            <label class="sift-btn">
              {t('importSites')}
              <input
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                class="sift-visually-hidden"
                onChange={(event) => onImport((event.currentTarget as HTMLInputElement).files?.[0])}
              />
            </label>
          </p>
        </section>
      </main>
    </SiftRoot>
  );
}
