// The grader's data: what it reads of the article, what it says of an item, and its thresholds.
import type { RelatedItem } from '../../types';

export type Relevance = NonNullable<RelatedItem['relevance']>;
export type RelevanceGrade = Relevance['grade'];
/**
 * Why an item got its grade, as data (`terms` are the words behind it, as the item shows them;
 * `field` a FIELDS id):
 * - `shared`: shares `terms` with the article (on or near);
 * - `same-section`: listed in the article's own site section, or in a section named after one of
 *   its key terms (`terms` holds the section name);
 * - `same-field`: in one of the article's fields (`field`, with the cue words in `terms`);
 * - `same-series`: its title is the article's but for a number or a word ("Issue 85", "Issue 86");
 * - `same-list`: cannot be placed, but sits in a block whose other items relate to the article;
 * - `keyword-only`: shares only a minor word (`terms`) with the article, and is in another field
 *   (`field`) or in a site-wide feed;
 * - `different-topic`: in another field (`field`, cue words in `terms`) and shares nothing;
 * - `site-feed`: shares nothing, in a block where most items share nothing (a site-wide feed);
 * - `sponsored`: an ad or a sponsored link.
 */
export type RelevanceReason = Relevance['reason'];
export type RelevanceReasonKind = RelevanceReason['kind'];

/** What the grader needs of the article: plain text only (the caller turns contentHtml into text). */
export interface RelevanceArticle {
  title: string;
  /** The article's text, in reading order (its first sentences are taken as the lead). */
  text: string;
  /** BCP 47-ish language tag ("zh", "en"); "" when unknown. */
  lang: string;
  /** The article's address: its host and path sections are evidence; "" when unknown. */
  url: string;
  siteName?: string;
}

/** What the grader found about one item (diagnostics: relevanceEvidence). */
export interface RelevanceEvidence {
  /** Shared weight with the article: title terms in full, strong snippet terms at half. */
  score: number;
  /** The heaviest single shared term (in the title or the snippet). */
  best: number;
  /** The item's words behind the score, strongest first, as the item shows them. */
  shown: string[];
  sponsored: boolean;
  section: string | null;
  /** In the article's own specific URL section, or in a section named after one of its key terms. */
  sameSection: boolean;
  /** The item's fields, strongest first, with the cue words seen. */
  fields: { field: string; score: number; cues: string[] }[];
  /** 'match': in one of the article's fields; 'other': placed, in none of them; 'unknown'. */
  fieldMatch: 'match' | 'other' | 'unknown';
  /** The item's field that is one of the article's, when fieldMatch is 'match'. */
  matchedField?: { field: string; score: number; cues: string[] };
  /** Dice coefficient of the item's and the article's title words, site name included. */
  titleLike: number;
}

/** The grader's thresholds; the defaults were fitted on the public labels (tools/eval/relevance-eval.ts). */
export interface RelevanceOptions {
  /** Shared weight at or above which an item is on the article's subject… */
  onScore: number;
  /** …provided one shared term is at least this heavy (a title word the text repeats). Such a term
   * also keeps an item in another field from being off, and a section named after it is the same desk. */
  onBest: number;
  /** Shared weight at or above which an item shares something real with the article. */
  shareScore: number;
  /** A block is a site-wide feed when fewer than this share of its items relate to the article. */
  feedShare: number;
  /** An article is in a field that scores at least this share of its best field… */
  fieldShare: number;
  /** …and at least this much (a title cue weighs 3, a lead cue 1, a body cue 0.3). */
  fieldMin: number;
  /** Weight kept by words too common to name a subject. */
  generalFactor: number;
  /** Weight kept by terms shared through the snippet, and the least article weight they need. */
  snippetShare: number;
  snippetMinWeight: number;
}

export const DEFAULT_RELEVANCE_OPTIONS: Readonly<RelevanceOptions> = Object.freeze({
  onScore: 4.5,
  onBest: 3,
  shareScore: 2,
  feedShare: 0.4,
  fieldShare: 0.3,
  fieldMin: 2,
  generalFactor: 0.35,
  snippetShare: 0.5,
  snippetMinWeight: 2,
});
