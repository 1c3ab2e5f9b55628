// "Take it away" (issue 18): the article as Markdown to the clipboard, or saved as a Markdown or a
// self-contained HTML file, with its related blocks grouped as the reader shows them. A disclosure
// in the article's header; its converters (turndown, the inlined style sheet) load only once it is
// opened, so neither the popup's first frame nor a page without the panel open pays for them.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Extraction, RelatedBlock } from '@/lib/extract/types';
import type { Translate } from '@/lib/i18n';
import { sanitizeHtml } from '@/lib/extract/sanitize';
import { copyText, downloadText } from '@/lib/export/download';
import { loadExportOptions, saveExportOptions } from '@/lib/export/export-options';

export interface ExportMenuProps {
  extraction: Extraction;
  /** The related blocks as the reader shows them (graded); the page's own until they are. */
  blocks: RelatedBlock[] | null;
  /** The "page order" setting: every item as the page lists them, none set apart. */
  pageOrder?: boolean;
  t: Translate;
}

const loadConverters = () =>
  Promise.all([import('@/lib/export/markdown'), import('@/lib/export/export-html'), import('@/components/reader.css?inline')]);

type Kind = 'copy' | 'md' | 'html';

export function ExportMenu({ extraction, blocks, pageOrder, t }: ExportMenuProps) {
  const panel = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState('');
  const [dropOffTopic, setDropOffTopic] = useState(false);
  const hasOffTopic = (blocks ?? []).some((block) => block.items.some((item) => item.relevance?.grade === 'off'));

  useEffect(() => {
    loadExportOptions().then((options) => setDropOffTopic(options.dropOffTopic), () => {});
  }, []);

  const run = async (kind: Kind, button: HTMLElement) => {
    setStatus('');
    try {
      const [{ toMarkdown }, { toHtmlFile, exportFileName }, { default: css }] = await loadConverters();
      const article = extraction.article;
      // Sanitised again here, in this document, as the view does (components/ArticleBody.tsx).
      const bodyHtml = article ? sanitizeHtml(article.contentHtml, extraction.url) : '';
      const x: Extraction = {
        ...extraction,
        article: article && { ...article, contentHtml: bodyHtml },
        related: blocks ?? extraction.related,
      };
      const options = {
        pageOrder,
        dropOffTopic,
        offTopicHeading: t('exportOtherTopics'),
        untitledHeading: t('relatedFallbackHeading'),
      };
      if (kind === 'html') {
        const root = button.closest('.sift');
        const name = exportFileName(x, 'html');
        const html = toHtmlFile(x, {
          ...options,
          css,
          bodyHtml,
          theme: root?.getAttribute('data-theme') ?? undefined,
          font: root?.getAttribute('data-font') ?? undefined,
        }, button.ownerDocument);
        downloadText(html, name, 'text/html;charset=utf-8', button.ownerDocument);
        setStatus(t('exportSaved', name));
        return;
      }
      const markdown = await toMarkdown(x, options);
      if (kind === 'copy') {
        await copyText(markdown, button);
        setStatus(t('exportCopied'));
      } else {
        const name = exportFileName(x, 'md');
        downloadText(markdown, name, 'text/markdown;charset=utf-8', button.ownerDocument);
        setStatus(t('exportSaved', name));
      }
    } catch (err) {
      setStatus(t('exportFailed', err instanceof Error ? err.message : String(err)));
    }
  };

  const action = (kind: Kind, label: string) => (
    <button type="button" class="sift-btn" onClick={(event) => run(kind, event.currentTarget)}>
      {label}
    </button>
  );

  return (
    <details
      ref={panel}
      class="sift-export"
      onToggle={() => {
        // Loaded as the panel opens, so a click on Copy finds them ready (the clipboard wants the click's moment).
        if (panel.current?.open) loadConverters().catch(() => {});
      }}
    >
      <summary>{t('exportTitle')}</summary>
      <div class="sift-export-panel" role="group" aria-label={t('exportTitle')}>
        <div class="sift-export-actions">
          {action('copy', t('exportCopyMarkdown'))}
          {action('md', t('exportSaveMarkdown'))}
          {action('html', t('exportSaveHtml'))}
        </div>
        {hasOffTopic && !pageOrder && (
          <label class="sift-check">
            <input
              type="checkbox"
              checked={dropOffTopic}
              onChange={() => {
                setDropOffTopic(!dropOffTopic);
                saveExportOptions({ dropOffTopic: !dropOffTopic }).catch(() => {});
              }}
            />
            {t('exportDropOffTopic')}
          </label>
        )}
        <output class="sift-export-status" aria-live="polite">
          {status}
        </output>
      </div>
    </details>
  );
}
