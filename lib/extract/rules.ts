// The reader's per-site rules (issue 19: "Pick the article", "Remove"), as extract() applies them.
// They come in as data (a selector and an action; lib/sites/site-rules.ts keeps and checks them),
// never as code: a selector is only ever handed to querySelector/querySelectorAll, which throw
// on anything that is not CSS. A rule whose selector finds nothing on this page is ignored and
// reported, so the reader view can say that the picked article was not found.
import type { ExtractRule, RuleNote } from './types';

/** Whether `selector` finds something in `doc`; false for a selector that is not CSS. */
function matches(doc: Document, selector: string): boolean {
  try {
    return doc.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** Each rule, and whether it finds anything on this page. */
export function checkRules(doc: Document, rules: readonly ExtractRule[]): RuleNote[] {
  return rules.map(({ action, selector }) => ({ action, selector, matched: matches(doc, selector) }));
}

/** The article rule to follow: the newest one that matched (a newer pick on the same site wins). */
export function articleRule(notes: readonly RuleNote[]): string | undefined {
  return [...notes].reverse().find((n) => n.action === 'article' && n.matched)?.selector;
}

/** The 'remove' rules that matched. */
export function removeRules(notes: readonly RuleNote[]): string[] {
  return notes.filter((n) => n.action === 'remove' && n.matched).map((n) => n.selector);
}

/** Takes every element the remove rules name out of `work` (a private copy). */
export function removeMatching(work: Document, selectors: readonly string[]): void {
  for (const selector of selectors) {
    try {
      for (const el of Array.from(work.querySelectorAll(selector))) el.remove();
    } catch {
      // not CSS: checkRules reported it as not matched
    }
  }
}

/**
 * Leaves the first element `selector` finds as the only content of `work`'s body (the head, with
 * the page's metadata, stays) and returns it; null when it finds nothing.
 */
export function keepOnly(work: Document, selector: string): Element | null {
  let picked: Element | null = null;
  try {
    picked = work.querySelector(selector);
  } catch {
    return null;
  }
  if (!picked || !work.body || picked === work.body || picked.contains(work.body)) return null;
  work.body.replaceChildren(picked);
  return picked;
}
