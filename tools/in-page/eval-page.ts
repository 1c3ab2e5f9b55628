// What `npm run eval -- --browser` runs in each page: the shipped pipeline, extract().
import { extract } from '../../lib/extract/index';
import { message } from './timing';

/** What `npm run eval -- --browser` compares with the happy-dom run. */
export interface BrowserEvalResult {
  isArticle: boolean | null;
  relatedHrefs: string[];
  title: string | null;
  error?: string;
}

/** What the shipped pipeline, extract(), finds on the page. */
export function evalPage(url: string): BrowserEvalResult {
  try {
    const extraction = extract(document, url);
    return {
      isArticle: extraction.detection.isArticle,
      relatedHrefs: extraction.related.flatMap((b) => b.items.map((i) => i.url)),
      title: extraction.article?.title ?? null,
    };
  } catch (err) {
    return { isArticle: null, relatedHrefs: [], title: null, error: `extract: ${message(err)}` };
  }
}
