import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Extraction } from '@/lib/extract/types';
import { en } from '../support/locale';

vi.mock('@/lib/extract/sanitize', () => ({ sanitizeHtml: (html: string) => html }));
const { ReaderView } = await import('@/components/ReaderView');
type RelatedControls = import('@/components/ReaderView').RelatedControls;

const extraction: Extraction = {
  url: 'https://news.example/a/1.html',
  detection: { isArticle: true, relatedCount: 1, lang: 'en' },
  article: {
    title: 'A title',
    byline: 'Harbor News',
    siteName: 'Harbor News',
    publishedTime: 'not a date',
    lang: 'en',
    dir: 'ltr',
    contentHtml: '<p>Body text</p>',
    textLength: 9,
    readingMinutes: 4,
  },
  related: [{ heading: 'Related stories', items: [{ title: 'Other', url: 'https://news.example/b.html' }] }],
};

let root: HTMLElement;
/** Lets the lazily loaded grader (lib/reader/grade-related.ts, imported after the article's frame) answer. */
async function settle() {
  await act(async () => {
    await import('@/lib/reader/grade-related');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function mount(value: Extraction) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ReaderView extraction={value} opened={new Set()} onOpenLink={() => {}} t={en} />, root));
  await settle();
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ReaderView', () => {
  it('shows title, one meta part per distinct value, reading time, body, then related items', async () => {
    await mount(extraction);
    expect(root.querySelector('h1.sift-title')?.textContent).toBe('A title');
    // Only the popup names the title for Element Timing (npm run bench); the overlay, in the page, does not.
    expect(root.querySelector('h1.sift-title')?.hasAttribute('elementtiming')).toBe(false);
    // The source's domain first, as a link to the page (issue 17.4).
    expect([...root.querySelectorAll('.sift-meta-part')].map((e) => e.textContent)).toEqual(['news.example', 'Harbor News', 'not a date', '4 min']);
    expect(root.querySelector('.sift-meta a.sift-source')?.getAttribute('href')).toBe(extraction.url);
    expect(root.querySelector('.sift-body')?.innerHTML).toBe('<p>Body text</p>');
    const order = [...root.querySelectorAll('.sift-body, .sift-related')].map((e) => e.className);
    expect(order).toEqual(['sift-body', 'sift-related']);
  });

  it('paints the article first and adds the related list after that frame', async () => {
    root = document.createElement('div');
    document.body.append(root);
    // Outside act(), effects wait for the frame: the first render has the article and no list.
    render(<ReaderView extraction={extraction} opened={new Set()} onOpenLink={() => {}} t={en} />, root);
    expect(root.querySelector('h1.sift-title')?.textContent).toBe('A title');
    expect(root.querySelector('.sift-related')).toBeNull();
    await vi.waitFor(() => expect(root.querySelectorAll('.sift-item-link')).toHaveLength(1));
  });

  it('says when there is no article text and still lists related items', async () => {
    await mount({ ...extraction, article: null });
    expect(root.querySelector('.sift-title')).toBeNull();
    expect(root.querySelector('.sift-note')?.textContent).toContain('no article text');
    expect(root.querySelectorAll('.sift-item-link')).toHaveLength(1);
  });

  it('shows no related section when every block is empty', async () => {
    await mount({ ...extraction, related: [{ heading: 'Related', items: [] }] });
    expect(root.querySelector('.sift-related-all')).toBeNull();
  });
});

describe('ReaderView, grading the related items (issue 15)', () => {
  const news: Extraction = {
    ...extraction,
    article: { ...extraction.article!, title: 'Data centers turn to liquid cooling as AI racks outgrow air', contentHtml: '<p>Liquid cooling for AI racks in data centers.</p>' },
    related: [
      {
        heading: 'Related stories',
        items: [
          { title: 'Liquid cooling for AI racks spreads to more data centers', url: 'https://news.example/c.html' },
          { title: 'Local football team wins the cup final', url: 'https://news.example/d.html' },
        ],
      },
    ],
  };
  const controls = (over: Partial<RelatedControls> = {}): RelatedControls => ({
    pageOrder: false,
    showSummaries: false,
    onShowSummaries: vi.fn(),
    marks: {},
    onMark: vi.fn(),
    onGraded: vi.fn(),
    ...over,
  });
  async function mountWith(c: RelatedControls) {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<ReaderView extraction={news} opened={new Set()} onOpenLink={() => {}} t={en} controls={c} />, root));
    await settle();
  }

  it('waits for the site\'s marks, then grades once and reports the counts', async () => {
    const c = controls({ marks: null });
    await mountWith(c);
    expect(root.querySelector('.sift-related-all')).toBeNull();
    act(() => render(<ReaderView extraction={news} opened={new Set()} onOpenLink={() => {}} t={en} controls={{ ...c, marks: {} }} />, root));
    await settle();
    expect(root.querySelectorAll('.sift-item-link')).toHaveLength(2);
    expect(c.onGraded).toHaveBeenCalledTimes(1);
    const counts = (c.onGraded as ReturnType<typeof vi.fn>).mock.calls[0][0];
    expect(counts.total).toBe(2);
    expect(counts.on).toBeGreaterThanOrEqual(1);
    // A mark made now changes the button, not the grades (they follow the next time).
    act(() =>
      render(
        <ReaderView extraction={news} opened={new Set()} onOpenLink={() => {}} t={en} controls={{ ...c, marks: { 'https://news.example/c.html': 'off' } }} />,
        root,
      ),
    );
    expect(c.onGraded).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.sift-item-link')?.textContent).toContain('Liquid cooling');
    expect(root.querySelector('.sift-mark')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('applies the marks there were when it graded', async () => {
    const c = controls({ marks: { 'https://news.example/c.html': 'off', 'https://news.example/d.html': 'on' } });
    await mountWith(c);
    expect(root.querySelector('details.sift-related > ol .sift-item-link')?.textContent).toBe('Local football team wins the cup final');
    expect(root.querySelector('details.sift-off .sift-item-link')?.textContent).toContain('Liquid cooling');
    expect((c.onGraded as ReturnType<typeof vi.fn>).mock.calls[0][0]).toMatchObject({ total: 2, on: 1, off: 1 });
  });

  it('says when the site\'s picked article was not found on the page (issue 19), and only then', async () => {
    const note = 'Your picked article for this site was not found on this page; Sift chose the article itself.';
    await mount({ ...extraction, ruleNotes: [{ action: 'article', selector: 'section.gone', matched: false }, { action: 'remove', selector: 'aside', matched: true }] });
    expect(root.querySelector('.sift-rule-note')?.textContent).toBe(note);
    render(null, root);
    root.remove();
    await mount({ ...extraction, ruleNotes: [{ action: 'article', selector: 'section.gone', matched: false }, { action: 'article', selector: 'main', matched: true }] });
    expect(root.querySelector('.sift-rule-note')).toBeNull();
    render(null, root);
    root.remove();
    // A remove rule that finds nothing needs no note: the block is simply not on this page.
    await mount({ ...extraction, ruleNotes: [{ action: 'remove', selector: 'aside.promo', matched: false }] });
    expect(root.querySelector('.sift-rule-note')).toBeNull();
  });
});
