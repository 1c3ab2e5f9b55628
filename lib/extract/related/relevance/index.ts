// Topical relevance of related items: each teaser is graded on / near / off against the article,
// with a short reason kept as data (a kind, the words behind it, a field) so the UI can word it in
// any language. Pure and offline: plain text in, plain data out; no DOM, no network, no model.
//
// The evidence, strongest first:
// * ad and sponsor markers (an ad network's redirect, "Sponsored", 广告/推广) make an item off;
// * terms the item's title (and, weaker, its snippet) shares with the article's title, lead and
//   key terms. Chinese and Japanese are compared in character bigrams, other languages in lightly
//   stemmed words; stop words, words too common to name a subject, and the site's own name carry
//   little or no weight. Enough shared weight makes an item on topic, some makes it near;
// * the field: a small lexicon of cue words per news desk (sports, economy, health, tech…, the
//   way a portal splits its news) places the article and each item. An item in one of the
//   article's fields is near; an item clearly in another field, sharing at most a keyword, is off;
// * the item sits in the article's own URL section ("/esporte/"), or its section is named after a
//   key term of the article ("/allergies/" under a peanut-allergy study), or its block's heading
//   announces the section ("其他同一栏目内容"): the same desk, near;
// * a title that is the article's but for a number ("Issue 85", "Issue 86") is the same series, on;
// * the block as a whole: when most of a block's items share nothing with the article it is a
//   site-wide feed, and its items that share nothing and cannot be placed are off. In a block whose
//
// This file grades; the evidence comes from its neighbours: tokens.ts (+ stop-words.ts) cut text
// into comparable units, fields.ts (+ field-cues.ts) places a text in news desks, article-terms.ts
// weighs the article's terms, evidence.ts (+ sponsored.ts) reads each item; types.ts holds the
// data and the thresholds.
import type { RelatedBlock, RelatedItem } from '../../types';
import { articleTerms } from './article-terms';
import { blockEvidence } from './evidence';
import { FIELD_NAMES } from './field-cues';
import { normalise } from './tokens';
import {
  DEFAULT_RELEVANCE_OPTIONS,
  type Relevance,
  type RelevanceArticle,
  type RelevanceEvidence,
  type RelevanceGrade,
  type RelevanceOptions,
  type RelevanceReason,
} from './types';

export { fieldCuesOf } from './fields';
export { DEFAULT_RELEVANCE_OPTIONS } from './types';
export type { Relevance, RelevanceArticle, RelevanceEvidence, RelevanceGrade, RelevanceOptions, RelevanceReason, RelevanceReasonKind } from './types';

/** Titles this alike (Dice of their words) are parts of one series. */
const SERIES_LIKE = 0.6;

/** Blocks this small are judged with the page's other items (too few to tell a feed from a list). */
const MIN_LIST_ITEMS = 3;

const MAX_TERMS = 3;

/**
 * A heading that announces the article's own section ("其他同一栏目内容", "More in Science"): its
 * items are on the same desk whatever their words.
 */
const SECTION_HEADING =
  /栏目|同类|本类|(?:^|\s)(?:more|other|latest) (?:articles |stories |news )?(?:in|from this section)\b|in this section|same category|même rubrique|dans la rubrique|mehr aus (?:dem|der) (?:ressort|rubrik)|más en la sección|mais na seção/i;

function gradeOne(ev: RelevanceEvidence, feed: boolean, o: RelevanceOptions, sectionHeading: string | null): Relevance {
  if (ev.sponsored) return { grade: 'off', reason: { kind: 'sponsored' } };
  const grade = gradeByWords(ev, feed, o);
  if (grade.grade === 'off' && sectionHeading) return { grade: 'near', reason: { kind: 'same-section', terms: [sectionHeading] } };
  return grade;
}

function gradeByWords(ev: RelevanceEvidence, feed: boolean, o: RelevanceOptions): Relevance {
  const terms = ev.shown.slice(0, MAX_TERMS);
  const field = ev.fields[0];
  if (ev.score >= o.onScore && ev.best >= o.onBest) return { grade: 'on', reason: { kind: 'shared', terms } };
  // the same title but for a number or a word or two: another part of a series
  if (ev.titleLike >= SERIES_LIKE) return { grade: 'on', reason: { kind: 'same-series' } };
  if (ev.fieldMatch === 'other') {
    // placed in another field: a shared keyword does not make it the same subject, unless it is
    // one of the article's key terms, or the item sits in a list whose items mostly relate
    if (ev.best >= o.onBest) return { grade: 'near', reason: { kind: 'shared', terms } };
    if (!feed)
      return ev.score > 0 ? { grade: 'near', reason: { kind: 'shared', terms } } : { grade: 'near', reason: { kind: 'same-list' } };
    if (ev.score > 0) return { grade: 'off', reason: { kind: 'keyword-only', terms, field: field.field } };
    return { grade: 'off', reason: { kind: 'different-topic', terms: field.cues.slice(0, MAX_TERMS), field: field.field } };
  }
  if (ev.score >= o.shareScore) return { grade: 'near', reason: { kind: 'shared', terms } };
  if (ev.sameSection) return { grade: 'near', reason: { kind: 'same-section', terms: [ev.section!] } };
  if (ev.fieldMatch === 'match') {
    const matched = ev.matchedField ?? field;
    return { grade: 'near', reason: { kind: 'same-field', terms: matched.cues.slice(0, MAX_TERMS), field: matched.field } };
  }
  if (!feed) return ev.score > 0 ? { grade: 'near', reason: { kind: 'shared', terms } } : { grade: 'near', reason: { kind: 'same-list' } };
  if (ev.score > 0) return { grade: 'off', reason: { kind: 'keyword-only', terms } };
  return { grade: 'off', reason: { kind: 'site-feed' } };
}

