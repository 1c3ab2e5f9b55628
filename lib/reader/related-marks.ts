// The reader's own word on a related item, "Related" or "Not related", kept per site (the page's
// hostname) in local storage only, and applied the next time that site's list is graded (issue 15).
// Bounded: the sites used longest ago and, per site, the oldest marks go first.
import { lazyItem } from '../storage-item';

export type Mark = 'on' | 'off';
/** One site's marks: item URL -> mark. */
export type SiteMarks = Readonly<Record<string, Mark>>;

interface SiteEntry {
  /** When a mark of this site last changed (ms since the epoch): the oldest site goes first. */
  at: number;
  /** In the order they were made: the oldest first. */
  marks: Record<string, Mark>;
}
export type MarksStore = Record<string, SiteEntry>;

export const MAX_MARKED_SITES = 200;
export const MAX_MARKS_PER_SITE = 200;

/** The site a page belongs to for its marks: its hostname, "" for a URL without one. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const isMark = (v: unknown): v is Mark => v === 'on' || v === 'off';

/** The store as kept, made whole: anything that is not a site's marks is dropped. */
export function normalizeMarks(raw: unknown): MarksStore {
  const out: MarksStore = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [site, entry] of Object.entries(raw as Record<string, unknown>)) {
    const e = entry as Partial<SiteEntry> | null;
    if (!e || typeof e !== 'object' || !e.marks || typeof e.marks !== 'object') continue;
    const marks: Record<string, Mark> = {};
    for (const [url, mark] of Object.entries(e.marks)) if (isMark(mark)) marks[url] = mark;
    if (Object.keys(marks).length) out[site] = { at: typeof e.at === 'number' ? e.at : 0, marks };
  }
  return out;
}

/** `store` with `url` on `site` marked `mark` (null: the mark taken off), within the bounds. Pure. */
export function withMark(store: MarksStore, site: string, url: string, mark: Mark | null, now: number): MarksStore {
  const next: MarksStore = { ...store };
  const marks = { ...(next[site]?.marks ?? {}) };
  delete marks[url]; // a new mark goes to the end: the newest
  if (mark) marks[url] = mark;
  const urls = Object.keys(marks);
  for (const old of urls.slice(0, Math.max(0, urls.length - MAX_MARKS_PER_SITE))) delete marks[old];
  if (Object.keys(marks).length) next[site] = { at: now, marks };
  else delete next[site];
  const sites = Object.keys(next).sort((a, b) => next[a].at - next[b].at);
  for (const old of sites.slice(0, Math.max(0, sites.length - MAX_MARKED_SITES))) delete next[old];
  return next;
}

export const marksItem = lazyItem<MarksStore>('local:relatedMarks', { fallback: {} });

export async function loadSiteMarks(site: string): Promise<SiteMarks> {
  return normalizeMarks(await marksItem.getValue())[site]?.marks ?? {};
}

// One change at a time: two quick clicks must not both read the store before either writes it.
let queue: Promise<unknown> = Promise.resolve();

export function saveMark(site: string, url: string, mark: Mark | null): Promise<void> {
  const run = queue.then(async () => {
    await marksItem.setValue(withMark(normalizeMarks(await marksItem.getValue()), site, url, mark, Date.now()));
  });
  queue = run.catch(() => {});
  return run;
}

export function clearMarks(): Promise<void> {
  const run = queue.then(() => marksItem.removeValue());
  queue = run.catch(() => {});
  return run;
}

/** Calls `onChange` with the site's marks whenever they change (here or in another Sift view). */
export function watchSiteMarks(site: string, onChange: (marks: SiteMarks) => void): () => void {
  return marksItem.watch((value) => onChange(normalizeMarks(value)[site]?.marks ?? {}));
}
