import { describe, expect, it } from 'vitest';
import { EXTRACTIONS_KEY, keepExtraction, keptExtraction, pageChanged } from '@/lib/reader/kept-extraction';
import type { ExtractorResult } from '@/lib/messages';

const URL_A = 'https://news.example/a/1.html';
const result = (title: string): ExtractorResult => ({ ok: false, error: title });
const extractions = () => (globalThis as Record<symbol, number | undefined>)[Symbol.for(EXTRACTIONS_KEY)] ?? 0;

describe('the extraction kept in the page', () => {
  it('is given back for the same version of the page at the same address only', () => {
    pageChanged(); // the content script's first report
    const before = extractions();
    keepExtraction(URL_A, result('first'));
    expect(extractions()).toBe(before + 1);
    expect(keptExtraction(URL_A)).toEqual(result('first'));
    // An in-page navigation: another address.
    expect(keptExtraction(`${URL_A}?page=2`)).toBeNull();
    // The page changed (new content): nothing kept, until it is read again.
    pageChanged();
    expect(keptExtraction(URL_A)).toBeNull();
    keepExtraction(URL_A, result('second'));
    expect(keptExtraction(URL_A)).toEqual(result('second'));
    expect(extractions()).toBe(before + 2);
  });
});
