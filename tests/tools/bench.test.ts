import { describe, expect, it } from 'vitest';
import { HUGE_PAGE, generateHugePage } from './bench-gen';

describe('bench stress page generator', () => {
  it('writes at least 5 MB and 100,000 elements, and counts the elements it writes', () => {
    const { html, elements } = generateHugePage();
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(HUGE_PAGE.minBytes);
    expect(elements).toBeGreaterThanOrEqual(HUGE_PAGE.minElements);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.getElementsByTagName('*').length).toBe(elements);
    expect(doc.querySelector('article h1')?.textContent).toBe('Council expands the tram network');
    expect(doc.querySelectorAll('section.related li a[href]').length).toBe(8);
  });

  it('scales to the sizes it is asked for', () => {
    const { html, elements } = generateHugePage({ minBytes: 20_000, minElements: 500 });
    expect(elements).toBeGreaterThanOrEqual(500);
    expect(elements).toBeLessThan(600);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.getElementsByTagName('*').length).toBe(elements);
  });
});