/** True when the item shares words with the article and is not placed in another field (for telling feeds from lists). */
function relates(ev: RelevanceEvidence, o: RelevanceOptions): boolean {
  if (ev.sponsored) return false;
  if (ev.best >= o.onBest || ev.titleLike >= SERIES_LIKE) return true;
  return ev.fieldMatch !== 'other' && (ev.score >= o.shareScore || ev.sameSection);
}

/** A site-wide feed: fewer than feedShare of the (unsponsored) items relate to the article. */
function isFeed(ev: RelevanceEvidence[], o: RelevanceOptions): boolean {
  const judged = ev.filter((e) => !e.sponsored);
  return judged.filter((e) => relates(e, o)).length < o.feedShare * judged.length;
}

/** Internal: the article's weighted terms and fields (diagnostics for tests/tools). */
export function articleProfile(article: RelevanceArticle, limit = 30): { terms: [string, number][]; fields: string[] } {
  const t = articleTerms(article, DEFAULT_RELEVANCE_OPTIONS);
  return { terms: [...t.weight].sort((a, b) => b[1] - a[1]).slice(0, limit), fields: [...t.fields] };
}

/** Internal: every item's evidence (diagnostics for tests/tools). */
export function relevanceEvidence(article: RelevanceArticle, blocks: RelatedBlock[]): RelevanceEvidence[][] {
  const terms = articleTerms(article, DEFAULT_RELEVANCE_OPTIONS);
  return blocks.map((b) => blockEvidence(b, terms, DEFAULT_RELEVANCE_OPTIONS));
}

/**
 * Grades every related item against the article. Returns copies of `blocks` whose items carry
 * `relevance`; the input is not changed. Items listed more than once (the same URL or the same
 * title) get the best of their grades.
 */
export function gradeRelated(
  article: RelevanceArticle,
  blocks: RelatedBlock[],
  options: Partial<RelevanceOptions> = {},
): RelatedBlock[] {
  const o: RelevanceOptions = { ...DEFAULT_RELEVANCE_OPTIONS, ...options };
  const terms = articleTerms(article, o);
  const evidence = blocks.map((b) => blockEvidence(b, terms, o));
  // A block too short to judge on its own is judged with the page's other items.
  const pageFeed = isFeed(evidence.flat(), o);
  const grades = evidence.map((ev, bi) => {
    const feed = ev.filter((e) => !e.sponsored).length >= MIN_LIST_ITEMS ? isFeed(ev, o) : pageFeed;
    const heading = blocks[bi].heading.trim();
    const sectionHeading = heading && SECTION_HEADING.test(heading) ? heading : null;
    return ev.map((e) => gradeOne(e, feed, o, sectionHeading));
  });
  // Duplicates: the same story listed twice gets its best grade everywhere.
  const rank: Record<RelevanceGrade, number> = { on: 2, near: 1, off: 0 };
  const best = new Map<string, Relevance>();
  const keysOf = (item: RelatedItem) => [`u:${item.url.replace(/#.*$/, '')}`, `t:${normalise(item.title).replace(/\s+/g, '')}`];
  blocks.forEach((b, bi) =>
    b.items.forEach((item, ii) => {
      const g = grades[bi][ii];
      for (const k of keysOf(item)) {
        const prev = best.get(k);
        if (!prev || rank[g.grade] > rank[prev.grade]) best.set(k, g);
      }
    }),
  );
  return blocks.map((b, bi) => ({
    ...b,
    items: b.items.map((item, ii) => {
      let g = grades[bi][ii];
      if (g.reason.kind !== 'sponsored')
        for (const k of keysOf(item)) {
          const other = best.get(k)!;
          if (rank[other.grade] > rank[g.grade]) g = other;
        }
      return { ...item, relevance: g };
    }),
  }));
}

/** An English wording of a reason ("shares 政策, 新能源 with the article"); the UI may translate. */
export function describeReason(reason: RelevanceReason): string {
  const terms = (reason.terms ?? []).join(', ');
  const field = reason.field ? (FIELD_NAMES[reason.field] ?? reason.field) : '';
  switch (reason.kind) {
    case 'shared':
      return terms ? `shares ${terms} with the article` : 'shares words with the article';
    case 'same-section':
      return terms ? `same section (${terms})` : 'same section';
    case 'same-field':
      return field ? `same field (${field})` : 'same field';
    case 'same-list':
      return 'listed with related stories';
    case 'same-series':
      return 'same series';
    case 'keyword-only':
      return terms ? `only ${terms} in common` : 'only a word in common';
    case 'different-topic':
      return field ? `different topic (${field})` : 'different topic';
    case 'site-feed':
      return 'different topic (site-wide list)';
    case 'sponsored':
      return 'sponsored';
  }
}
