// The popup's loading state: grey bars at once, and words when the page is slow to read.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadingSkeleton, SLOW_READ_MS } from '@/components/States';
import { en, zh } from '../support/locale';

function mount(t = en) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<LoadingSkeleton t={t} />, root));
  return { root, unmount: () => (act(() => render(null, root)), root.remove()) };
}

describe('the loading skeleton', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is a live status that names what is happening for screen readers, with no visible words at first', () => {
    const { root, unmount } = mount();
    const status = root.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.querySelector('.sift-visually-hidden')!.textContent).toBe(en('loading'));
    expect(root.querySelector('.sift-skeleton-note')).toBeNull();
    expect(root.querySelectorAll('.sift-bone').length).toBeGreaterThan(2);
    unmount();
  });

  it('says in visible words that a slow page is still being read, after SLOW_READ_MS', () => {
    const { root, unmount } = mount();
    act(() => {
      vi.advanceTimersByTime(SLOW_READ_MS - 1);
    });
    expect(root.querySelector('.sift-skeleton-note')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    const note = root.querySelector('[role="status"] .sift-skeleton-note')!;
    expect(note.textContent).toBe(en('loadingLong'));
    expect(en('loadingLong')).not.toBe('loadingLong');
    unmount();
  });

  it('says it in the browser language', () => {
    const { root, unmount } = mount(zh);
    act(() => {
      vi.advanceTimersByTime(SLOW_READ_MS);
    });
    expect(root.querySelector('.sift-skeleton-note')!.textContent).toBe('仍在读取：这个页面很长。');
    unmount();
  });

  it('stops its timer when the answer replaces it first', () => {
    const { unmount } = mount();
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
