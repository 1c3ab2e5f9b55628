// Injected on demand by the background (scripting.executeScript, files: ['/extractor.js']) when
// the popup opens. Runs lib's extract() on the live page in the isolated world; WXT returns
// main()'s value as the injection result.
import { declobberedCopy } from '@/lib/declobber';
import { extract } from '@/lib/extract';
import type { ExtractorResult } from '@/lib/messages';

export default defineUnlistedScript({
  main(): ExtractorResult {
    // Chrome's and Firefox's PDF viewers are documents of this type: nothing to read.
    if (document.contentType === 'application/pdf') return { ok: false, reason: 'pdf' };
    try {
      // A copy the page cannot clobber: a named form control can send Readability round forever.
      return { ok: true, extraction: extract(declobberedCopy(document), location.href, { ownCopy: true }) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  },
});
