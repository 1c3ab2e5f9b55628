// The self-contained HTML file: the sanitised article with the reader's CSS inlined, no script,
// the related blocks grouped as the reader shows them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_CSP, exportFileName, toHtmlFile } from '../../../lib/export/export-html';
import { sanitizeHtml } from '../../../lib/extract/sanitize';
import type { Extraction } from '../../../lib/extract/types';
import { ROOT } from '../../support/paths';

const css = readFileSync(join(ROOT, 'components/reader.css'), 'utf8');

const hostile =
  '<h2>Part one</h2><p>Text <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/x">good</a></p>' +
  '<img src="https://img.example/a.jpg" onerror="alert(2)" alt="pic"><script>alert(3)</script>' +
  '<iframe srcdoc="<script>alert(4)</script>"></iframe><p onclick="alert(5)">Click</p>';

function extraction(): Extraction {
  return {
    url: 'https://news.example.com/a/1.html#top',
    detection: { isArticle: true, relatedCount: 3, lang: 'en' },
    article: {
      title: 'A <b>title</b> & more',
      byline: 'Jane Roe',
      siteName: 'Example News',
      publishedTime: '2026-01-02T03:04:05Z',
      lang: 'en',
      dir: 'ltr',
      contentHtml: hostile,
      textLength: 40,
      readingMinutes: 1,
    },
    related: [
      {
        heading: 'Related stories',
        items: [
          { title: 'Off', url: 'https://news.example.com/off', relevance: { grade: 'off', reason: { kind: 'different-topic' } } },
          { title: 'On <i>topic</i>', url: 'https://news.example.com/on', snippet: 'Snip', relevance: { grade: 'on', reason: { kind: 'shared' } } },
          { title: 'Evil', url: 'javascript:alert(6)' },
        ],
      },
    ],
  };
}

function file(over: Partial<Parameters<typeof toHtmlFile>[1]> = {}) {
  const x = extraction();
  const html = toHtmlFile(x, { css, bodyHtml: sanitizeHtml(hostile, x.url), offTopicHeading: 'Other topics', ...over });
  return { html, doc: new DOMParser().parseFromString(html, 'text/html') };
}

describe('toHtmlFile', () => {
  it('is a whole document with the reader CSS inlined, a no-script policy, and the article', () => {
    const { html, doc } = file({ theme: 'sepia' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(doc.title).toBe('A <b>title</b> & more');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(EXPORT_CSP);
    expect(EXPORT_CSP).toContain("default-src 'none'");
    expect(EXPORT_CSP).not.toContain('script-src');
    expect(doc.querySelector('style')!.textContent).toContain('.sift-body pre');
    expect(doc.querySelector('.sift')!.getAttribute('data-theme')).toBe('sepia');
    expect(doc.querySelector('h1.sift-title')!.textContent).toBe('A <b>title</b> & more');
    expect(doc.querySelector('h1 b')).toBeNull();
    expect([...doc.querySelectorAll('.sift-meta-part')].map((e) => e.textContent)).toEqual([
      'news.example.com',
      'Jane Roe',
      'Example News',
      '2026-01-02',
    ]);
    expect(doc.querySelector('.sift-body h2')!.textContent).toBe('Part one');
    expect(doc.querySelector('.sift-body img')!.getAttribute('src')).toBe('https://img.example/a.jpg');
  });

  it('holds no script, handler, frame or unsafe link, even given an unsanitised body', () => {
    for (const bodyHtml of [undefined, hostile]) {
      const { html, doc } = file(bodyHtml ? { bodyHtml } : {});
      expect(doc.querySelectorAll('script, iframe, object, embed').length).toBe(0);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son\w+=/i);
      for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^https?:/);
    }
  });

  it('lists the related items grouped as the reader shows them', () => {
    const { doc } = file();
    const block = doc.querySelector('.sift-related')!;
    expect(block.querySelector('h2')!.textContent).toBe('Related stories');
    const lists = block.querySelectorAll('ol');
    expect([...lists[0].querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['On <i>topic</i>', 'https://news.example.com/on'],
    ]);
    expect(block.querySelector('h3')!.textContent).toBe('Other topics');
    expect(lists[1].textContent).toContain('Off');
    expect(doc.body.textContent).not.toContain('Evil');
    const dropped = file({ dropOffTopic: true }).doc;
    expect(dropped.querySelector('.sift-related h3')).toBeNull();
    expect(dropped.body.textContent).not.toContain('Off');
  });
});

describe('exportFileName', () => {
  it('is the title without characters file systems refuse', () => {
    expect(exportFileName(extraction(), 'md')).toBe('A b title b & more.md');
    const x = extraction();
    x.article!.title = '标题：a/b\\c*?"<>|';
    expect(exportFileName(x, 'html')).toBe('标题：a b c.html');
    x.article!.title = '...';
    expect(exportFileName(x, 'md')).toBe('article.md');
  });
});
