import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelatedList, type RelatedListProps } from '@/components/RelatedList';
import type { GradedBlock, GradedItem } from '@/lib/reader/grade-related';
import type { RelatedBlock } from '@/lib/extract/types';
import { en, zh } from '../support/locale';

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

// Issue 15: graded items grouped and folded, page order, summaries, the reader's marks.
describe('RelatedList, graded', () => {
  const item = (n: number, grade: 'on' | 'near' | 'off', extra: Partial<GradedItem> = {}): GradedItem => ({
    title: `Item ${n}`,
    url: `https://example.org/${n}.html`,
    snippet: `Snippet ${n}`,
    relevance:
      grade === 'on'
        ? { grade, reason: { kind: 'shared', terms: ['cooling'] } }
        : grade === 'near'
          ? { grade, reason: { kind: 'same-field', field: 'tech', terms: ['AI'] } }
          : { grade, reason: { kind: 'different-topic', field: 'sports', terms: ['足球'] } },
    ...extra,
  });
  // Page order: off, on, near, off, on.
  const graded: GradedBlock[] = [{ heading: 'Related stories', items: [item(1, 'off'), item(2, 'on'), item(3, 'near'), item(4, 'off'), item(5, 'on')] }];

  function mountGraded(props: Partial<RelatedListProps> = {}, t = en) {
    root = document.createElement('div');
    document.body.append(root);
    const all = { blocks: graded, opened: new Set<string>(), onOpenLink: vi.fn(), t, ...props };
    act(() => render(<RelatedList {...all} />, root));
    return all;
  }
  const titles = (scope: ParentNode) => [...scope.querySelectorAll('.sift-item-link')].map((a) => a.textContent);

  it('lists on-topic items first and plain, then near ones with their note, and folds the off-topic ones', () => {
    mountGraded();
    const block = root.querySelector('details.sift-related')!;
    const [main] = block.querySelectorAll(':scope > ol.sift-items');
    expect(titles(main)).toEqual(['Item 2', 'Item 5', 'Item 3']);
    const rows = [...main.querySelectorAll('.sift-item')];
    expect(rows.map((li) => li.querySelector('.sift-reason')?.textContent ?? null)).toEqual([null, null, 'same field (technology)']);
    expect(rows[2].classList.contains('is-near')).toBe(true);
    const fold = block.querySelector<HTMLDetailsElement>('details.sift-off')!;
    expect(fold.open).toBe(false);
    expect(fold.querySelector('summary')?.textContent).toBe('2 on other topics');
    expect(titles(fold)).toEqual(['Item 1', 'Item 4']);
    expect([...fold.querySelectorAll('.sift-reason')].map((p) => p.textContent)).toEqual(['different topic (sports)', 'different topic (sports)']);
    // The block's count stays what the page lists; the summary line says how many are on topic.
    expect(block.querySelector('.sift-count')?.textContent).toBe('5');
    expect(root.querySelector('.sift-related-summary')?.textContent).toBe("2 of 5 on this article's topic");
  });

  it('words the reasons and the fold in Chinese', () => {
    mountGraded({}, zh);
    expect(root.querySelector('details.sift-off > summary')?.textContent).toBe('另有 2 条其他话题');
    expect(root.querySelector('.sift-item.is-near .sift-reason')?.textContent).toBe('同一领域（科技）');
    expect(root.querySelector('.sift-item.is-off .sift-reason')?.textContent).toBe('其他话题（体育）');
    expect(root.querySelector('.sift-related-summary')?.textContent).toBe('5 条中有 2 条与本文主题相关');
  });

  it('folds nothing when no item is off topic', () => {
    mountGraded({ blocks: [{ heading: 'Related', items: [item(1, 'on'), item(2, 'on')] }] });
    expect(root.querySelector('details.sift-off')).toBeNull();
    expect(titles(root)).toEqual(['Item 1', 'Item 2']);
  });

  it('shows every item unfolded in page order with the page-order setting, each with its reason', () => {
    mountGraded({ pageOrder: true });
    expect(root.querySelector('details.sift-off')).toBeNull();
    expect(titles(root)).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5']);
    expect([...root.querySelectorAll('.sift-item')].map((li) => Boolean(li.querySelector('.sift-reason')))).toEqual([true, false, true, true, false]);
  });

  it('shows every summary at once with "Show summaries", and each item can still close its own', () => {
    const props = mountGraded({ showSummaries: false, onShowSummaries: vi.fn() });
    const toggle = root.querySelector<HTMLButtonElement>('.sift-show-summaries')!;
    expect(toggle.textContent).toBe('Show summaries');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    act(() => toggle.click());
    expect(props.onShowSummaries).toHaveBeenCalledWith(true);
    act(() => render(<RelatedList {...props} showSummaries />, root));
    const panels = [...root.querySelectorAll<HTMLElement>('.sift-item-more')];
    expect(panels.every((p) => !p.hidden)).toBe(true);
    expect(root.querySelector('.sift-show-summaries')?.getAttribute('aria-pressed')).toBe('true');
    act(() => root.querySelector<HTMLButtonElement>('.sift-more')!.click());
    expect(panels[0].hidden).toBe(true);
    expect(panels[1].hidden).toBe(false);
  });

  it('offers "Not related" on related items and "Related" on the others, and reports the mark', () => {
    const props = mountGraded({ marks: {}, onMark: vi.fn() });
    const buttonOf = (n: number) =>
      root.querySelector(`a[href="https://example.org/${n}.html"]`)!.closest('li')!.querySelector<HTMLButtonElement>('.sift-mark')!;
    expect(buttonOf(2).textContent).toBe('Not related');
    expect(buttonOf(2).getAttribute('aria-label')).toBe('Not related: Item 2');
    expect(buttonOf(1).textContent).toBe('Related');
    act(() => buttonOf(2).click());
    expect(props.onMark).toHaveBeenLastCalledWith('https://example.org/2.html', 'off');
    // Marked now: pressed, and a second press takes it back. The item stays where it was graded.
    act(() => render(<RelatedList {...props} marks={{ 'https://example.org/2.html': 'off' }} />, root));
    expect(buttonOf(2).getAttribute('aria-pressed')).toBe('true');
    expect(titles(root.querySelector(':scope details.sift-related > ol')!)[0]).toBe('Item 2');
    act(() => buttonOf(2).click());
    expect(props.onMark).toHaveBeenLastCalledWith('https://example.org/2.html', null);
  });

  it('says when the reader\'s own mark placed an item', () => {
    mountGraded({ blocks: [{ heading: 'Related', items: [item(1, 'off', { marked: 'off' }), item(2, 'on', { marked: 'on' })] }] });
    expect(root.querySelector('.sift-item.is-off .sift-reason')?.textContent).toBe('you marked it not related');
    expect(root.querySelector('.sift-item:not(.is-off) .sift-reason')?.textContent).toBe('you marked it related');
  });

  it('puts the block header on the reading side of a right-to-left page', () => {
    mountGraded({ dir: 'rtl', lang: 'ar' });
    expect(root.querySelector('details.sift-related')?.getAttribute('dir')).toBe('rtl');
    // The interface's words inside it are isolated, so they read right in either direction.
    expect(root.querySelector('details.sift-off > summary > bdi')).not.toBeNull();
  });

  it('offers "Open in Sift" on every item, named with its title, beside the link that still opens a tab', () => {
    const props = mountGraded({ onOpenInSift: vi.fn() });
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.sift-in-sift')];
    expect(buttons).toHaveLength(5);
    const second = root.querySelector('a[href="https://example.org/2.html"]')!.closest('li')!;
    const button = second.querySelector<HTMLButtonElement>('button.sift-in-sift')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toContain('Open in Sift: Item 2');
    // Its tooltip says why the browser is about to ask for the link's site.
    expect(button.title).toContain('asks your browser for example.org at this click');
    act(() => button.click());
    expect(props.onOpenInSift).toHaveBeenCalledExactlyOnceWith('https://example.org/2.html');
    expect(props.onOpenLink).not.toHaveBeenCalled();
    act(() => second.querySelector<HTMLAnchorElement>('.sift-item-link')!.click());
    expect(props.onOpenLink).toHaveBeenCalledWith('https://example.org/2.html', { active: false, newWindow: false });
    expect(props.onOpenInSift).toHaveBeenCalledTimes(1);
  });

  it('offers no "Open in Sift" without a handler', () => {
    mountGraded();
    expect(root.querySelector('.sift-in-sift')).toBeNull();
  });

  it('is the focusable, named target of the jump control', () => {
    mountGraded();
    const section = root.querySelector<HTMLElement>('.sift-related-all')!;
    expect(section.tabIndex).toBe(-1);
    expect(section.getAttribute('aria-label')).toBe('Related items');
  });
});
