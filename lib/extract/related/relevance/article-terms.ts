// The article's side: its weighted terms (title, lead, repetition), its site's own words, its URL
// section and its fields.
import { fieldHits } from './fields';
import { type Token, isGeneral, normalise, stem, tokenize } from './tokens';
import type { RelevanceArticle, RelevanceOptions } from './types';

export interface ArticleTerms {
  lang: string;
  /** Weight of each key (absent: no weight). */
  weight: Map<string, number>;
  /** Word keys by their first five letters, for matching "allergic" with "allergy". */
  byPrefix: Map<string, string[]>;
  /** Keys of the site's own name and host: no weight anywhere. */
  site: Set<string>;
  /** The article's own URL section, when it has a specific one ("esporte"). */
  section: string | null;
  /** The article's fields (empty when it cannot be placed). */
  fields: Set<string>;
  /** Every key of the title, the site's name included (for recognising a series: "Issue 85", "Issue 86"). */
  titleKeys: Set<string>;
}

const LEAD_CJK = 300; // characters
const LEAD_WORDS = 60;
const BODY_LIMIT = 40_000; // characters of body text read (a 5 MB page stays cheap)

/** Host labels that name no site ("www", "com", "co"). */
const HOST_NOISE = new Set(['www', 'm', 'wap', 'amp', 'mobile', 'com', 'net', 'org', 'co', 'gov', 'edu', 'info', 'news']);

function siteKeys(siteName: string | undefined, url: string, lang: string): Set<string> {
  const keys = new Set<string>();
  for (const t of tokenize(normalise(siteName ?? ''), lang)) keys.add(t.key);
  try {
    const host = new URL(url).hostname.toLowerCase();
    // every label but the top-level domain: "theguardian", "bbc", "163", "sina", "kjzx365"
    for (const label of host.split('.').slice(0, -1)) if (!HOST_NOISE.has(label) && label.length > 1) keys.add(stem(label, lang));
  } catch {
    // no usable URL
  }
  return keys;
}

/** Path sections that name no desk: "news", "article", "c", dates, ids. */
const GENERIC_SECTION =
  /^(?:news|article|articles|story|stories|post|posts|blog|blogs|archives?|content|contents|doc|docs|detail|details|view|item|items|index|html|page|pages|node|entry|entries|read|info|share|web|wap|amp|mobile|en|zh|cn|ja|de|fr|es|pt|it|www|home|main|default|category|tag|tags|topic|topics|[a-z]|id|newsdetail|pub|public|static|media|video|videos|photo|photos|gallery|live|latest|top|hot|local|world|meldung|artikel|noticias|noticia)$/i;

/** Language and locale sections ("/ar/", "/pt-br/", "/zh_cn/"): the site's edition, not a desk. */
const LANGUAGE_SECTION =
  /^(?:ar|he|fa|ur|ru|uk|ko|tr|pl|nl|sv|no|nb|da|fi|cs|sk|hu|ro|bg|el|th|vi|id|ms|hi|bn|ta|en|zh|ja|de|fr|es|pt|it|ca|hr|sr|sl|lt|lv|et)(?:[-_][a-z]{2,4})?$/i;

/** The first path section of `url` when it names a desk ("esporte", "environment", "allergies"). */
export function sectionOf(url: string): string | null {
  try {
    const parts = new URL(url).pathname.split('/').filter(Boolean);
    if (parts.length < 2) return null; // a page at the root has no section
    const first = decodeURIComponent(parts[0]).toLowerCase();
    if (first.length < 2 || !/^[\p{L}][\p{L}_-]*$/u.test(first) || GENERIC_SECTION.test(first) || LANGUAGE_SECTION.test(first)) return null;
    return first;
  } catch {
    return null;
  }
}

