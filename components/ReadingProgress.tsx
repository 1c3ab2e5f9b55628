// A thin bar along the top edge that fills as the article is read, and the reading position: where
// the top of the view is in the article is saved per article URL as the reader scrolls
// (lib/reader/reading-position.ts), and, in reader mode (`restore`), the view opens there again. The
// position is a share of the article's height, so it holds across the popup's and reader mode's
// column widths. Restored once the article is there; while its later parts and images still change
// its height, the view follows, until the reader scrolls.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { loadPosition, savePosition } from '@/lib/reader/reading-position';
import { onScrollFrame, scrollBoxOf, type ScrollBox } from './scroll-box';

/** Saved this long after the scrolling stops. */
const SAVE_AFTER_MS = 400;
/** How long the restored view follows the article's height as its parts and images arrive. */
const FOLLOW_MS = 4000;

export interface ReadingProgressProps {
  url: string;
  /** Open where the reader was (reader mode); the popup only saves. */
  restore?: boolean;
  t: Translate;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/** How far the top of the view is down the article (0 to 1), and how much of it has been read. */
function measure(article: Element, box: ScrollBox): { at: number; read: number } {
  const rect = article.getBoundingClientRect();
  const top = box.coveredTop();
  const visible = box.bottom() - top;
  const at = rect.height > 0 ? clamp((top - rect.top) / rect.height) : 0;
  const scrollable = rect.height - visible;
  const read = scrollable <= 0 ? 1 : clamp((top - rect.top) / scrollable);
  return { at, read };
}

export function ReadingProgress({ url, restore, t }: ReadingProgressProps) {
  const bar = useRef<HTMLDivElement>(null);
  const [read, setRead] = useState(0);

  useEffect(() => {
    const article = bar.current?.parentElement;
    if (!article) return;
    const box = scrollBoxOf(article);
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    let restoring = Boolean(restore);
    let stopFollowing = () => {};

    const show = () => setRead(measure(article, box).read);
    // Saved only when the view scrolled: opening the view at its top says nothing of where the reader was.
    const onFrame = (scrolled: boolean) => {
      show();
      if (!scrolled || restoring) return; // nor before the saved position is back
      clearTimeout(saveTimer);
      const scrolledAt = Date.now();
      saveTimer = setTimeout(() => savePosition(url, measure(article, box).at, scrolledAt).catch(() => {}), SAVE_AFTER_MS);
    };
    show();
    const unlisten = onScrollFrame(box, onFrame);
    // The article grows as its later parts and images arrive: the bar follows.
    const sized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(show);
    sized?.observe(article);

    let cancelled = false;
    if (restore) {
      loadPosition(url)
        .catch(() => null)
        .then((at) => {
          if (cancelled) return;
          restoring = false;
          if (!at) return;
          const place = () => {
            const rect = article.getBoundingClientRect();
            box.scrollBy(rect.top + at * rect.height - box.coveredTop());
          };
          place();
          // Images above collapse or take their size, later parts arrive: the view stays on the
          // saved line until the reader scrolls it (wheel, touch, a key, the scrollbar) or time is up.
          const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
          observer?.observe(article);
          const doc = article.ownerDocument;
          const timer = setTimeout(() => stopFollowing(), FOLLOW_MS);
          const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
          stopFollowing = () => {
            observer?.disconnect();
            clearTimeout(timer);
            for (const type of inputs) doc.removeEventListener(type, stopFollowing, true);
          };
          for (const type of inputs) doc.addEventListener(type, stopFollowing, { capture: true, passive: true });
        });
    }
    return () => {
      cancelled = true;
      unlisten();
      sized?.disconnect();
      stopFollowing();
      clearTimeout(saveTimer);
    };
  }, [url, restore]);

  const percent = Math.round(read * 100);
  return (
    <div
      ref={bar}
      class="sift-progress"
      role="progressbar"
      aria-label={t('readingProgress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div class="sift-progress-fill" style={{ width: `${read * 100}%` }} />
    </div>
  );
}
