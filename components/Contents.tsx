// The article's table of contents (issue 18): shown for an article with three or more headings,
// folded by default into one line that stays under the toolbar while the article scrolls and names
// the section being read; open, it lists the headings with that one marked (aria-current). Its
// links are ordinary links (Tab, Enter): one scrolls its heading to just under the line and moves
// focus there, so the keys read on from it. The headings are read from the rendered article, so a
// long article's later parts (components/ArticleBody.tsx) are picked up as they are added.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Translate } from '@/lib/i18n';
import { collapseWhitespace } from '@/lib/extract/text';
import { onScrollFrame, scrollBoxOf } from './scroll-box';

export const MIN_HEADINGS = 3;
const HEADINGS = '.sift-body :is(h1, h2, h3, h4, h5, h6)';
// (The body's own changes only: the contents' own line changes as the article scrolls.)
/** A heading counts as reached once its top is this close under the folded contents line. */
const REACHED_PX = 24;
/** Space left above a heading the contents scrolled to. */
const GAP_PX = 8;

interface Entry {
  element: HTMLElement;
  text: string;
  /** 0 for the article's top level of heading, 1 and 2 below it. */
  depth: number;
}

function readHeadings(article: Element): Entry[] {
  const found = [...article.querySelectorAll<HTMLElement>(HEADINGS)]
    .map((element) => ({ element, text: collapseWhitespace(element.textContent ?? ''), level: Number(element.localName[1]) }))
    .filter((h) => h.text);
  const top = Math.min(...found.map((h) => h.level));
  return found.map(({ element, text, level }) => ({ element, text, depth: Math.min(2, level - top) }));
}

const sameEntries = (a: Entry[], b: Entry[]) =>
  a.length === b.length && a.every((e, i) => e.element === b[i].element && e.text === b[i].text);

export function Contents({ t }: { t: Translate }) {
  const nav = useRef<HTMLElement>(null);
  const summary = useRef<HTMLElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [current, setCurrent] = useState(-1);
  const [open, setOpen] = useState(false);
  const [stickTop, setStickTop] = useState(0);

  // The headings, read again whenever the article's content changes (parts added later).
  useEffect(() => {
    const article = nav.current?.parentElement;
    const body = article?.querySelector('.sift-body');
    if (!article || !body) return;
    const read = () => setEntries((prev) => {
      const next = readHeadings(article);
      return sameEntries(prev, next) ? prev : next;
    });
    read();
    const observer = new MutationObserver(read);
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const shown = entries.length >= MIN_HEADINGS;

  // Stuck just under the toolbar, whatever its height (it wraps on a narrow popup).
  useEffect(() => {
    const root = nav.current?.getRootNode() as Document | ShadowRoot | undefined;
    const bar = root?.querySelector?.<HTMLElement>('.sift-bar');
    if (!shown || !bar) return;
    const measure = () => setStickTop(bar.offsetHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [shown]);

  // The section being read: the last heading whose top has come up to the folded line.
  useEffect(() => {
    const element = nav.current;
    if (!shown || !element) return;
    const box = scrollBoxOf(element);
    const update = () => {
      const line = box.coveredTop() + (summary.current?.offsetHeight ?? 0) + REACHED_PX;
      let index = -1;
      for (let i = 0; i < entries.length; i++) {
        if (entries[i].element.getBoundingClientRect().top <= line) index = i;
        else break;
      }
      setCurrent(index);
    };
    update();
    return onScrollFrame(box, update);
  }, [shown, entries]);

  if (!shown) return <nav ref={nav} class="sift-toc" hidden />;

  const go = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>, entry: Entry) => {
    event.preventDefault();
    const element = nav.current;
    if (!element) return;
    setOpen(false);
    const box = scrollBoxOf(element);
    const heading = entry.element;
    // Focusable by script only, so focus can move to it and the next Tab goes on from there.
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    const target = box.coveredTop() + (summary.current?.offsetHeight ?? 0) + GAP_PX;
    box.scrollBy(heading.getBoundingClientRect().top - target);
    heading.focus({ preventScroll: true });
  };

  const currentText = current >= 0 ? entries[current].text : '';
  return (
    <nav ref={nav} class="sift-toc" aria-label={t('contentsLabel')} style={{ top: `${stickTop}px` }}>
      <details open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary ref={summary}>
          <span class="sift-toc-label">{t('contentsTitle')}</span>
          {currentText && (
            <span class="sift-toc-current">
              <bdi>{currentText}</bdi>
            </span>
          )}
        </summary>
        <ol class="sift-toc-list">
          {entries.map((entry, index) => (
            <li key={index} class={`sift-toc-d${entry.depth}`}>
              <a
                href={`#sift-section-${index + 1}`}
                aria-current={index === current ? 'location' : undefined}
                onClick={(event) => go(event, entry)}
              >
                {entry.text}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
