// The selector "Pick the article" and "Remove" store (issue 19): it names the element's role, not
// its place on this one page, so it finds the same block on the site's other pages; it always
// matches exactly the picked element in its own page, and stays within the size limit.
import { afterAll, describe, expect, it } from 'vitest';
import { selectorFor, stableName } from '@/lib/sites/selector';
import { MAX_SELECTOR_LENGTH } from '@/lib/sites/site-rules';
import { loadHtml, loadPage, type LoadedPage } from '../../support/load-page';
import { FIXTURES } from '../../support/paths';
import { join } from 'node:path';

const opened: LoadedPage[] = [];
const fixture = (id: string) => {
  const page = loadPage(join(FIXTURES, id));
  opened.push(page);
  return page.document;
};
afterAll(async () => {
  for (const p of opened) await p.close();
});
const html = (body: string) => loadHtml(`<!doctype html><html><body>${body}</body></html>`, 'https://news.example/a.html').document;

describe('selectorFor', () => {
  it('names a block of the English news fixture by its classes, and the same selector finds its kind on another page', () => {
    const doc = fixture('en-news-related');
    const body = doc.querySelector('.story__body')!;
    expect(selectorFor(body)).toBe('div.story__body');
    expect(selectorFor(doc.querySelector('.most-read')!)).toBe('section.most-read');
    expect(selectorFor(doc.querySelector('.story__corrections')!)).toBe('p.story__corrections');
    // A stable id wins: #comments.
    expect(selectorFor(doc.querySelector('#comments')!)).toBe('#comments');
  });

  it('matches exactly the element it was made for, in every fixture, within the size limit', () => {
    for (const id of ['seed-dedecms', 'seed-wordpress-zh', 'zh-homepage-not-article', 'rtl-ar-article']) {
      const doc = fixture(id);
      const all = Array.from(doc.body.querySelectorAll('*')).filter((_, i) => i % 7 === 0);
      for (const el of all) {
        const selector = selectorFor(el);
        expect(selector, `${id}: <${el.localName} class="${el.getAttribute('class') ?? ''}">`).not.toBeNull();
        expect(selector!.length).toBeLessThanOrEqual(MAX_SELECTOR_LENGTH);
        const found = doc.querySelectorAll(selector!);
        expect(found.length).toBe(1);
        expect(found[0]).toBe(el);
      }
    }
  });

  it('leaves out ids and classes that look generated, and states', () => {
    expect(stableName('post-18342')).toBe(false);
    expect(stableName('css-1x9f2a7')).toBe(false);
    expect(stableName('article-body')).toBe(true);
    expect(stableName('h2')).toBe(true);
    const doc = html('<main class="site"><div id="post-18342" class="entry-content is-active css-1x9f2a7"><p>Text</p></div><div class="entry-meta"></div></main>');
    expect(selectorFor(doc.querySelector('#post-18342')!)).toBe('div.entry-content');
  });

  it('anchors on a distinctive ancestor before it counts positions, and counts only when it must', () => {
    const doc = html(
      '<div class="story"><div class="box"><p>One</p></div></div><aside class="rail"><div class="box"><p>Two</p></div></aside>' +
        '<div class="plain"><p>a</p><p>b</p></div>',
    );
    expect(selectorFor(doc.querySelector('aside .box')!)).toBe('aside.rail div.box');
    expect(selectorFor(doc.querySelector('.story p')!)).toBe('div.story div.box p');
    expect(selectorFor(doc.querySelectorAll('.plain p')[1])).toBe('p:nth-of-type(2)');
    // Not for a "Remove" rule: the second paragraph of every page is not a block to remove.
    expect(selectorFor(doc.querySelectorAll('.plain p')[1], { positions: false })).toBeNull();
    expect(selectorFor(doc.querySelector('aside .box')!, { positions: false })).toBe('aside.rail div.box');
  });

  it('skips the ids the extractor\'s copy drops (a form\'s id can clobber) and refuses <body>', () => {
    const doc = html('<form id="search" class="search-form"><input id="q"></form>');
    expect(selectorFor(doc.querySelector('form')!)).toBe('form.search-form');
    expect(selectorFor(doc.body)).toBeNull();
  });
});
