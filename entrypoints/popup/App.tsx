// The popup: asks the background what is on the tab and shows it. Every state has words and a
// way on (components/States.tsx); a slow or stuck page ends in the error state, never a frozen popup.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type OpenIntent, type PageResult } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { ReaderView } from '@/components/ReaderView';
import { ReaderBar } from '@/components/ReaderBar';
import { SettingsPanel } from '@/components/Settings';
import { siteOf } from '@/lib/reader/related-marks';
import { clearReaderData } from '@/lib/clear-data';
import { useReaderState } from '@/components/use-reader-state';
import { useSiteMarks } from '@/components/use-site-marks';
import { SiftRoot } from '@/components/SiftRoot';
import { getPage } from './get-page';
import { withTimeout } from './with-timeout';
import { LoadingSkeleton } from '@/components/States';
import { ErrorState, NotArticleState, ReaderOnState, UnreadableState } from './PopupStates';
import type { Translate } from '@/lib/i18n';
import { itemCount } from '@/lib/extract/related/extract-related';
import { PopupSiteAuto } from './PopupSiteAuto';
import { requestSite } from '@/lib/sites/site-access';
import { siteKey } from '@/lib/sites/site-rules';

// Extraction of a big page takes well under a second; a page that has not answered in this time
// is stuck (a modal alert, a frozen script) and the reader gets the error state with a retry.
const PAGE_TIMEOUT_MS = 10_000;

/** The article title's Element Timing name: `npm run bench` times the popup by its first paint. */
const TITLE_TIMING = 'sift-article';

type View = { kind: 'loading' } | { kind: 'done'; result: PageResult } | { kind: 'failed'; message: string };

export interface AppProps {
  tabId: number | null;
  /** Opened as a tab (popup.html?tab=…) rather than as the toolbar popup. */
  inTab: boolean;
  startError?: string;
  /** The first getPage request, already on its way (main.tsx); later loads ask again. */
  first?: Promise<PageResult>;
  /** Its answer, when it came before the first frame (main.tsx): the first frame shows it. */
  initial?: PageResult;
  /** The reader's settings, read before the first frame with the answer. */
  initialSettings?: Settings;
  /** The interface's words in the browser's language (browser.i18n). */
  t: Translate;
}

