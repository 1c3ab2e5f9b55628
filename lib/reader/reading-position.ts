// Where the reader was in an article, per article URL, so that reader mode opens there again
// (issue 18). Local storage only (never synced), bounded: past MAX_POSITIONS the positions saved
// longest ago go first. Cleared with the reader's other data (lib/clear-data.ts).
import { lazyItem } from '../storage-item';

export interface Position {
  /** How far down the article the top of the view was: 0 at its top, 1 at its end. */
  at: number;
  /** When it was saved (ms since the epoch): the oldest goes first. */
  saved: number;
}
/** Article URL (without its #fragment) -> position. */
export type PositionStore = Record<string, Position>;

export const MAX_POSITIONS = 500;

/** The key an article's position is kept under: its URL without the #fragment; "" for no http(s) URL. */
export function positionKey(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return '';
  }
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/** The store as kept, made whole: anything that is not a position is dropped. */
export function normalizePositions(raw: unknown): PositionStore {
  const out: PositionStore = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const p = value as Partial<Position> | null;
    if (!p || typeof p.at !== 'number' || !Number.isFinite(p.at)) continue;
    out[key] = { at: clamp(p.at), saved: typeof p.saved === 'number' && Number.isFinite(p.saved) ? p.saved : 0 };
  }
  return out;
}

/** `store` with `key` at `at`, within the bound (the oldest positions dropped). Pure. */
export function withPosition(store: PositionStore, key: string, at: number, now: number, max = MAX_POSITIONS): PositionStore {
  const next: PositionStore = { ...store, [key]: { at: clamp(at), saved: now } };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  keys.sort((a, b) => next[a].saved - next[b].saved);
  for (const old of keys.slice(0, keys.length - max)) delete next[old];
  return next;
}

export const positionsItem = lazyItem<PositionStore>('local:readingPositions', { fallback: {} });

export async function loadPosition(url: string): Promise<number | null> {
  const key = positionKey(url);
  if (!key) return null;
  return normalizePositions(await positionsItem.getValue())[key]?.at ?? null;
}

// One change at a time: a save must not read the store while another is writing it.
let queue: Promise<unknown> = Promise.resolve();
/** When the positions were last cleared here: a save of a scroll made before that is dropped. */
let clearedAt = -Infinity;

/** Saves `at` for `url`; `scrolledAt` (ms since the epoch) is when the reader was there. */
export function savePosition(url: string, at: number, scrolledAt = Date.now()): Promise<void> {
  const key = positionKey(url);
  if (!key || !Number.isFinite(at) || scrolledAt < clearedAt) return Promise.resolve();
  const run = queue.then(async () => {
    await positionsItem.setValue(withPosition(normalizePositions(await positionsItem.getValue()), key, at, Date.now()));
  });
  queue = run.catch(() => {});
  return run;
}

export function clearPositions(): Promise<void> {
  clearedAt = Date.now();
  const run = queue.then(() => positionsItem.removeValue());
  queue = run.catch(() => {});
  return run;
}
