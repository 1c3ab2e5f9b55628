// Every reader setting in one typed storage item. The popup and the in-page reader both read
// and watch it, so a change in one applies at once in the other.
import { lazyItem } from './storage-item';

export type Theme = 'auto' | 'light' | 'dark' | 'sepia';
/** Font presets: each names a Latin and a CJK face together (components/reader.css picks by the text's language). */
export type FontFamily = 'serif' | 'sans' | 'kai';
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
  /** Typography (issue 18): line height as a multiple of the text size. */
  lineSpacing: number;
  /** Space added between letters (字间距), in em. */
  letterSpacing: number;
  /** Space after each paragraph, in em. */
  paragraphSpacing: number;
  /** Justified text (CJK: spread between characters, strict line breaking). */
  justify: boolean;
  /** Read aloud (issue 18): speech rate, 1 = the voice's normal speed. */
  speechRate: number;
  /** The voice picked for read aloud (its voiceURI); '' picks the system's voice for the article's language. */
  speechVoice: string;
}

export const THEMES: readonly Theme[] = ['auto', 'light', 'dark', 'sepia'];
export const FONT_FAMILIES: readonly FontFamily[] = ['sans', 'serif', 'kai'];
export const CONTENT_WIDTHS: readonly ContentWidth[] = ['narrow', 'medium', 'wide'];
export const BADGE_STYLES: readonly BadgeStyle[] = ['count', 'dot', 'off'];
export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 26;

/** A numeric setting's range and step: the panel's slider and normalizeSettings share them. */
export interface NumberRange {
  min: number;
  max: number;
  step: number;
}
export const LINE_SPACING: NumberRange = { min: 1.2, max: 2.4, step: 0.05 };
export const LETTER_SPACING: NumberRange = { min: 0, max: 0.3, step: 0.01 };
export const PARAGRAPH_SPACING: NumberRange = { min: 0, max: 3, step: 0.25 };
export const SPEECH_RATES: readonly number[] = [0.75, 1, 1.25, 1.5, 1.75, 2];

export const DEFAULT_SETTINGS: Settings = {
  theme: 'auto',
  fontSize: 18,
  contentWidth: 'medium',
  fontFamily: 'sans',
  relatedPageOrder: false,
  showSummaries: false,
  badge: 'count',
  lineSpacing: 1.75,
  letterSpacing: 0,
  paragraphSpacing: 1,
  justify: false,
  speechRate: 1,
  speechVoice: '',
};

/** `v` within `range`, on its step; `fallback` when it is not a finite number. */
export function inRange(v: unknown, range: NumberRange, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  const stepped = range.min + Math.round((v - range.min) / range.step) * range.step;
  // Rounded to 1/1000: steps of 0.05 must not store 1.7500000000000002.
  return Math.round(Math.min(range.max, Math.max(range.min, stepped)) * 1000) / 1000;
}

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
    lineSpacing: inRange(value.lineSpacing, LINE_SPACING, DEFAULT_SETTINGS.lineSpacing),
    letterSpacing: inRange(value.letterSpacing, LETTER_SPACING, DEFAULT_SETTINGS.letterSpacing),
    paragraphSpacing: inRange(value.paragraphSpacing, PARAGRAPH_SPACING, DEFAULT_SETTINGS.paragraphSpacing),
    justify: pick([true, false], value.justify, DEFAULT_SETTINGS.justify),
    speechRate: pick(SPEECH_RATES, value.speechRate, DEFAULT_SETTINGS.speechRate),
    // A voice's URI is the system's: kept as a bounded string, matched against the voices there.
    speechVoice: typeof value.speechVoice === 'string' && value.speechVoice.length <= 300 ? value.speechVoice : DEFAULT_SETTINGS.speechVoice,
  };
}

export const settingsItem = lazyItem<Settings>('sync:settings', {
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
// made for the pages this browser saw), checked whole on every read (lib/sites/site-rules.ts).
import { normalizeSites, withSite, type SitePrefs, type SiteTable } from './sites/site-rules';

export const sitesItem = lazyItem<SiteTable>('local:sites', { fallback: {}, version: 1 });

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
