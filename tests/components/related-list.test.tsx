import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelatedList } from '@/components/RelatedList';
import type { RelatedBlock } from '@/lib/types';
import { en } from './locale';

const blocks: RelatedBlock[] = [
  {
    heading: '相关文章',
    items: [
      { title: 'First item', url: 'https://example.org/1.html', snippet: 'First snippet', image: 'https://example.org/1.jpg' },
      { title: 'Second item', url: 'https://example.org/2.html' },
    ],
  },
  { heading: '', items: [{ title: 'Third item', url: 'https://example.org/3.html', snippet: 'Third snippet' }] },
  { heading: 'Empty block', items: [] },
];

let root: HTMLElement;
function mount(opened: ReadonlySet<string> = new Set(), onOpenLink = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<RelatedList blocks={blocks} opened={opened} onOpenLink={onOpenLink} t={en} />, root));
  return onOpenLink;
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('RelatedList', () => {
  it('shows one open section per non-empty block, under its heading with the count', () => {
    mount();
    const sections = root.querySelectorAll('details.sift-related');
    expect(sections).toHaveLength(2);
    expect([...sections].map((d) => (d as HTMLDetailsElement).open)).toEqual([true, true]);
    expect(sections[0].querySelector('summary h2')?.firstChild?.textContent).toBe('相关文章');
    expect(sections[0].querySelector('.sift-count')?.textContent).toBe('2');
    expect(sections[1].querySelector('summary h2')?.firstChild?.textContent).toBe('Related articles');
  });

  it('renders each item as a real link to its URL', () => {
    mount();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.sift-item-link')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['First item', 'https://example.org/1.html'],
      ['Second item', 'https://example.org/2.html'],
      ['Third item', 'https://example.org/3.html'],
    ]);
  });

  it('opens an item through onOpenLink instead of following the link', () => {
    const onOpenLink = mount();
    const link = root.querySelector<HTMLAnchorElement>('.sift-item-link')!;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      link.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(onOpenLink).toHaveBeenCalledWith('https://example.org/1.html', { active: false, newWindow: false });
  });

  it('hides the snippet and thumbnail until the item is expanded, and loads no image before', () => {
    mount();
    const first = root.querySelector('.sift-item')!;
    const button = first.querySelector<HTMLButtonElement>('.sift-more')!;
    const more = first.querySelector<HTMLElement>('.sift-item-more')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(more.id);
    expect(more.hidden).toBe(true);
    expect(first.querySelector('img')).toBeNull();
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(more.hidden).toBe(false);
    expect(more.querySelector('.sift-snippet')?.textContent).toBe('First snippet');
    expect(more.querySelector('img')?.getAttribute('src')).toBe('https://example.org/1.jpg');
    act(() => button.click());
    expect(more.hidden).toBe(true);
  });

  it('offers no expander for an item with neither snippet nor thumbnail', () => {
    mount();
    const second = root.querySelectorAll('.sift-item')[1];
    expect(second.querySelector('.sift-more')).toBeNull();
  });

  it('marks opened items', () => {
    mount(new Set(['https://example.org/2.html']));
    const items = [...root.querySelectorAll('.sift-item')];
    expect(items.map((li) => li.classList.contains('is-opened'))).toEqual([false, true, false]);
  });
});
