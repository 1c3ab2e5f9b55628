import { afterAll, describe, expect, test } from 'vitest';
import { declobberedCopy, removeMedia } from '../../../../lib/extract/article/declobber';
import { extract } from '../../../../lib/extract/index';
import { loadHtml } from '../../../support/load-page';

const URL_ = 'https://news.example/2024/05/story.html';
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});
function page(body: string) {
  const { window, document } = loadHtml(`<!doctype html><html lang="en"><head><title>A story</title></head><body>${body}</body></html>`, URL_);
  closers.push(() => window.happyDOM.close());
  return document;
}
const prose = '<p>The council voted on Tuesday to approve the plan after a long public hearing that ran into the night and the next morning.</p>'.repeat(8);

describe('declobberedCopy', () => {
  test('drops the names and ids that clobber, keeps the rest, and leaves the page alone', () => {
    const doc = page(`<form id="f"><input name="parentNode"><img name="cloneNode" src="/a.jpg"></form><div id="keep">text</div>`);
    const before = doc.body.innerHTML;
    const copy = declobberedCopy(doc);
    expect(copy.querySelector('[name]')).toBeNull();
    expect(copy.querySelector('form')!.id).toBe('');
    expect(copy.querySelector('#keep')!.textContent).toBe('text');
    expect(copy.defaultView).toBe(doc.defaultView);
    expect(doc.body.innerHTML).toBe(before);
  });

  test('has no media elements (a cloned <video> would keep the copy alive in Chromium)', () => {
    const doc = page(`<article>${prose}<video src="/v.mp4" poster="/p.jpg"><source src="/v.webm">Fallback</video><audio src="/a.mp3"></audio>${prose}</article>`);
    const copy = declobberedCopy(doc);
    expect(copy.querySelectorAll('video, audio, video source').length).toBe(0);
    expect(doc.querySelectorAll('video, audio').length).toBe(2);
    // The article is what it was: the sanitiser drops media anyway.
    expect(extract(copy, URL_, { ownCopy: true }).article?.contentHtml).toBe(extract(doc, URL_).article?.contentHtml);
  });

  test('removeMedia works in a realm without a global Document (npm run eval\'s bare happy-dom window)', () => {
    const doc = page(`<p>x</p><video src="/v.mp4"></video>`);
    const copy = doc.cloneNode(true) as Document;
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'Document')!;
    delete (globalThis as { Document?: unknown }).Document;
    try {
      removeMedia(copy);
    } finally {
      Object.defineProperty(globalThis, 'Document', saved);
    }
    expect(copy.body.innerHTML).toBe('<p>x</p>');
  });

  test('removeMedia on a copy extract() makes of the page itself', () => {
    const doc = page(`<video src="/v.mp4"></video><p>x</p><audio></audio>`);
    const copy = doc.cloneNode(true) as Document;
    removeMedia(copy);
    expect(copy.body.innerHTML).toBe('<p>x</p>');
  });
});
