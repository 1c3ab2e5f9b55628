// The popup's states in words, where no article shows: the page could not be read or failed, it
// is no article, or reader mode shows it in the page already.
// (The loading skeleton and every state's frame, StateMessage, are components/States.tsx.)
import { browser } from 'wxt/browser';
import type { UnreadableReason } from '@/lib/messages';
import { StateMessage } from '@/components/States';
import type { Translate } from '@/lib/i18n';

export function ErrorState({ message, onRetry, t }: { message: string; onRetry: () => void; t: Translate }) {
  return (
    <StateMessage
      kind="error"
      title={t('errorTitle')}
      actions={
        <button type="button" class="sift-btn sift-btn-primary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      }
    >
      <p>{t('errorText')}</p>
      <p>
        <small>{message}</small>
      </p>
    </StateMessage>
  );
}

function unreadableText(reason: UnreadableReason, t: Translate): string {
  switch (reason) {
    case 'browser-page':
      return t('unreadableBrowserPage');
    case 'store':
      return t('unreadableStore');
    case 'pdf':
      return t('unreadablePdf');
    case 'file-access':
      return t('unreadableFileAccess');
    case 'no-access':
      return t('unreadableNoAccess');
  }
}

export function UnreadableState({ reason, url, onRetry, t }: { reason: UnreadableReason; url?: string; onRetry: () => void; t: Translate }) {
  const openExtensions = () => {
    browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` }).catch(() => {});
  };
  return (
    <StateMessage
      kind="unreadable"
      title={t('unreadableTitle')}
      actions={
        <>
          {reason === 'file-access' && import.meta.env.CHROME && (
            <button type="button" class="sift-btn sift-btn-primary" onClick={openExtensions}>
              {t('openExtensionSettings')}
            </button>
          )}
          <button type="button" class="sift-btn" onClick={onRetry}>
            {t('tryAgain')}
          </button>
        </>
      }
    >
      <p>{unreadableText(reason, t)}</p>
      {url && (
        <p>
          <small>{url}</small>
        </p>
      )}
    </StateMessage>
  );
}

/** The article is on the page already, in reader mode: not a second copy in the popup. */
export function ReaderOnState({ t }: { t: Translate }) {
  return (
    <StateMessage kind="reader-on" title={t('readerOnTitle')}>
      <p>{t('readerOnText')}</p>
    </StateMessage>
  );
}

/** Detection found no article here; "Show anyway" reads it with Readability all the same. */
export function NotArticleState({ onShowAnyway, t }: { onShowAnyway: () => void; t: Translate }) {
  return (
    <StateMessage
      kind="not-article"
      title={t('notArticleTitle')}
      actions={
        <button type="button" class="sift-btn sift-btn-primary" onClick={onShowAnyway}>
          {t('showAnyway')}
        </button>
      }
    >
      <p>{t('notArticleText')}</p>
    </StateMessage>
  );
}
