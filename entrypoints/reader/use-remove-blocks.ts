// "Remove" in reader mode (issue 19): while it is on, each readable block of the article is a
// target (outlined on hover and focus, reachable with Tab); a click, Enter or Delete hides it at
// once and hands it to `onRemove`, which remembers it for the site. The blocks are Sift's own copy
// in its shadow root; the page is not touched here.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { REMOVABLE_BLOCKS } from '@/lib/sites/source-block';

const REMOVED = 'sift-removed';

export function useRemoveBlocks(root: RefObject<HTMLElement>, on: boolean, onRemove: (block: Element) => void): void {
  useEffect(() => {
    const body = root.current?.querySelector<HTMLElement>('.sift-article .sift-body');
    if (!on || !body) return;
    const blocks = Array.from(body.querySelectorAll(REMOVABLE_BLOCKS));
    for (const block of blocks) block.setAttribute('tabindex', '0');
    const blockOf = (target: EventTarget | null) => {
      const block = (target as Element | null)?.closest?.(REMOVABLE_BLOCKS);
      return block && body.contains(block) && !block.classList.contains(REMOVED) ? block : null;
    };
    const remove = (event: Event, block: Element) => {
      event.preventDefault();
      event.stopPropagation(); // a link in the block does not open
      block.classList.add(REMOVED);
      block.removeAttribute('tabindex');
      onRemove(block);
    };
    const onClick = (event: MouseEvent) => {
      const block = blockOf(event.target);
      if (block) remove(event, block);
    };
    const onKey = (event: KeyboardEvent) => {
      const block = event.key === 'Enter' || event.key === 'Delete' ? blockOf(event.target) : null;
      if (block) remove(event, block);
    };
    body.addEventListener('click', onClick, true);
    body.addEventListener('keydown', onKey, true);
    return () => {
      body.removeEventListener('click', onClick, true);
      body.removeEventListener('keydown', onKey, true);
      for (const block of blocks) block.removeAttribute('tabindex');
    };
  }, [on]);
}
