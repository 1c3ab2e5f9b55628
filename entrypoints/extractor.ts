// Injected on demand by the background (scripting.executeScript, files: ['/extractor.js']) when
// the popup opens or reader mode finds nothing read yet. Runs lib's extract() on the live page in
// the isolated world, once per version of the page: the answer is kept there for reader mode
// (lib/reader/kept-extraction.ts), and an injection that finds it kept answers with it at once. WXT
// returns main()'s value as the injection result, with the page's reader state in it.
import { declobberedCopy } from '@/lib/extract/article/declobber';
import { extract } from '@/lib/extract/index';
import { keepExtraction, keptExtraction } from '@/lib/reader/kept-extraction';
import { EXTRACT_ANYWAY_KEY, type ExtractorAnswer, type ExtractorResult } from '@/lib/messages';
import { readerActiveHere } from '@/lib/reader/reader-switch';

const ANYWAY = Symbol.for(EXTRACT_ANYWAY_KEY);

function read(url: string, anyway: boolean): ExtractorResult {
  // Chrome's and Firefox's PDF viewers are documents of this type: nothing to read.
  if (document.contentType === 'application/pdf') return { ok: false, reason: 'pdf' };
  try {
    // A copy the page cannot clobber: a named form control can send Readability round forever.
    return { ok: true, extraction: extract(declobberedCopy(document), url, { ownCopy: true, anyway }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export default defineUnlistedScript({
  main(): ExtractorAnswer {
    const url = location.href;
    // The background's "Show anyway" flag (issue 17), for this injection only: a kept reading
    // without an article is read again, with Readability run regardless.
    const flags = globalThis as { [ANYWAY]?: unknown };
    const anyway = flags[ANYWAY] === true;
    delete flags[ANYWAY];
    let result = keptExtraction(url);
    if (anyway && result?.ok && !result.extraction.article) result = null;
    if (!result) keepExtraction(url, (result = read(url, anyway)));
    return { ...result, readerActive: readerActiveHere() };
  },
});