function prefixOf(key: string): string | null {
  return key.length >= 5 && /^[\p{L}\p{N}]+$/u.test(key) ? key.slice(0, 5) : null;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Term weights: in the title 2, plus up to 2.5 for repetition in the text, plus 0.5 in the lead. */
const TITLE_WEIGHT = 2;
const LEAD_WEIGHT = 0.5;

export function articleTerms(article: RelevanceArticle, o: RelevanceOptions): ArticleTerms {
  const lang = (article.lang || '').toLowerCase().split('-')[0];
  const site = siteKeys(article.siteName, article.url, lang);
  const title = normalise(article.title ?? '');
  const titleTokens = tokenize(title, lang);
  const titleKeys = new Set(titleTokens.map((t) => t.key));
  const text = normalise((article.text ?? '').slice(0, BODY_LIMIT));
  const tokens = tokenize(text, lang);
  const leadKeys = new Set<string>();
  let words = 0;
  for (const t of tokens) {
    if (t.cjk ? t.start > LEAD_CJK : ++words > LEAD_WORDS) break;
    leadKeys.add(t.key);
  }
  const tf = new Map<string, number>();
  const cjkKey = new Map<string, boolean>();
  for (const t of [...tokens, ...titleTokens]) cjkKey.set(t.key, t.cjk);
  for (const t of tokens) tf.set(t.key, (tf.get(t.key) ?? 0) + 1);
  const weight = new Map<string, number>();
  for (const key of new Set([...titleKeys, ...leadKeys, ...tf.keys()])) {
    if (site.has(key)) continue;
    const n = tf.get(key) ?? 0;
    let w = (titleKeys.has(key) ? TITLE_WEIGHT : 0) + (leadKeys.has(key) ? LEAD_WEIGHT : 0);
    if (n >= 2 || titleKeys.has(key) || leadKeys.has(key)) w += Math.min(2.5, 0.8 * Math.log2(1 + n));
    else w += 0.3; // once, deep in the body
    if (isGeneral(key, cjkKey.get(key) ?? false)) w *= o.generalFactor;
    weight.set(key, w);
  }
  const byPrefix = new Map<string, string[]>();
  for (const key of weight.keys()) {
    const p = prefixOf(key);
    if (p) byPrefix.set(p, [...(byPrefix.get(p) ?? []), key]);
  }
  // Fields: cues in the title weigh 3, in the lead 1, each further cue of the body 0.3 (up to 3 times).
  const score = new Map<string, number>();
  const addHits = (hits: Map<string, Map<string, number>>, w: number) => {
    for (const [field, m] of hits) {
      let s = 0;
      for (const n of m.values()) s += n * w;
      score.set(field, (score.get(field) ?? 0) + s);
    }
  };
  addHits(fieldHits(title, titleTokens), 3);
  const leadEnd = leadLength(text, tokens);
  const lead = text.slice(0, leadEnd);
  addHits(fieldHits(lead, tokens.filter((t) => t.end <= leadEnd)), 1);
  addHits(fieldHits(text.slice(leadEnd), tokens.filter((t) => t.start >= leadEnd), 3), 0.3);
  const best = Math.max(0, ...score.values());
  const fields = new Set<string>();
  for (const [field, s] of score) if (s >= o.fieldMin && s >= o.fieldShare * best) fields.add(field);
  return { lang, weight, byPrefix, site, section: sectionOf(article.url), fields, titleKeys };
}

function leadLength(text: string, tokens: Token[]): number {
  let words = 0;
  for (const t of tokens) {
    if (t.cjk ? t.start > LEAD_CJK : ++words > LEAD_WORDS) return t.start;
  }
  return text.length;
}

/** The article's weight for an item's key: exact, or a word sharing most of its letters. */
export function weightOf(terms: ArticleTerms, key: string): number {
  if (terms.site.has(key)) return 0;
  const exact = terms.weight.get(key) ?? 0;
  const p = prefixOf(key);
  if (!p) return exact;
  let best = exact;
  for (const other of terms.byPrefix.get(p) ?? []) {
    const need = Math.max(5, Math.ceil(0.8 * Math.min(key.length, other.length)));
    if (commonPrefix(key, other) >= need) best = Math.max(best, terms.weight.get(other) ?? 0);
  }
  return best;
}