export function App({ tabId, inTab, startError, first, initial, initialSettings, t }: AppProps) {
  const [view, setView] = useState<View>(
    startError ? { kind: 'failed', message: startError } : initial ? { kind: 'done', result: initial } : { kind: 'loading' },
  );
  const [showAnyway, setShowAnyway] = useState(false);
  const [readerActive, setReaderActive] = useState(initial?.status === 'ok' && initial.readerActive);
  const [notice, setNotice] = useState('');
  const ok = view.kind === 'done' && view.result.status === 'ok' ? view.result : null;
  const onSaveError = (err: unknown) => setNotice(t('settingsNotSaved', String(err)));
  const { settings, changeSettings, showSettings, setShowSettings, opened, setOpened, markOpened, counts, relatedControls } = useReaderState({
    initialSettings,
    initialOpened: initial?.status === 'ok' ? initial.opened : undefined,
    onSaveError,
    // The toolbar tooltip says how many are on topic from now on.
    onGraded: (graded) => {
      if (tabId != null && ok) sendMessage('graded', { tabId, url: ok.extraction.url, onTopic: graded.on, total: graded.total }).catch(() => {});
    },
  });

  // Esc closes an open settings panel first (and gives focus back to its button); the popup itself
  // closes on the next one. preventDefault marks the key handled, so the browser keeps the popup.
  const settingsButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!showSettings) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setShowSettings(false);
      settingsButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [showSettings]);

  // `anyway`: "Show anyway" on a page that is not an article: the page is read again with
  // Readability run regardless (the first reading skipped it).
  const load = useCallback(async (pending?: Promise<PageResult>, anyway = false) => {
    if (tabId == null) return;
    setView({ kind: 'loading' });
    try {
      const result = await withTimeout(pending ?? getPage(tabId, anyway), PAGE_TIMEOUT_MS, t('pageTimeout'));
      if (result.status === 'ok') {
        setReaderActive(result.readerActive);
        setOpened(new Set(result.opened));
      }
      // The answer carries the reader state too (the page's own on a first opening): one round trip.
      setView({ kind: 'done', result });
    } catch (err) {
      setView({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, [tabId, t]);

  useEffect(() => {
    // Already shown when the answer came before the first frame.
    if (!initial) load(first);
  }, [load]);

  const retry = () => load(undefined, showAnyway);

  const onShowAnyway = () => {
    setShowAnyway(true);
    if (!ok?.extraction.article) load(undefined, true);
  };
  // The marks are read after the page is asked for (use-reader-state.ts says why).
  const [marks, mark] = useSiteMarks(ok ? siteOf(ok.extraction.url) : null, onSaveError);
  const controls = relatedControls(marks, mark);

  const onOpenLink = useCallback(
    async (url: string, intent: OpenIntent) => {
      if (tabId == null) return;
      try {
        const ok = await sendMessage('openLink', { url, tabId, ...intent });
        if (ok) markOpened(url);
      } catch (err) {
        setNotice(t('linkNotOpened', err instanceof Error ? err.message : String(err)));
      }
    },
    [tabId, t],
  );

  // A related item's "Open in Sift" (issue 19): the site is asked for first thing in the click (the
  // browser counts nothing awaited before it), and the background opens the link once it is
  // granted: the prompt may close this popup before the answer comes.
  const onOpenInSift = (url: string) => {
    const host = siteKey(url);
    if (tabId == null || !host) return;
    const asked = requestSite(host);
    const sent = sendMessage('openInSift', { url, tabId, asking: true });
    Promise.all([asked, sent]).then(
      ([granted]) => (granted ? markOpened(url) : setNotice(t('siteRefused', host))),
      () => setNotice(t('openInSiftFailed')),
    );
  };

  // `listen`: the popup's "Listen": reader mode opens and reads aloud there, where it goes on
  // after the popup has closed (issue 18).
  const onToggleReader = async (listen = false) => {
    if (tabId == null) return;
    try {
      const { active } = await sendMessage('toggleReader', listen ? { tabId, listen } : { tabId });
      setReaderActive(active);
      // The reader wants to see the page they switched; as a tab (tests) the popup stays.
      if (active && !inTab) window.close();
    } catch (err) {
      setNotice(t('readerNotStarted', err instanceof Error ? err.message : String(err)));
    }
  };

  const readerShown = ok != null && ((ok.extraction.detection.isArticle && ok.extraction.article != null) || showAnyway);
  const relatedCount = ok ? itemCount(ok.extraction.related) : 0;
  return (
    <SiftRoot settings={settings} class="sift-popup">
      <ReaderBar
        brand={t('brand')}
        related={readerShown && !readerActive ? { count: relatedCount, counts } : null}
        settingsOpen={showSettings}
        onToggleSettings={() => setShowSettings(!showSettings)}
        settingsPanelId="sift-settings"
        settingsButtonRef={settingsButton}
        t={t}
      >
        {/* There (disabled) while the page is read, so the bar does not move when it arrives. */}
        {(ok || view.kind === 'loading') && (
          <button type="button" class="sift-btn" aria-pressed={readerActive} disabled={!ok} onClick={() => onToggleReader()}>
            {readerActive ? t('exitReaderMode') : t('readerModeButton')}
          </button>
        )}
        {/* Like "Reader mode", there (disabled) while the page is read. Reader mode reads aloud what
            Readability finds even on a page detection calls no article (issue 17). */}
        {(ok || view.kind === 'loading') && !readerActive && (
          <button type="button" class="sift-btn" disabled={!ok} onClick={() => onToggleReader(true)}>
            {t('listenButton')}
          </button>
        )}
      </ReaderBar>
      <div id="sift-settings" hidden={!showSettings}>
        {showSettings && <SettingsPanel settings={settings} onChange={changeSettings} t={t} onClearMarks={clearReaderData} />}
        {showSettings && ok && <PopupSiteAuto url={ok.extraction.url} t={t} onNotice={setNotice} />}
      </div>
      {notice && (
        <p class="sift-note sift-main" role="alert">
          {notice}
        </p>
      )}
      <main class="sift-main">{renderBody()}</main>
    </SiftRoot>
  );

  function renderBody() {
    if (view.kind === 'loading') return <LoadingSkeleton t={t} />;
    if (view.kind === 'failed') return <ErrorState message={view.message} onRetry={retry} t={t} />;
    const result = view.result;
    if (result.status === 'unreadable') return <UnreadableState reason={result.reason} url={result.url} onRetry={retry} t={t} />;
    if (result.status === 'error') return <ErrorState message={result.message} onRetry={retry} t={t} />;
    const { extraction } = result;
    // The article is on the page already, in reader mode: not a second copy here.
    if (readerActive) return <ReaderOnState t={t} />;
    if ((!extraction.detection.isArticle || !extraction.article) && !showAnyway) {
      // Related items found on it are shown under the message all the same: a page judged wrongly
      // (a short article) keeps its list, and a list page's own "related" box is still offered.
      return (
        <>
          <NotArticleState onShowAnyway={onShowAnyway} t={t} />
          {itemCount(extraction.related) > 0 && (
            <ReaderView extraction={extraction} opened={opened} onOpenLink={onOpenLink} onOpenInSift={onOpenInSift} t={t} controls={controls} relatedOnly />
          )}
        </>
      );
    }
    return (
      <ReaderView extraction={extraction} opened={opened} onOpenLink={onOpenLink} onOpenInSift={onOpenInSift} t={t} titleTiming={TITLE_TIMING} controls={controls} />
    );
  }
}
