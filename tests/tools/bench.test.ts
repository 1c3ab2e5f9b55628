import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUGE_PAGE, generateHugePage } from './bench-gen';
import { measureShipped } from './bench-sizes';

describe('bench stress page generator', () => {
  it('writes at least 5 MB and 100,000 elements, and counts the elements it writes', () => {
    const { html, elements } = generateHugePage();
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(HUGE_PAGE.minBytes);
    expect(elements).toBeGreaterThanOrEqual(HUGE_PAGE.minElements);
    // Start tags in the markup (parsing 5 MB in happy-dom takes too long for a unit test; the
    // next test checks on a small page that the count equals the parsed DOM's).
    expect(html.match(/<[a-z][a-z0-9]*[\s>]/gi)?.length).toBe(elements);
  });

  it('scales to the sizes it is asked for', () => {
    const { html, elements } = generateHugePage({ minBytes: 20_000, minElements: 500 });
    expect(elements).toBeGreaterThanOrEqual(500);
    expect(elements).toBeLessThan(600);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.getElementsByTagName('*').length).toBe(elements);
    expect(html.match(/<[a-z][a-z0-9]*[\s>]/gi)?.length).toBe(elements);
    expect(doc.querySelector('article h1')?.textContent).toBe('Council expands the tram network');
    expect(doc.querySelectorAll('section.related li a[href]').length).toBe(8);
  });
});

describe('bench size report', () => {
  it('sorts built JS into every-page, popup (with static imports), lazy and background, and attributes bytes via source maps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sift-bench-test-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      };
      write(
        'manifest.json',
        JSON.stringify({
          content_scripts: [
            { matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/content.js'] },
            { matches: ['https://example.com/*'], js: ['content-scripts/narrow.js'] },
          ],
          action: { default_popup: 'popup.html' },
          background: { service_worker: 'background.js' },
        }),
      );
      write('content-scripts/content.js', 'abcdefghij');
      write(
        'content-scripts/content.js.map',
        JSON.stringify({ version: 3, sources: ['../../lib/detect.ts', '../../node_modules/@scope/pkg/index.js'], mappings: 'AAAA,ICAA' }),
      );
      write('content-scripts/narrow.js', 'x');
      write('popup.html', '<script type="module" crossorigin src="/chunks/popup-1.js"></script>');
      write('chunks/popup-1.js', 'import{a}from"./shared-2.js";a();import("./lazy-3.js")');
      write('chunks/shared-2.js', 'export const a=()=>1');
      write('chunks/lazy-3.js', 'export default 1');
      write('background.js', 'self');
      write('extractor.js', '(()=>{})()');

      const sizes = measureShipped(dir);
      expect(sizes.everyPage.files.map((f) => f.file)).toEqual(['content-scripts/content.js']);
      expect(sizes.everyPage.bytes).toBe(10);
      expect(sizes.everyPage.sources).toEqual([
        { source: '@scope/pkg', chars: 6 },
        { source: 'lib/detect.ts', chars: 4 },
      ]);
      expect(sizes.popup.files.map((f) => f.file)).toEqual(['chunks/popup-1.js', 'chunks/shared-2.js']);
      expect(sizes.lazy.files.map((f) => f.file)).toEqual(['chunks/lazy-3.js', 'content-scripts/narrow.js', 'extractor.js']);
      expect(sizes.background.files.map((f) => f.file)).toEqual(['background.js']);
      expect(sizes.popup.gzip).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
