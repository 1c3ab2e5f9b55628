// The popup: asks the background what is on the tab and shows it. Every state has words and a
// way on (components/States.tsx); a slow or stuck page ends in the error state, never a frozen popup.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type OpenIntent, type PageResult, type UnreadableReason } from '@/lib/messages';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import { ReaderView } from '@/components/ReaderView';
import { SettingsPanel } from '@/components/Settings';
import { SiftRoot } from '@/components/SiftRoot';
import { LoadingSkeleton, StateMessage } from '@/components/States';

// Extraction of a big page takes well under a second; a page that has not answered in this time
// is stuck (a modal alert, a frozen script) and the reader gets the error state with a retry.
const PAGE_TIMEOUT_MS = 10_000;

type View = { kind: 'loading' } | { kind: 'done'; result: PageResult } | { kind: 'failed'; message: string };

export interface AppProps {
  tabId: number | null;
  /** Opened as a tab (popup.html?tab=…) rather than as the toolbar popup. */
  inTab: boolean;
  startError?: string;
}

export function App({ tabId, inTab, startError }: AppProps) {
  const [view, setView] = useState<View>(startError ? { kind: 'failed', message: startError } : { kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [showSettings, setShowSettings] = useState(false);
  const [showAnyway, setShowAnyway] = useState(false);
  const [readerActive, setReaderActive] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');

  useEffect(() => {
    loadSettings().then(setSettings, () => {});
    return watchSettings(setSettings);
  }, []);

  const load = useCallback(async () => {
    if (tabId == null) return;
    setView({ kind: 'loading' });
    try {
      const result = await withTimeout(sendMessage('getPage', { tabId }), PAGE_TIMEOUT_MS);
      if (result.status === 'ok') {
        setReaderActive(result.readerActive);
        setOpened(new Set(result.opened));
      }
      setView({ kind: 'done', result });
    } catch (err) {
      setView({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, [tabId]);

  useEffect(() => {
    load();
  }, [load]);

  const onOpenLink = useCallback(
    async (url: string, intent: OpenIntent) => {
      if (tabId == null) return;
      try {
        const ok = await sendMessage('openLink', { url, tabId, ...intent });
        if (ok) setOpened((prev) => new Set(prev).add(url));
      } catch (err) {
        setNotice(`Could not open the link: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    [tabId],
  );

  const onToggleReader = async () => {
    if (tabId == null) return;
    try {
      const { active } = await sendMessage('toggleReader', { tabId });
      setReaderActive(active);
      // The reader wants to see the page they switched; as a tab (tests) the popup stays.
      if (active && !inTab) window.close();
    } catch (err) {
      setNotice(`Reader mode could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const onSettings = (next: Settings) => {
    setSettings(next);
    saveSettings(next).catch((err) => setNotice(`Settings were not saved: ${String(err)}`));
  };

  const ok = view.kind === 'done' && view.result.status === 'ok' ? view.result : null;
  return (
    <SiftRoot settings={settings} class="sift-popup">
      <header class="sift-bar">
        <span class="sift-brand">
          <span class="sift-brand-mark" aria-hidden="true" />
          Sift
        </span>
        {ok && (
          <button type="button" class="sift-btn" aria-pressed={readerActive} onClick={onToggleReader}>
            Reader mode
          </button>
        )}
        <button
          type="button"
          class="sift-btn"
          aria-expanded={showSettings}
          aria-controls="sift-settings"
          onClick={() => setShowSettings(!showSettings)}
        >
          Settings
        </button>
      </header>
      <div id="sift-settings" hidden={!showSettings}>
        {showSettings && <SettingsPanel settings={settings} onChange={onSettings} />}
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
    if (view.kind === 'loading') return <LoadingSkeleton />;
    if (view.kind === 'failed') return <ErrorState message={view.message} onRetry={load} />;
    const result = view.result;
    if (result.status === 'unreadable') return <UnreadableState reason={result.reason} url={result.url} onRetry={load} />;
    if (result.status === 'error') return <ErrorState message={result.message} onRetry={load} />;
    const { extraction } = result;
    if ((!extraction.detection.isArticle || !extraction.article) && !showAnyway) {
      return (
        <StateMessage
          kind="not-article"
          title="Sift found no article on this page"
          actions={
            <button type="button" class="sift-btn sift-btn-primary" onClick={() => setShowAnyway(true)}>
              Show anyway
            </button>
          }
        >
          <p>This looks like a home page, a list or an app rather than a single article.</p>
        </StateMessage>
      );
    }
    return <ReaderView extraction={extraction} opened={opened} onOpenLink={onOpenLink} />;
  }
}

function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <StateMessage
      kind="error"
      title="Something went wrong"
      actions={
        <button type="button" class="sift-btn sift-btn-primary" onClick={onRetry}>
          Try again
        </button>
      }
    >
      <p>Something went wrong while reading the page. Reload the page if it keeps happening.</p>
      <p>
        <small>{message}</small>
      </p>
    </StateMessage>
  );
}

const UNREADABLE_TEXT: Record<UnreadableReason, string> = {
  'browser-page': 'Browser pages (settings, new tab, history) are closed to extensions. Open an article on the web and click Sift there.',
  store: 'Extension stores are closed to extensions, so Sift cannot read them.',
  pdf: 'This is a PDF file shown by the browser’s PDF viewer. Sift reads web pages, not PDF files.',
  'file-access':
    'Sift may read files on your computer only when you allow it: turn on “Allow access to file URLs” for Sift on the extensions page, then reload this page.',
  'no-access': 'The browser did not let Sift into this page. Click the Sift button while on the page to give it access, or reload the page.',
};

function UnreadableState({ reason, url, onRetry }: { reason: UnreadableReason; url?: string; onRetry: () => void }) {
  const openExtensions = () => {
    browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` }).catch(() => {});
  };
  return (
    <StateMessage
      kind="unreadable"
      title="Sift cannot read this page"
      actions={
        <>
          {reason === 'file-access' && import.meta.env.CHROME && (
            <button type="button" class="sift-btn sift-btn-primary" onClick={openExtensions}>
              Open extension settings
            </button>
          )}
          <button type="button" class="sift-btn" onClick={onRetry}>
            Try again
          </button>
        </>
      }
    >
      <p>{UNREADABLE_TEXT[reason]}</p>
      {url && (
        <p>
          <small>{url}</small>
        </p>
      )}
    </StateMessage>
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The page did not answer in time.')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
