// "Remove" maps a block of the reader view back to the page's element it came from (issue 19).
import { describe, expect, it } from 'vitest';
import { blockInfo, sourceOf } from '@/lib/sites/source-block';
import { loadHtml } from '../../support/load-page';

const page = (body: string) => loadHtml(`<!doctype html><html><body>${body}</body></html>`, 'https://news.example/a/story.html').document;
const view = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.firstElementChild!;
};

describe('sourceOf', () => {
  it('finds the paragraph by its words, and takes the wrapper that holds only them', () => {
    const doc = page('<article><p>First  paragraph\n of the story.</p><div class="newsletter"><p>Sign up for our newsletter today.</p></div></article>');
    expect(sourceOf(doc, blockInfo(view('<p>First paragraph of the story.</p>')))).toBe(doc.querySelector('article p'));
    expect(sourceOf(doc, blockInfo(view('<p>Sign up for our newsletter today.</p>')))).toBe(doc.querySelector('.newsletter'));
  });

  it('finds a block the extraction trimmed by the words it kept, and nothing for words the page does not have', () => {
    const doc = page('<div><p class="lede">The council met on Tuesday evening to vote. <button>Share</button></p></div>');
    expect(sourceOf(doc, blockInfo(view('<p>The council met on Tuesday evening to vote.</p>')))).toBe(doc.querySelector('p.lede'));
    expect(sourceOf(doc, blockInfo(view('<p>Words that are nowhere on the page at all.</p>')))).toBeNull();
  });

  it('finds an image block by its address, lazy or not', () => {
    const doc = page('<figure class="lead"><img data-src="/img/a.jpg" src="data:image/gif;base64,R0lGOD"></figure><img src="https://cdn.example/b.png">');
    expect(sourceOf(doc, blockInfo(view('<figure><img src="https://news.example/img/a.jpg"></figure>')))).toBe(doc.querySelector('figure.lead'));
    expect(sourceOf(doc, blockInfo(view('<img src="https://cdn.example/b.png">')))).toBe(doc.querySelector('body > img'));
  });
});
