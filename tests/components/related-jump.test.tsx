// "Related · N" at the top of the popup and reader mode: it moves focus to the related list.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { RelatedJump } from '@/components/RelatedJump';
import { RelatedList } from '@/components/RelatedList';
import { en, zh } from '../support/locale';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(count: number, counts?: { total: number; on: number; near: number; off: number }, t = en) {
  root = document.createElement('div');
  document.body.append(root);
  const blocks = [{ heading: 'Related', items: [{ title: 'One', url: 'https://example.org/1' }] }];
  act(() =>
    render(
      <div class="sift">
        <header>
          <button type="button">Before</button>
          <RelatedJump count={count} counts={counts} t={t} />
        </header>
        <RelatedList blocks={blocks} opened={new Set()} onOpenLink={() => {}} t={t} />
      </div>,
      root,
    ),
  );
}

describe('RelatedJump', () => {
  it('says how many items the page lists and moves focus to the list', () => {
    mount(29);
    const jump = root.querySelector<HTMLButtonElement>('.sift-jump')!;
    expect(jump.textContent).toBe('Related · 29');
    expect(jump.title).toBe('Go to the related items');
    act(() => jump.click());
    expect(document.activeElement).toBe(root.querySelector('.sift-related-all'));
  });

  it('tells how many are on topic once graded, in the interface language', () => {
    mount(29, { total: 29, on: 0, near: 4, off: 25 }, zh);
    const jump = root.querySelector<HTMLButtonElement>('.sift-jump')!;
    expect(jump.textContent).toBe('相关 · 29');
    expect(jump.title).toBe('29 条中有 0 条与本文主题相关');
  });

  it('is not there when the page lists nothing', () => {
    mount(0);
    expect(root.querySelector('.sift-jump')).toBeNull();
  });
});
