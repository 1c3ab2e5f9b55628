import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './locale';

// The component must sanitise again whatever it is given: the mock shows it does, and with what.
const sanitizeHtml = vi.fn((html: string, _base: string) => html.replace(/<script[\s\S]*?<\/script>/g, '') + '<!--sanitised-->');
vi.mock('@/lib/sanitize', () => ({ sanitizeHtml: (html: string, base: string) => sanitizeHtml(html, base) }));

const { ArticleBody } = await import('@/components/ArticleBody');

let root: HTMLElement;
function mount(html: string, onOpenLink = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ArticleBody html={html} baseUrl="https://news.example/a/1.html" onOpenLink={onOpenLink} t={en} />, root));
  return onOpenLink;
}

afterEach(() => {
  render(null, root);
  root.remove();
  sanitizeHtml.mockClear();
});

describe('ArticleBody', () => {
  it('renders only what sanitizeHtml returns for the article HTML', () => {
    mount('<p>Hello</p><script>alert(1)</script>');
    expect(sanitizeHtml).toHaveBeenCalledWith('<p>Hello</p><script>alert(1)</script>', 'https://news.example/a/1.html');
    expect(root.querySelector('.sift-body')!.innerHTML).toBe('<p>Hello</p><!--sanitised-->');
  });

  it('says so instead of rendering when sanitising fails', () => {
    sanitizeHtml.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    mount('<p>Hello</p>');
    expect(root.querySelector('.sift-body')).toBeNull();
    expect(root.textContent).toContain('could not display this article safely');
  });

  it('opens article links through onOpenLink, resolved against the page, and never follows them', () => {
    const onOpenLink = mount('<p><a href="../b/2.html">two</a> <a href="javascript:alert(1)">bad</a></p>');
    const [good, bad] = [...root.querySelectorAll('a')];
    for (const link of [good, bad]) {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
      act(() => {
        link.dispatchEvent(event);
      });
      expect(event.defaultPrevented).toBe(true);
    }
    expect(onOpenLink.mock.calls).toEqual([['https://news.example/b/2.html', { active: false, newWindow: false }]]);
  });
});
