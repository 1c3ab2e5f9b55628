// The popup's states where no reader view shows: the page could not be read, or it failed.
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
