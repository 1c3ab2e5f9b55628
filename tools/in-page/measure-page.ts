// What the bench measures in a page it loaded: the five operations timed (TreeWalker floor,
// Readability's two, Sift's detect and extract), the parts of detect() and extract(), and what
// they returned; and the generated 5 MB page.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { articleCounter, detect, scoreDocument } from '../../lib/extract/detect/detect';
import { extract } from '../../lib/extract/index';
import { extractArticle } from '../../lib/extract/article/extract-article';
import { extractRelated, itemCount } from '../../lib/extract/related/extract-related';
import { DEFAULT_TIMING, message, timeOp, timePair, type OpTiming, type TimingOptions } from './timing';

type DocFn = (doc: Document, url: string) => unknown;

/** The content script's second step, at an idle moment after the load (articles only): scoring again and counting. */
export const IDLE_COUNT = 'detect, idle: related count';
/**
 * The parts of detect() and extract(), timed on their own to say which one is slow; and the
 * content script's idle step, on articles only (it runs for no other page).
 */
function phasesOf(doc: Document): Record<string, DocFn> {
  return {
    'detect: scoreDocument': (d) => scoreDocument(d, []),
    ...(scoreDocument(doc).isArticle ? { [IDLE_COUNT]: (d: Document, url: string) => articleCounter(d, url)?.() } : {}),
    'extract: extractArticle': extractArticle,
    'extract: extractRelated': extractRelated,
  };
}

export const OPS = ['treeWalker', 'isProbablyReaderable', 'detect', 'readabilityParse', 'extract'] as const;
export type OpName = (typeof OPS)[number];

export interface PageMeasure {
  elements: number;
  timings: Record<OpName, OpTiming>;
  /** detect / isProbablyReaderable and extract / Readability.parse, each timed as a pair (timePair). */
  ratios: { detectVsIsProbablyReaderable: number | null; extractVsReadabilityParse: number | null };
  /** What the operations returned (once), to make sure the work was really done. */
  readerable: boolean;
  detectIsArticle: boolean | null;
  readabilityTextLength: number | null;
  extractTextLength: number | null;
  relatedItems: number | null;
  /** True when the document changed while Sift's functions ran (lib/ must never mutate it). */
  mutated: boolean;
  /** The parts of detect() and extract() (see phasesOf), timed with a smaller budget. */
  phases: Record<string, OpTiming>;
}
/** One pass over every element: the floor for any detector. */
export function walkElements(doc: Document): number {
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
}

/** Readability as its README says to run it: on a clone, since parse() rewrites the DOM it gets. */
export function readabilityOnClone(doc: Document) {
  return new Readability(doc.cloneNode(true) as Document).parse();
}

function fingerprint(doc: Document): string {
  return `${doc.getElementsByTagName('*').length}:${doc.documentElement.outerHTML.length}:${doc.title}`;
}

function tryOnce<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** Measures the five operations on the document the bundle was injected into. */
export function measurePage(url: string, opts: TimingOptions = DEFAULT_TIMING): PageMeasure {
  const doc = document;
  const before = fingerprint(doc);
  // The first calls below are also the "first call" timings: nothing has run on the page yet.
  const treeWalker = timeOp(() => walkElements(doc), opts);
  // detect as the content script calls it on the load path: its first step (entrypoints/content.ts;
  // the related count waits for an idle moment and is timed among the parts).
  const detection = timePair(() => isProbablyReaderable(doc), () => scoreDocument(doc).isArticle, opts);
  const extraction = timePair(() => readabilityOnClone(doc), () => extract(doc, url), opts);
  const timings = {
    treeWalker,
    isProbablyReaderable: detection.base,
    detect: detection.op,
    readabilityParse: extraction.base,
    extract: extraction.op,
  };
  const phaseOpts = { ...opts, samples: Math.min(opts.samples, 5), budgetMs: opts.budgetMs / 2 };
  const phases: Record<string, OpTiming> = {};
  for (const [name, fn] of Object.entries(phasesOf(doc))) phases[name] = timeOp(() => fn(doc, url), phaseOpts);
  const mutated = fingerprint(doc) !== before;
  const extracted = tryOnce(() => extract(doc, url));
  return {
    elements: doc.getElementsByTagName('*').length,
    timings,
    ratios: { detectVsIsProbablyReaderable: detection.ratio, extractVsReadabilityParse: extraction.ratio },
    readerable: isProbablyReaderable(doc),
    detectIsArticle: tryOnce(() => detect(doc, url).isArticle),
    readabilityTextLength: tryOnce(() => readabilityOnClone(doc)?.textContent?.length ?? 0),
    extractTextLength: extracted ? (extracted.article?.textLength ?? 0) : null,
    relatedItems: extracted ? itemCount(extracted.related) : null,
    mutated,
    phases,
  };
}

export interface HugePageMeasure {
  elements: number;
  detect: OpTiming;
  isProbablyReaderable: OpTiming;
  /** The parts of detect() (see phasesOf). */
  phases: Record<string, OpTiming>;
  /** What detect() and isProbablyReaderable() said: the page is an article with a long comment thread. */
  detectIsArticle: boolean | null;
  readerable: boolean;
  /** One full extract() call: it must complete; its time is reported, not budgeted. */
  extractMs: number | null;
  extractError?: string;
  extractTextLength: number | null;
  relatedItems: number | null;
}

/** The generated 5 MB page: detection timed as usual, extraction run once (it is slow by nature). */
export function measureHugePage(url: string, opts: TimingOptions = DEFAULT_TIMING): HugePageMeasure {
  const doc = document;
  const small: TimingOptions = { ...opts, samples: Math.min(opts.samples, 5) };
  const result: HugePageMeasure = {
    elements: doc.getElementsByTagName('*').length,
    detect: timeOp(() => scoreDocument(doc).isArticle, small),
    isProbablyReaderable: timeOp(() => isProbablyReaderable(doc), small),
    phases: {},
    detectIsArticle: tryOnce(() => detect(doc, url).isArticle),
    readerable: isProbablyReaderable(doc),
    extractMs: null,
    extractTextLength: null,
    relatedItems: null,
  };
  for (const [name, fn] of Object.entries(phasesOf(doc))) {
    if (name.startsWith('detect')) result.phases[name] = timeOp(() => fn(doc, url), small);
  }
  try {
    const t0 = performance.now();
    const extraction = extract(doc, url);
    result.extractMs = performance.now() - t0;
    result.extractTextLength = extraction.article?.textLength ?? 0;
    result.relatedItems = itemCount(extraction.related);
  } catch (err) {
    result.extractError = message(err);
  }
  return result;
}
