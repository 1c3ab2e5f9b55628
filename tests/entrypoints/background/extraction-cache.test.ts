// The background's per-tab extraction cache is bounded in bytes as well as in tabs (issue 21).
import { afterEach, describe, expect, it } from 'vitest';
import {
  cacheUsage,
  cachedExtraction,
  extractionBytes,
  forgetExtraction,
  MAX_CACHE_BYTES,
  rememberExtraction,
} from '@/entrypoints/background/extraction-cache';
import type { Extraction } from '@/lib/extract/types';

function extractionOf(url: string, contentChars: number): Extraction {
  return {
    url,
    detection: { isArticle: true, relatedCount: 0, lang: 'en' },
    article: {
      title: 'A long article',
      lang: 'en',
      dir: 'ltr',
      contentHtml: `<p>${'x'.repeat(contentChars)}</p>`,
      textLength: contentChars,
      readingMinutes: 1,
    },
    related: [],
  } as Extraction;
}

afterEach(() => {
  for (let tab = 0; tab < 40; tab++) forgetExtraction(tab);
});

describe('extraction cache', () => {
  it('holds no more than its byte budget: twenty 5 MB articles do not stay', () => {
    const fiveMb = 5 * 1024 * 1024 / 2; // characters: two bytes each
    for (let tab = 0; tab < 20; tab++) rememberExtraction(tab, `https://example.org/${tab}`, extractionOf(`https://example.org/${tab}`, fiveMb / 2));
    const usage = cacheUsage();
    expect(usage.bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    expect(usage.entries).toBeGreaterThan(0);
    expect(usage.entries).toBeLessThan(20);
    // The most recent is kept, the oldest went first.
    expect(cachedExtraction(19, 'https://example.org/19')).toBeDefined();
    expect(cachedExtraction(0, 'https://example.org/0')).toBeUndefined();
  });

  it('does not keep an extraction larger than the whole budget, and frees what it forgets', () => {
    const huge = extractionOf('https://example.org/huge', MAX_CACHE_BYTES);
    expect(extractionBytes(huge)).toBeGreaterThan(MAX_CACHE_BYTES);
    rememberExtraction(1, 'https://example.org/huge', huge);
    expect(cachedExtraction(1, 'https://example.org/huge')).toBeUndefined();
    expect(cacheUsage().bytes).toBe(0);

    rememberExtraction(2, 'https://example.org/a', extractionOf('https://example.org/a', 1000));
    rememberExtraction(2, 'https://example.org/b', extractionOf('https://example.org/b', 2000));
    expect(cacheUsage().entries).toBe(1);
    expect(cacheUsage().bytes).toBe(extractionBytes(extractionOf('https://example.org/b', 2000)));
    forgetExtraction(2);
    expect(cacheUsage()).toEqual({ entries: 0, bytes: 0 });
  });
});
