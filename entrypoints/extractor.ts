// Injected on demand by the background (scripting.executeScript, files: ['/extractor.js']) when
// the popup opens or reader mode finds nothing read yet. Runs lib's extract() on the live page in
// the isolated world, once per version of the page: the answer is kept there for reader mode
// (lib/reader/kept-extraction.ts), and an injection that finds it kept answers with it at once. WXT
// returns main()'s value as the injection result, with the page's reader state in it.
import { declobberedCopy } from '@/lib/extract/article/declobber';
import { extract } from '@/lib/extract/index';
import { keepExtraction, keptExtraction } from '@/lib/reader/kept-extraction';
import { EXTRACT_ANYWAY_KEY, EXTRACT_RULES_KEY, type ExtractorAnswer, type ExtractorResult, type ExtractorRules } from '@/lib/messages';
import { readerActiveHere } from '@/lib/reader/reader-switch';
import { MAX_RULES_PER_SITE, RULE_ACTIONS, validSelector, type SiteRule } from '@/lib/sites/site-rules';

const ANYWAY = Symbol.for(EXTRACT_ANYWAY_KEY);
const RULES = Symbol.for(EXTRACT_RULES_KEY);

/** The site's rules the background left for this injection (issue 19), checked again: data, never code. */
function takeRules(flags: { [RULES]?: unknown }): { rules: SiteRule[]; fresh: boolean } {
  const given = flags[RULES] as Partial<ExtractorRules> | undefined;
  delete flags[RULES];
  const rules = Array.isArray(given?.rules) ? given.rules : [];
  return {
    rules: rules.filter((r) => r && RULE_ACTIONS.includes(r.action) && validSelector(r.selector)).slice(0, MAX_RULES_PER_SITE),
    fresh: given?.fresh === true,
  };
}

function read(url: string, anyway: boolean, rules: SiteRule[]): ExtractorResult {
  // Chrome's and Firefox's PDF viewers are documents of this type: nothing to read.
  if (document.contentType === 'application/pdf') return { ok: false, reason: 'pdf' };
  try {
    // A copy the page cannot clobber: a named form control can send Readability round forever.
    return { ok: true, extraction: extract(declobberedCopy(document), url, { ownCopy: true, anyway, rules }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export default defineUnlistedScript({
  main(): ExtractorAnswer {
    const url = location.href;
    // The background's "Show anyway" flag (issue 17), for this injection only: a kept reading
    // without an article is read again, with Readability run regardless.
    const flags = globalThis as { [ANYWAY]?: unknown; [RULES]?: unknown };
    const anyway = flags[ANYWAY] === true;
    delete flags[ANYWAY];
    const { rules, fresh } = takeRules(flags);
    let result = fresh ? null : keptExtraction(url);
    if (anyway && result?.ok && !result.extraction.article) result = null;
    if (!result) keepExtraction(url, (result = read(url, anyway, rules)));
    return { ...result, readerActive: readerActiveHere() };
  },
});
