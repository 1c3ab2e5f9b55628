import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../support/locale';

// The component must sanitise again whatever it is given: the mock shows it does, and with what.
const sanitizeHtml = vi.fn((html: string, _base: string) => html.replace(/<script[\s\S]*?<\/script>/g, '') + '<!--sanitised-->');
vi.mock('@/lib/extract/sanitize', () => ({ sanitizeHtml: (html: string, base: string) => sanitizeHtml(html, base) }));

const { ArticleBody, splitLongHtml } = await import('@/components/ArticleBody');

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

describe('a very long article (a 5 MB page)', () => {
  const paragraph = (i: number) => `<p>Paragraph ${i} of a very long article about the council and its long night of debate.</p>`;
  const long = Array.from({ length: 6000 }, (_, i) => paragraph(i)).join('\n');

  it('is cut only between sibling paragraphs, and the parts put back together are the article', () => {
    expect(splitLongHtml('<p>short</p><p>article</p>')).toEqual(['<p>short</p><p>article</p>']);
    const parts = splitLongHtml(long);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toBe(long);
    for (const part of parts.slice(1)) expect(part).toMatch(/^<p>Paragraph \d+ /);
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/<\/p>\n$/);
    expect(parts[0].length).toBeLessThan(long.length / 5);
  });

  it('cuts an ordinary article after its first screen or two, and leaves a short one whole', () => {
    // 150 paragraphs, about 13 KB: the first frame gets the start, the next task the rest (issue 16).
    const ordinary = Array.from({ length: 150 }, (_, i) => paragraph(i)).join('\n');
    const parts = splitLongHtml(ordinary);
    expect(parts).toHaveLength(2);
    expect(parts.join('')).toBe(ordinary);
    expect(parts[0].length).toBeGreaterThan(4_000);
    expect(parts[0].length).toBeLessThan(8_000);
    const short = Array.from({ length: 80 }, (_, i) => paragraph(i)).join('\n');
    expect(splitLongHtml(short)).toEqual([short]);
  });

  it('paints the first part at once, then adds the rest a part per task, each sanitised', async () => {
    const parts = splitLongHtml(long);
    mount(long);
    const body = root.querySelector('.sift-body')!;
    expect(body.classList.contains('sift-long')).toBe(true);
    const first = body.querySelectorAll('p').length;
    expect(first).toBeLessThan(6000);
    expect(sanitizeHtml).toHaveBeenCalledTimes(1);
    expect(sanitizeHtml).toHaveBeenCalledWith(parts[0], 'https://news.example/a/1.html');
    await act(async () => {
      for (let i = 0; i < parts.length + 2; i++) await new Promise((r) => setTimeout(r, 0));
    });
    const all = [...body.querySelectorAll('p')].map((p) => p.textContent);
    expect(all).toHaveLength(6000);
    expect(all[5999]).toContain('Paragraph 5999 ');
    expect(all.every((text, i) => text!.startsWith(`Paragraph ${i} `))).toBe(true);
    expect(sanitizeHtml.mock.calls.map((c) => c[0])).toEqual(parts);
  });

  it('stops with a note when a later part cannot be sanitised', async () => {
    sanitizeHtml.mockImplementation((html: string) => {
      if (html.includes('Paragraph 5999 ')) throw new Error('boom');
      return html;
    });
    mount(long);
    await act(async () => {
      for (let i = 0; i < 40; i++) await new Promise((r) => setTimeout(r, 0));
    });
    sanitizeHtml.mockImplementation((html: string, _base: string) => html.replace(/<script[\s\S]*?<\/script>/g, '') + '<!--sanitised-->');
    expect(root.textContent).not.toContain('Paragraph 5999 ');
    expect(root.querySelector('.sift-body .sift-note')?.textContent).toContain('could not display this article safely');
  });
});
