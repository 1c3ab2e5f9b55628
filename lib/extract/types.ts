// The plain, serialisable data that lib/ returns. It crosses the message boundary between the
// page (content script) and the popup, so nothing here may hold a DOM node or a function.

/** One teaser in a related-articles block. `title` and `snippet` are text, never HTML. */
export interface RelatedItem {
  title: string;
  /** Absolute http(s) URL. */
  url: string;
  snippet?: string;
  /** Absolute http(s) (or data:image/) thumbnail URL. */
  image?: string;
  /**
   * How closely the item matches the article, once graded (lib/extract/related/relevance/ gradeRelated): on the
   * same subject, the same field, or another topic; the reason is data (a kind and the words behind
   * it) for the UI to word.
   */
  relevance?: {
    grade: 'on' | 'near' | 'off';
    reason: {
      kind:
        | 'shared'
        | 'same-section'
        | 'same-field'
        | 'same-series'
        | 'same-list'
        | 'keyword-only'
        | 'different-topic'
        | 'site-feed'
        | 'sponsored';
      /** The words behind the reason, as the item shows them. */
      terms?: string[];
      /** The item's field ("sports", "economy": lib/extract/related/relevance/field-cues.ts FIELD_CUES), when the reason is about fields. */
      field?: string;
    };
  };
}

/** A related-articles block as the page showed it. */
export interface RelatedBlock {
  /** The heading as shown ("相关文章", "Related stories"); empty when the block had none. */
  heading: string;
  items: RelatedItem[];
}

/** What the cheap detector finds; it runs on every page load. */
export interface Detection {
  isArticle: boolean;
  /** Number of related items found (0 when none). */
  relatedCount: number;
  /** BCP 47-ish language tag, lower case ("zh", "en", "ja"); "" when unknown or not asked for. */
  lang: string;
}

export interface Article {
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601 when the page gives it. */
  publishedTime?: string;
  lang: string;
  /** The tag the reader view sets for fonts, where it says more than `lang`: "zh-Hant" or "zh-Hans" (lib/extract/article/han-script.ts). */
  langTag?: string;
  dir: 'ltr' | 'rtl';
  excerpt?: string;
  /** Sanitised HTML of the article body (lib/extract/sanitize.ts), safe to render. */
  contentHtml: string;
  /** Length of the article's text, in characters. */
  textLength: number;
  /** Whole minutes, at least 1: the middle of `readingTime`. */
  readingMinutes: number;
  /** The reading time as a range by the article's language (lib/extract/article/reading-time.ts), fast to slow. */
  readingTime?: { fast: number; slow: number };
}

/** Everything the reader view needs for one page. */
export interface Extraction {
  url: string;
  detection: Detection;
  article: Article | null;
  related: RelatedBlock[];
  /**
   * When no article was found: what the page says it is about (its <h1> or <title>, its meta
   * description), so its related items can still be graded (lib/reader/grade-related.ts).
   */
  page?: { title: string; description: string; siteName?: string };
  /** The site's rules as this page met them (issue 19): present when there were rules. */
  ruleNotes?: RuleNote[];
}

/** A per-site rule as extract() takes it: a CSS selector and what to do with what it finds (lib/sites/site-rules.ts SiteRule). */
export interface ExtractRule {
  action: 'article' | 'remove';
  selector: string;
}

/** A rule and whether its selector found anything on this page (a rule that found nothing was ignored). */
export interface RuleNote extends ExtractRule {
  matched: boolean;
}
