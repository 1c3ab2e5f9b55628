// Every reader setting in one typed storage item. The popup and the in-page reader both read
// and watch it, so a change in one applies at once in the other.
import { storage } from 'wxt/utils/storage';

export type Theme = 'auto' | 'light' | 'dark' | 'sepia';
export type FontFamily = 'serif' | 'sans';
export type ContentWidth = 'narrow' | 'medium' | 'wide';
/** What the toolbar button shows on an article: the related count, only a dot, or nothing. */
export type BadgeStyle = 'count' | 'dot' | 'off';

export interface Settings {
  theme: Theme;
  /** Body text size in CSS pixels. */
  fontSize: number;
  contentWidth: ContentWidth;
  fontFamily: FontFamily;
  /** Related items as the page lists them, every one shown, instead of on-topic first and the rest folded (issue 15). */
  relatedPageOrder: boolean;
  /** Every related item's snippet and thumbnail shown at once. */
  showSummaries: boolean;
  /** The toolbar badge (entrypoints/background/action.ts). */
  badge: BadgeStyle;
}

export const THEMES: readonly Theme[] = ['auto', 'light', 'dark', 'sepia'];
export const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans'];
export const CONTENT_WIDTHS: readonly ContentWidth[] = ['narrow', 'medium', 'wide'];
export const BADGE_STYLES: readonly BadgeStyle[] = ['count', 'dot', 'off'];
export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 26;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'auto',
  fontSize: 18,
  contentWidth: 'medium',
  fontFamily: 'sans',
  relatedPageOrder: false,
  showSummaries: false,
  badge: 'count',
};

/**
 * Settings as stored, made whole: `sync:` storage can hold a value written by another version
 * of Sift on another machine, so every field is checked and a bad one falls back to its default.
 */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const pick = <T>(allowed: readonly T[], v: unknown, fallback: T): T =>
    allowed.includes(v as T) ? (v as T) : fallback;
  const size = typeof value.fontSize === 'number' && Number.isFinite(value.fontSize) ? Math.round(value.fontSize) : NaN;
  return {
    theme: pick(THEMES, value.theme, DEFAULT_SETTINGS.theme),
    fontSize: Number.isNaN(size) ? DEFAULT_SETTINGS.fontSize : Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, size)),
    contentWidth: pick(CONTENT_WIDTHS, value.contentWidth, DEFAULT_SETTINGS.contentWidth),
    fontFamily: pick(FONT_FAMILIES, value.fontFamily, DEFAULT_SETTINGS.fontFamily),
    relatedPageOrder: pick([true, false], value.relatedPageOrder, DEFAULT_SETTINGS.relatedPageOrder),
    showSummaries: pick([true, false], value.showSummaries, DEFAULT_SETTINGS.showSummaries),
    badge: pick(BADGE_STYLES, value.badge, DEFAULT_SETTINGS.badge),
  };
}

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(next: Settings): Promise<void> {
  await settingsItem.setValue(normalizeSettings(next));
}

/** Calls `onChange` with the whole, checked settings whenever they change anywhere. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(normalizeSettings(value)));
}

// ---- Sites (issue 19): "always use reader mode" per site and the per-site rules ---------------
// Not reader settings: local storage only (this browser's permissions go with them, and a rule is
// made for the pages this browser saw), checked whole on every read (lib/site-rules.ts).
import { normalizeSites, withSite, type SitePrefs, type SiteTable } from './site-rules';

export const sitesItem = storage.defineItem<SiteTable>('local:sites', { fallback: {}, version: 1 });

export async function loadSites(): Promise<SiteTable> {
  return normalizeSites(await sitesItem.getValue());
}

export async function saveSites(table: SiteTable): Promise<void> {
  await sitesItem.setValue(normalizeSites(table));
}

/** Changes one site's prefs (read, change, write) and returns the new table. */
export async function updateSite(host: string, change: (prefs: SitePrefs) => SitePrefs): Promise<SiteTable> {
  const next = withSite(await loadSites(), host, change);
  await saveSites(next);
  return next;
}

export function watchSites(onChange: (table: SiteTable) => void): () => void {
  return sitesItem.watch((value) => onChange(normalizeSites(value)));
}
// ---- end of sites (issue 19) ----------------------------------------------------------------------
