// The in-page reader: a full-window modal <dialog> (top layer, so the page's z-indexes and
// transforms cannot cover it, and the page behind is inert) holding the same ReaderView as the
// popup, with settings and a close button. Esc closes it too.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Extraction } from '@/lib/extract/types';
import type { OpenIntent } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { ReaderView } from '@/components/ReaderView';
import { ReaderBar } from '@/components/ReaderBar';
import { SettingsPanel } from '@/components/Settings';
import { siteOf } from '@/lib/reader/related-marks';
import { clearReaderData } from '@/lib/clear-data';
import { useReaderState } from '@/components/use-reader-state';
import { useSiteMarks } from '@/components/use-site-marks';
import type { GradeCounts } from '@/lib/reader/grade-related';
import { SiftRoot } from '@/components/SiftRoot';
import { ReadAloud } from '@/components/ReadAloud';
import { StateMessage } from '@/components/States';
import type { Translate } from '@/lib/i18n';
import { itemCount } from '@/lib/extract/related/extract-related';
import { SiteAuto } from '@/components/SiteAuto';
import { useSiteAuto } from '@/components/use-site-auto';
import { siteKey } from '@/lib/sites/site-rules';
import { Picker } from './Picker';
import { useRemoveBlocks } from './use-remove-blocks';

export interface OverlayProps {
  extraction: Extraction | null;
  error?: string;
  initialSettings: Settings;
  /** Opened by the popup's "Listen": the read-aloud controls are open and reading starts. */
  listen?: boolean;
  onClose: () => void;
  onOpenLink: (url: string, intent: OpenIntent) => Promise<boolean>;
  /** Tells the background how many related items are on topic (the toolbar tooltip). */
  onGraded?: (counts: GradeCounts) => void;
  /** The interface's words in the browser's language (browser.i18n). */
  t: Translate;
  /** "Always use reader mode on this site" changed (issue 19). */
  onSiteAuto?: (on: boolean) => void;
  /** A related item's "Open in Sift" (issue 19): resolves to whether its tab opened. */
  onOpenInSift?: (url: string) => Promise<boolean>;
  /**
   * Issue 19: the reader picked the page's element as the article. Resolves to the page read
   * again with the site's rules, null when no rule could be made or the page not read.
   */
  onPickArticle?: (element: Element) => Promise<Extraction | null>;
  /** Issue 19: the reader removed a block of the reader view (hidden already): whether it is remembered for the site. */
  onRemoveBlock?: (block: Element) => Promise<RemoveOutcome>;
}

/** A removed block is hidden on the site's pages, on this page only (nothing names it elsewhere), or could not be remembered. */
export type RemoveOutcome = 'kept' | 'here-only' | 'failed';

