import { detectionOf, scoreDocument } from './detect/detect';
import { extractArticle } from './article/extract-article';
import { itemCount, scanRelated } from './related/extract-related';
import { collapseWhitespace } from './text';
import { articleRule, checkRules, removeRules } from './rules';
import type { ExtractRule, Extraction } from './types';

export interface ExtractOptions {
  /** `doc` is a private copy that may be taken apart (entrypoints/extractor.ts makes one). */
  ownCopy?: boolean;
  /** The article as Readability finds it even on a page detection calls no article (the reader asked for it). */
  anyway?: boolean;
  /**
   * The site's rules (issue 19), as data: 'remove' rules take their elements out of the article's
   * copy, the newest 'article' rule that matches makes its element the article (shown even where
   * detection saw none). The related items are found as without rules.
   */
  rules?: readonly ExtractRule[];
}

/**
 * Everything the reader view shows for one page, in one pass of each kind: the page is scored
 * once, its related blocks are found once (their elements are then dropped from the article's
 * copy), and it is copied at most once. Pure: reads `doc`, never changes it unless `ownCopy`.
 */
export function extract(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  const score = scoreDocument(doc);
  let related: ReturnType<typeof scanRelated> = { blocks: [], parts: [] };
  try {
    related = scanRelated(doc, url);
  } catch {
    // the related extractor must never cost us the article
  }
  const count = itemCount(related.blocks);
  const detection = detectionOf(doc, score, () => count);
  // Read before extractArticle, which may take an own copy apart.
  const page = pageInfo(doc);
  const ruleNotes = options.rules?.length ? checkRules(doc, options.rules) : undefined;
  const only = ruleNotes && articleRule(ruleNotes);
  const article = extractArticle(doc, url, {
    score,
    lang: detection.lang,
    relatedParts: related.parts,
    ownCopy: options.ownCopy,
    anyway: options.anyway || !!only,
    remove: ruleNotes && removeRules(ruleNotes),
    only,
  });
  return { url, detection, article, related: related.blocks, ...(article ? {} : { page }), ...(ruleNotes ? { ruleNotes } : {}) };
}

const squash = (text: string | null | undefined) => collapseWhitespace(text ?? '');

/** What a page without an article says it is about (the grader's input, as tools/eval/relevance-eval.ts has it). */
function pageInfo(doc: Document): NonNullable<Extraction['page']> {
  const meta = (selector: string) => squash(doc.querySelector(selector)?.getAttribute('content'));
  const siteName = meta('meta[property="og:site_name"]');
  return {
    title: squash(doc.querySelector('h1')?.textContent) || squash(doc.title),
    description: meta('meta[name="description"]') || meta('meta[property="og:description"]'),
    ...(siteName ? { siteName } : {}),
  };
}
