// Fields: which desk of a news site a text belongs to, from its cue words (field-cues.ts), and how
// an item's fields stand to the article's.
import { FIELD_CUES, FIELD_PARENT } from './field-cues';
import { type Token, normalise, tokenize } from './tokens';
import type { RelevanceEvidence } from './types';

interface CueIndex {
  cjk: [string, string][]; // [cue (lower case), field]
  words: Map<string, string[]>; // stemmed word -> fields
  prefixes: [string, string][];
  phrases: [RegExp, string][];
}

let cueIndex: CueIndex | null = null;

function cues(): CueIndex {
  if (cueIndex) return cueIndex;
  const index: CueIndex = { cjk: [], words: new Map(), prefixes: [], phrases: [] };
  for (const [field, { cjk = '', latin = '' }] of Object.entries(FIELD_CUES)) {
    for (const cue of cjk.split(/\s+/).filter(Boolean)) {
      // Latin cues written among the CJK ones (AI, NBA, 5G, iPhone) are matched as words.
      if (/^[a-z0-9+.-]+$/i.test(cue)) addWord(index, cue.toLowerCase(), field);
      else index.cjk.push([cue.toLowerCase(), field]);
    }
    for (const cue of latin.split(/\s+/).filter(Boolean)) addWord(index, cue.toLowerCase(), field);
  }
  cueIndex = index;
  return index;
}

function addWord(index: CueIndex, cue: string, field: string) {
  if (cue.includes('_')) {
    const body = cue.replace(/\*$/, '').replace(/_/g, '[\\s-]+');
    const tail = cue.endsWith('*') ? '\\p{L}*' : '(?:s|es)?';
    index.phrases.push([new RegExp(`(?:^|[^\\p{L}])${body}${tail}(?:$|[^\\p{L}])`, 'u'), field]);
  } else if (cue.endsWith('*')) index.prefixes.push([cue.slice(0, -1), field]);
  else if (/[^\p{L}]/u.test(cue)) {
    // words with digits or symbols (5g, c++, wi-fi) are matched as written
    index.words.set(cue, [...(index.words.get(cue) ?? []), field]);
  } else {
    // matched against a text's words as written and as stemmed ("whales" meets "whale")
    index.words.set(cue, [...(index.words.get(cue) ?? []), field]);
  }
}

let segmenter: Intl.Segmenter | null | undefined;

/** Characters of context either side of a cue for the dictionary to place word boundaries. */
const SEGMENT_CONTEXT = 6;

/**
 * True when a CJK cue found at [from, to) of `text` straddles a dictionary word of two or more
 * characters: 中学 in 在环境中学习 (中/学习) is no middle school. A cue inside a longer word (学生
 * in 大学生) is kept. Only a few characters around the cue are segmented; without Intl.Segmenter
 * every occurrence counts.
 */
function crossesWord(text: string, from: number, to: number): boolean {
  if (segmenter === undefined)
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return false;
  const start = Math.max(0, from - SEGMENT_CONTEXT);
  const window = text.slice(start, Math.min(text.length, to + SEGMENT_CONTEXT));
  const a = from - start;
  const b = to - start;
  for (const seg of segmenter.segment(window)) {
    const s = seg.index;
    const e = s + seg.segment.length;
    if (e - s < 2) continue;
    if ((s < a && e > a && e < b) || (s > a && s < b && e > b)) return true;
  }
  return false;
}

/** Field cue hits in `text`: field -> cue -> occurrences (capped). */
export function fieldHits(text: string, tokens: Token[], maxCount = 1): Map<string, Map<string, number>> {
  const index = cues();
  const lower = text.toLowerCase();
  const hits = new Map<string, Map<string, number>>();
  const hit = (field: string, cue: string, n = 1) => {
    const m = hits.get(field) ?? new Map<string, number>();
    m.set(cue, Math.min(maxCount, (m.get(cue) ?? 0) + n));
    hits.set(field, m);
  };
  for (const [cue, field] of index.cjk) {
    let from = lower.indexOf(cue);
    let n = 0;
    let tries = 0;
    while (from >= 0 && n < maxCount && tries++ < 2 * maxCount + 2) {
      if (!crossesWord(lower, from, from + cue.length)) n++;
      from = lower.indexOf(cue, from + 1);
    }
    if (n) hit(field, cue, n);
  }
  for (const t of tokens) {
    if (t.cjk) continue;
    for (const key of t.key === t.raw ? [t.key] : [t.raw, t.key])
      for (const field of index.words.get(key) ?? []) hit(field, t.raw);
    for (const [prefix, field] of index.prefixes) if (t.raw.startsWith(prefix)) hit(field, t.raw);
  }
  // short Latin cues the tokenizer drops or splits ("ai", "5g", "wi-fi", "c++")
  for (const m of lower.matchAll(/[a-z0-9][a-z0-9+.-]*[a-z0-9+]|[a-z0-9]/g))
    if (m[0].length <= 6 && /[^a-z]|^.{1,2}$/.test(m[0]))
      for (const field of index.words.get(m[0]) ?? []) hit(field, m[0]);
  for (const [re, field] of index.phrases) {
    const m = re.exec(lower);
    if (m) hit(field, m[0].trim());
  }
  return hits;
}

/** Internal: the field cues found in `text` (diagnostics for tests/tools). */
export function fieldCuesOf(text: string, lang = ''): Record<string, string[]> {
  const norm = normalise(text);
  return Object.fromEntries([...fieldHits(norm, tokenize(norm, lang))].map(([f, m]) => [f, [...m.keys()]]));
}

export function fieldsOf(hits: Map<string, Map<string, number>>, w: number, into: Map<string, { score: number; cues: Set<string> }>) {
  for (const [field, m] of hits) {
    const f = into.get(field) ?? { score: 0, cues: new Set<string>() };
    for (const [cue, n] of m) {
      f.score += n * w;
      f.cues.add(cue);
    }
    into.set(field, f);
  }
}

/** An item field at least this strong places the item (one title cue, or two snippet cues). */
export const ITEM_FIELD_MIN = 1;

/** How the item's fields stand to the article's, and the item field that matched. */
export function fieldRelation(
  itemFields: RelevanceEvidence['fields'],
  articleFields: Set<string>,
): { relation: RelevanceEvidence['fieldMatch']; matched?: RelevanceEvidence['fields'][number] } {
  if (!itemFields.length || !articleFields.size) return { relation: 'unknown' };
  const articleParts = [...articleFields].filter((f) => FIELD_PARENT[f]);
  for (const f of itemFields) {
    if (articleFields.has(f.field)) return { relation: 'match', matched: f };
    // A general tech item is in the field of an AI article; a programming item is not, unless
    // the article is general tech without a speciality.
    if (f.field === 'tech' && articleParts.length) return { relation: 'match', matched: f };
    const parent = FIELD_PARENT[f.field];
    if (parent && articleFields.has(parent) && !articleParts.length) return { relation: 'match', matched: f };
  }
  return { relation: 'other' };
}
