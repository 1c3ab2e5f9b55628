// The item's side: what it shares with the article (title, then snippet), its URL section and its
// fields, gathered per block (snippet words common to the block are its boilerplate).
import type { RelatedBlock, RelatedItem } from '../../types';
import { type ArticleTerms, sectionOf, weightOf } from './article-terms';
import { FIELD_PARENT } from './field-cues';
import { ITEM_FIELD_MIN, fieldHits, fieldRelation, fieldsOf } from './fields';
import { isSponsored } from './sponsored';
import { type Token, normalise, tokenize } from './tokens';
import type { RelevanceEvidence, RelevanceOptions } from './types';

interface Shared {
  key: string;
  weight: number;
  shown: string;
}

const SNIPPET_LIMIT = 300;

/** Shared terms of one text (title or snippet) with the article: their weights and shown words. */
function sharedOf(norm: string, tokens: Token[], terms: ArticleTerms): Shared[] {
  const out: Shared[] = [];
  const seen = new Set<string>();
  // CJK bigrams: consecutive shared bigrams make one shown word ("新冠肺炎" from 新冠, 冠肺, 肺炎).
  let run: { start: number; end: number; weight: number; keys: string[] } | null = null;
  const closeRun = () => {
    if (!run) return;
    const fresh = run.keys.filter((k) => !seen.has(k));
    for (const k of fresh) seen.add(k);
    // a longer shared word weighs more than one bigram, less than the sum of its bigrams
    const w = fresh.length ? run.weight * (1 + 0.25 * (fresh.length - 1)) : 0;
    if (w > 0) out.push({ key: fresh.join('|'), weight: w, shown: norm.slice(run.start, run.end) });
    run = null;
  };
  for (const t of tokens) {
    if (!t.cjk) continue;
    const w = weightOf(terms, t.key);
    if (w <= 0) {
      closeRun();
      continue;
    }
    if (run && t.start === run.end - 1) {
      run.end = t.end;
      run.weight = Math.max(run.weight, w);
      run.keys.push(t.key);
    } else {
      closeRun();
      run = { start: t.start, end: t.end, weight: w, keys: [t.key] };
    }
  }
  closeRun();
  for (const t of tokens) {
    if (t.cjk || seen.has(t.key)) continue;
    const w = weightOf(terms, t.key);
    if (w <= 0) continue;
    seen.add(t.key);
    out.push({ key: t.key, weight: w, shown: norm.slice(t.start, t.end) });
  }
  return out;
}

function evidenceOf(item: RelatedItem, terms: ArticleTerms, boilerplate: Set<string>, o: RelevanceOptions): RelevanceEvidence {
  const title = normalise(item.title);
  const titleTokens = tokenize(title, terms.lang);
  const fromTitle = sharedOf(title, titleTokens, terms);
  const titleKeys = new Set(fromTitle.flatMap((s) => s.key.split('|')));
  const snippet = item.snippet ? normalise(item.snippet.slice(0, SNIPPET_LIMIT)) : '';
  const snippetTokens = snippet ? tokenize(snippet, terms.lang) : [];
  const fromSnippet = snippet
    ? sharedOf(snippet, snippetTokens, terms).filter(
        (s) => s.weight >= o.snippetMinWeight && !s.key.split('|').some((k) => titleKeys.has(k) || boilerplate.has(k)),
      )
    : [];
  const all = [...fromTitle, ...fromSnippet.map((s) => ({ ...s, weight: s.weight * o.snippetShare }))];
  all.sort((a, b) => b.weight - a.weight);
  const score = all.reduce((n, s) => n + s.weight, 0);
  const shown: string[] = [];
  for (const s of all) if (!shown.some((w) => w.toLowerCase() === s.shown.toLowerCase())) shown.push(s.shown);

  const section = sectionOf(item.url);
  let sameSection = section !== null && section === terms.section;
  if (section && !sameSection)
    for (const t of tokenize(section.replace(/[-_]/g, ' '), terms.lang))
      if (t.key.length >= 2 && weightOf(terms, t.key) >= o.onBest) sameSection = true;

  // The title places the item; the snippet only when the title alone cannot (two cues needed).
  const f = new Map<string, { score: number; cues: Set<string> }>();
  fieldsOf(fieldHits(title, titleTokens), 1, f);
  if (!f.size && snippet) fieldsOf(fieldHits(snippet, snippetTokens), 0.5, f);
  let fields = [...f]
    .filter(([, v]) => v.score >= ITEM_FIELD_MIN)
    .map(([field, v]) => ({ field, score: v.score, cues: [...v.cues] }))
    .sort((a, b) => b.score - a.score);
  // a programming or hardware item is in that part of tech, not in tech at large
  if (fields.some((x) => FIELD_PARENT[x.field])) fields = fields.filter((x) => x.field !== 'tech');
  const itemKeys = new Set(titleTokens.map((t) => t.key));
  let common = 0;
  for (const k of itemKeys) if (terms.titleKeys.has(k)) common++;
  const titleLike = common >= 2 ? (2 * common) / (itemKeys.size + terms.titleKeys.size) : 0;
  const relation = fieldRelation(fields, terms.fields);
  return {
    titleLike,
    score,
    // a word of the article's title in the snippet is as telling as in the item's title
    best: Math.max(
      0,
      ...fromTitle.map((x) => x.weight),
      ...fromSnippet.filter((x) => x.key.split('|').some((k) => terms.titleKeys.has(k))).map((x) => x.weight),
    ),
    shown,
    sponsored: isSponsored(item),
    section,
    sameSection,
    fields,
    fieldMatch: relation.relation,
    matchedField: relation.matched,
  };
}

/** Snippet words repeated across this share of a block's items (a source name, "Read more") are boilerplate. */
const BOILERPLATE_SHARE = 0.3;
const BOILERPLATE_MIN = 3;

export function blockEvidence(block: RelatedBlock, terms: ArticleTerms, o: RelevanceOptions): RelevanceEvidence[] {
  const df = new Map<string, number>();
  for (const item of block.items) {
    if (!item.snippet) continue;
    for (const key of new Set(tokenize(normalise(item.snippet.slice(0, SNIPPET_LIMIT)), terms.lang).map((t) => t.key)))
      df.set(key, (df.get(key) ?? 0) + 1);
  }
  const limit = Math.max(BOILERPLATE_MIN, BOILERPLATE_SHARE * block.items.length);
  const boilerplate = new Set([...df].filter(([, n]) => n >= limit).map(([k]) => k));
  return block.items.map((i) => evidenceOf(i, terms, boilerplate, o));
}
