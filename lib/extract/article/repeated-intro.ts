// A summary box at the top of Readability's article that the body repeats (seed-dedecms): it goes.
// Applied to the article element Readability returns, after the clean-up of the clone (cleanup.ts).
import { collapseWhitespace } from '../text';

/** A teaser's ending: "...", "…" or "……", possibly with a space before it. */
const ELLIPSIS_END = /\s*(?:\.{3,}|…+)$/u;
/** Blocks at the top of an article looked at for a teaser of the text that follows. */
const INTRO_BLOCKS = 4;

/**
 * Removes a summary box at the top of Readability's article when the body repeats it: CMS pages
 * put the first sentences, cut with "...", above the text that starts with them (seed-dedecms:
 * `<div class="intro">ChatGPT 作为…的应用。...</div>`, then the same paragraph in full). Applied to
 * the article element Readability returns; true when a block was removed.
 */
export function dropRepeatedIntro(article: Element): boolean {
  // Leaf blocks, in document order (their text is their own), read only as far as needed: a
  // candidate among the first INTRO_BLOCKS, then the first text after it.
  let index = 0;
  let pending: { el: Element; stem: string } | null = null;
  for (const el of article.querySelectorAll('p, div, blockquote')) {
    if (el.querySelector('p, div, blockquote')) continue;
    const text = collapseWhitespace(el.textContent);
    if (pending && text) {
      // The next text goes on from the teaser.
      if (text.length > pending.stem.length && text.startsWith(pending.stem)) {
        pending.el.remove();
        return true;
      }
      pending = null;
    }
    if (index++ < INTRO_BLOCKS && ELLIPSIS_END.test(text)) {
      const stem = text.replace(ELLIPSIS_END, '');
      // Long enough to be a sentence, not a label ("Loading...").
      if (stem.length >= 30) pending = { el, stem };
    } else if (!pending && index >= INTRO_BLOCKS) {
      break;
    }
  }
  return false;
}
