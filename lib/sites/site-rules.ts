// What the reader chose for the sites they read (issue 19): "always use reader mode" on a site,
// and per-site rules made with "Pick the article" and "Remove". A rule is data, never code: a CSS
// selector string and an action, size-limited, checked when read from storage and refused whole
// on import. Keyed by hostname: the permission Sift asks for is that host (sitePattern), and a
// rule made on one page of a site is tried on its other pages.

export type RuleAction = 'article' | 'remove';
export const RULE_ACTIONS: readonly RuleAction[] = ['article', 'remove'];

export interface SiteRule {
  /** 'article': this element is the article. 'remove': hide this block of the reader view. */
  action: RuleAction;
  selector: string;
}

export interface SitePrefs {
  /** Reader mode opens by itself on this site's article pages (needs the site's permission). */
  auto: boolean;
  rules: SiteRule[];
}

/** hostname -> what the reader chose for it. */
export type SiteTable = Record<string, SitePrefs>;

export const MAX_SITES = 500;
export const MAX_RULES_PER_SITE = 20;
export const MAX_SELECTOR_LENGTH = 300;
/** An import file larger than this is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const EXPORT_FORMAT = 'sift-sites';
export const EXPORT_VERSION = 1;

/** The site of an http(s) page: its hostname, lower-cased; null for any other URL. */
export function siteKey(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return validHost(parsed.hostname) ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** A hostname as URL() gives it: letters, digits, dots, hyphens (IDNs are punycode), or an IPv6 in brackets. */
export function validHost(host: unknown): host is string {
  return typeof host === 'string' && host.length > 0 && host.length <= 253 && /^([a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$/i.test(host);
}

/**
 * The match patterns Sift asks for on `host`: both schemes, every path, any port. Two patterns,
 * not `*://host/*`: a request must fit within one of the manifest's optional patterns.
 */
export function sitePatterns(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** The hosts whose sitePatterns are among `origins` (what permissions.onAdded reports). */
export function patternHosts(origins: readonly string[] | undefined): string[] {
  const hosts = (origins ?? []).map((o) => /^https?:\/\/([^/*]+)\/\*$/i.exec(o)?.[1]?.toLowerCase()).filter((h): h is string => !!h && validHost(h));
  return [...new Set(hosts)];
}

/**
 * A selector Sift may keep: a non-empty string within the size limit, one line, no control
 * characters. `parses` (a DOM's querySelector, where there is one) checks that it is CSS at all.
 */
export function validSelector(selector: unknown, parses?: (s: string) => boolean): selector is string {
  if (typeof selector !== 'string') return false;
  const s = selector.trim();
  if (!s || s !== selector || s.length > MAX_SELECTOR_LENGTH || /[\u0000-\u001f\u007f]/.test(s)) return false;
  return parses ? parses(s) : true;
}

/** Whether `selector` is CSS for `doc`'s querySelector (which throws on anything else). */
export function selectorParses(doc: Document, selector: string): boolean {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function validRule(rule: unknown, parses?: (s: string) => boolean): rule is SiteRule {
  const r = rule as Partial<SiteRule> | null;
  return !!r && typeof r === 'object' && RULE_ACTIONS.includes(r.action as RuleAction) && validSelector(r.selector, parses);
}

/** The table as kept, made whole: storage may hold what another version wrote; what is not valid is dropped. */
export function normalizeSites(raw: unknown): SiteTable {
  const out: SiteTable = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [host, entry] of Object.entries(raw as Record<string, unknown>).slice(0, MAX_SITES)) {
    if (!validHost(host) || !entry || typeof entry !== 'object') continue;
    const e = entry as Partial<SitePrefs>;
    const rules = Array.isArray(e.rules) ? e.rules.filter((r) => validRule(r)).slice(0, MAX_RULES_PER_SITE) : [];
    const prefs: SitePrefs = { auto: e.auto === true, rules: rules.map((r) => ({ action: r.action, selector: r.selector })) };
    if (prefs.auto || prefs.rules.length) out[host.toLowerCase()] = prefs;
  }
  return out;
}

/** `table` with `host`'s prefs changed; a site left with nothing is dropped. Pure. */
export function withSite(table: SiteTable, host: string, change: (prefs: SitePrefs) => SitePrefs): SiteTable {
  const next = { ...table };
  const prefs = change(next[host] ?? { auto: false, rules: [] });
  // A rule made again replaces the old one of the same selector; the newest are kept.
  const seen = new Set<string>();
  const rules = [...prefs.rules]
    .reverse()
    .filter((r) => !seen.has(r.selector) && seen.add(r.selector))
    .reverse()
    .slice(-MAX_RULES_PER_SITE);
  if (prefs.auto || rules.length) next[host] = { auto: prefs.auto, rules };
  else delete next[host];
  return next;
}

/** The file "Export" writes. */
export function exportSites(table: SiteTable): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, sites: table }, null, 2);
}

export type ImportError =
  | { error: 'too-large' }
  | { error: 'not-json' }
  | { error: 'not-sift' }
  | { error: 'too-many-sites' }
  | { error: 'bad-site'; site: string }
  | { error: 'bad-rule'; site: string; index: number };

/**
 * A file written by exportSites, checked whole: any bad part refuses the whole file (the
 * reader's table is then left as it was), with what was wrong. `parses` checks each selector.
 */
export function parseImport(text: string, parses?: (s: string) => boolean): { ok: true; sites: SiteTable } | ({ ok: false } & ImportError) {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const file = data as { format?: unknown; version?: unknown; sites?: unknown } | null;
  if (!file || typeof file !== 'object' || file.format !== EXPORT_FORMAT || file.version !== EXPORT_VERSION) return { ok: false, error: 'not-sift' };
  if (!file.sites || typeof file.sites !== 'object' || Array.isArray(file.sites)) return { ok: false, error: 'not-sift' };
  const entries = Object.entries(file.sites as Record<string, unknown>);
  if (entries.length > MAX_SITES) return { ok: false, error: 'too-many-sites' };
  const sites: SiteTable = {};
  for (const [site, entry] of entries) {
    const e = entry as { auto?: unknown; rules?: unknown } | null;
    const keys = e && typeof e === 'object' ? Object.keys(e) : [];
    if (
      !validHost(site) ||
      !e ||
      typeof e !== 'object' ||
      keys.some((k) => k !== 'auto' && k !== 'rules') ||
      typeof e.auto !== 'boolean' ||
      !Array.isArray(e.rules) ||
      e.rules.length > MAX_RULES_PER_SITE
    ) {
      return { ok: false, error: 'bad-site', site: String(site).slice(0, 80) };
    }
    const rules: SiteRule[] = [];
    for (const [index, rule] of e.rules.entries()) {
      const keysOfRule = rule && typeof rule === 'object' ? Object.keys(rule) : [];
      if (!validRule(rule, parses) || keysOfRule.some((k) => k !== 'action' && k !== 'selector')) return { ok: false, error: 'bad-rule', site, index };
      rules.push({ action: rule.action, selector: rule.selector });
    }
    sites[site.toLowerCase()] = { auto: e.auto, rules };
  }
  return { ok: true, sites };
}