export function Overlay({ extraction: first, error, initialSettings, listen, onClose, onOpenLink, onGraded, t, onSiteAuto, onOpenInSift, onPickArticle, onRemoveBlock }: OverlayProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Issue 19: what is shown changes when the reader picks the article.
  const [extraction, setExtraction] = useState(first);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [notice, setNotice] = useState('');
  const [marks, mark] = useSiteMarks(extraction ? siteOf(extraction.url) : '');
  const { settings, changeSettings, showSettings, setShowSettings, opened, markOpened, counts, relatedControls } = useReaderState({
    initialSettings,
    onGraded,
  });
  const controls = relatedControls(marks, mark);
  const [showListen, setShowListen] = useState(!!listen && !!extraction?.article);
  // "Listen" starts the reading once; the controls closed and opened again wait for Play.
  const [autoListen, setAutoListen] = useState(!!listen);
  const main = useRef<HTMLElement>(null);
  // Issue 19: reader mode cannot ask for a site itself; the background opens Sift's page that does.
  const autoHost = extraction ? siteKey(extraction.url) : null;
  const autoOn = useSiteAuto(autoHost);

  useEffect(() => {
    const element = dialog.current;
    // While the reader picks, the dialog steps out of the top layer (the page must be seen and
    // pointed at); its content stays as it was.
    if (picking) return void (element?.open && element.close());
    if (element && !element.open) element.showModal();
    // Focus on the dialog itself, the box that scrolls (not on its first button): the keys scroll
    // the article at once and the first Tab reaches the toolbar. Without scrolling, or the title
    // would slide under the sticky bar.
    element?.focus({ preventScroll: true });
  }, [picking]);
  // The dialog closed for picking is not the reader leaving.
  const pickingNow = useRef(false);
  pickingNow.current = picking;

  useRemoveBlocks(main, removing, (block) => {
    onRemoveBlock?.(block)
      .catch((): RemoveOutcome => 'failed')
      .then((outcome) => setNotice(outcome === 'kept' ? t('removeKept') : outcome === 'here-only' ? t('removeHereOnly') : t('ruleNotKept')));
  });
  const pick = async (element: Element) => {
    setPicking(false);
    setNotice(t('pickReading'));
    const next = await onPickArticle?.(element).catch(() => null);
    if (next) setExtraction(next);
    setNotice(next ? '' : t('ruleNotKept'));
  };

  const open = async (url: string, intent: OpenIntent) => {
    if (await onOpenLink(url, intent).catch(() => false)) markOpened(url);
  };
  // Reader mode cannot ask for a site: without its access the background opens Sift's page that asks.
  const openInSift = async (url: string) => {
    if (await onOpenInSift?.(url).catch(() => false)) markOpened(url);
  };
  const relatedCount = extraction ? itemCount(extraction.related) : 0;

  return (
    <SiftRoot settings={settings} class="sift-overlay-root">
      <dialog
        ref={dialog}
        class="sift-overlay"
        tabIndex={-1}
        aria-label={t('overlayLabel')}
        onCancel={(event) => {
          // Esc: leave through the same path as the close button.
          event.preventDefault();
          onClose();
        }}
        onClose={() => pickingNow.current || onClose()}
      >
        <ReaderBar
          brand={t('overlayBrand')}
          related={{ count: relatedCount, counts }}
          settingsOpen={showSettings}
          onToggleSettings={() => setShowSettings(!showSettings)}
          end={
            <>
              <button type="button" class="sift-btn sift-close" title={t('closeReaderHint')} onClick={onClose}>
                {t('closeReader')}
              </button>
              {showListen && extraction?.article && (
                <ReadAloud
                  article={() => main.current?.querySelector('.sift-article') ?? null}
                  lang={extraction.article.langTag || extraction.article.lang || undefined}
                  settings={settings}
                  onSettings={changeSettings}
                  t={t}
                  autoStart={autoListen}
                />
              )}
            </>
          }
          t={t}
        >
          {extraction?.article && (
            <button type="button" class="sift-btn" aria-expanded={showListen} onClick={() => (setShowListen(!showListen), setAutoListen(false))}>
              {t('readAloud')}
            </button>
          )}
          {autoHost && onPickArticle && (
            <button type="button" class="sift-btn" title={t('pickArticleHint')} onClick={() => (setRemoving(false), setNotice(''), setPicking(true))}>
              {t('pickArticle')}
            </button>
          )}
          {autoHost && onRemoveBlock && extraction?.article && (
            <button type="button" class="sift-btn" aria-pressed={removing} title={t('removeBlocksHint')} onClick={() => (setRemoving(!removing), setNotice(''))}>
              {t('removeBlocks')}
            </button>
          )}
        </ReaderBar>
        {notice && (
          <p class="sift-note sift-rule-status" role="status">
            {notice}
          </p>
        )}
        {showSettings && <SettingsPanel settings={settings} onChange={changeSettings} t={t} onClearMarks={clearReaderData} />}
        {showSettings && autoHost && (
          <SiteAuto host={autoHost} on={autoOn} onChange={(on) => onSiteAuto?.(on)} t={t} />
        )}
        <main class={removing ? 'sift-main sift-removing' : 'sift-main'} tabIndex={-1} ref={main}>
          {extraction ? (
            <ReaderView
              extraction={extraction}
              opened={opened}
              onOpenLink={open}
              onOpenInSift={onOpenInSift && openInSift}
              t={t}
              controls={controls}
              restorePosition
            />
          ) : (
            <StateMessage kind="error" title={t('overlayErrorTitle')}>
              <p>{error}</p>
            </StateMessage>
          )}
        </main>
      </dialog>
      {picking && <Picker onPick={pick} onCancel={() => setPicking(false)} t={t} />}
    </SiftRoot>
  );
}
