// "Pick the article" (issue 19): while reader mode steps aside, a transparent layer of Sift's own
// (in its shadow root) over the page takes the pointer and the keys, so the page is seen but never
// clicked, styled or changed: the outline is Sift's element drawn over the page's. Hovering
// outlines the element under the pointer, a click picks it; the arrow keys move to the parent
// (Up), the first child (Down) and the siblings (Left/Right), Enter picks; Esc cancels. The page
// stays locked (page-lock.ts): the wheel and Page Up/Down scroll it from here.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

export interface PickerProps {
  onPick: (element: Element) => void;
  onCancel: () => void;
  t: Translate;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'head', 'html', 'body']);

/** A page element one can see and pick (not Sift's own host, not the page's scripts). */
function pickable(el: Element | null, host: Element | null): el is Element {
  return !!el && el !== host && !host?.contains(el) && !SKIPPED.has(el.localName) && !!el.ownerDocument.body?.contains(el);
}

/** Short words for the outlined element, for the status line: tag, id, first classes. */
function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = Array.from(el.classList).slice(0, 2).map((c) => `.${c}`).join('');
  return `${el.localName}${id}${classes}`.slice(0, 80);
}

function next(el: Element, key: string, host: Element | null): Element | null {
  const step = (from: Element | null, move: (e: Element) => Element | null): Element | null => {
    for (let e = from; e; e = move(e)) if (pickable(e, host)) return e;
    return null;
  };
  if (key === 'ArrowUp') return step(el.parentElement, (e) => e.parentElement);
  if (key === 'ArrowDown') return step(el.firstElementChild, (e) => e.nextElementSibling);
  if (key === 'ArrowLeft') return step(el.previousElementSibling, (e) => e.previousElementSibling);
  if (key === 'ArrowRight') return step(el.nextElementSibling, (e) => e.nextElementSibling);
  return null;
}

export function Picker({ onPick, onCancel, t }: PickerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<Element | null>(null);
  const [box, setBox] = useState<DOMRect | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const host = () => (layer.current?.getRootNode() as ShadowRoot | undefined)?.host ?? null;

  const show = (el: Element | null) => {
    setTarget(el);
    setBox(el ? el.getBoundingClientRect() : null);
  };
  /** The page's element under a point of the window, seen through Sift's layer. */
  const at = (x: number, y: number) => document.elementsFromPoint(x, y).find((el) => pickable(el, host())) ?? null;

  // The keys, from the window in its capture phase: they reach Sift first wherever the focus is
  // (the page behind is not inert while the dialog is closed), and the page does not see them.
  const targetNow = useRef(target);
  targetNow.current = target;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const page = event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
      const handled = page || event.key === 'Escape' || event.key === 'Enter' || event.key.startsWith('Arrow');
      // Enter on Sift's own Cancel button is that button's.
      const inBar = (event.composedPath()[0] as Element | undefined)?.closest?.('.sift-picker-bar');
      if (!handled || (inBar && event.key !== 'Escape')) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const current = targetNow.current;
      if (page) return void (window.scrollBy({ top: page * innerHeight * 0.8, behavior: 'instant' }), current && show(current));
      if (event.key === 'Escape') return onCancel();
      if (event.key === 'Enter') return void (current && onPick(current));
      // The first key starts from what is in the middle of the window.
      const el = current ? next(current, event.key, host()) : at(innerWidth / 2, innerHeight / 2);
      if (!el) return;
      el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      show(el);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    // Again after the frame: closing reader mode's dialog (Overlay) may hand the focus back to the page.
    const focus = () => layer.current?.focus({ preventScroll: true });
    focus();
    const frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <div
      ref={layer}
      class="sift-picker"
      tabIndex={-1}
      role="application"
      aria-label={t('pickLabel')}
      aria-describedby="sift-picker-hint"
      onPointerMove={(event) => {
        pointer.current = { x: event.clientX, y: event.clientY };
        const el = at(event.clientX, event.clientY);
        if (el !== target) show(el);
      }}
      onClick={(event) => {
        event.preventDefault();
        // Sift's own bar is not a pick.
        if ((event.target as Element).closest?.('.sift-picker-bar')) return;
        const el = at(event.clientX, event.clientY);
        if (el) onPick(el);
      }}
      onWheel={(event) => {
        // The page is locked behind reader mode: scrolled from here, then the outline follows.
        window.scrollBy({ left: event.deltaX, top: event.deltaY, behavior: 'instant' });
        requestAnimationFrame(() => show(pointer.current ? at(pointer.current.x, pointer.current.y) : target));
      }}
    >
      {box && <div class="sift-picker-outline" style={{ top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` }} />}
      <div class="sift-picker-bar">
        <p id="sift-picker-hint">{t('pickHint')}</p>
        <p class="sift-picker-target" role="status">
          {target ? describe(target) : ''}
        </p>
        <button type="button" class="sift-btn" onClick={(event) => (event.stopPropagation(), onCancel())}>
          {t('pickCancel')}
        </button>
      </div>
    </div>
  );
}
