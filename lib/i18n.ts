// The interface's words live in public/_locales/<locale>/messages.json, the browser's own i18n:
// the UI follows the browser's language (en, zh_CN), with en as the default. Components never
// hold a user-visible string: they take a `t` as a prop. The entrypoints pass one backed by
// browser.i18n.getMessage (lib/browser-i18n.ts); tests build one from the messages.json files with `translator`.
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Substitutions = string | number | readonly (string | number)[];
export type Translate = (key: MessageKey, substitutions?: Substitutions) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The substitutions as getMessage wants them: strings, at most 9. */
export function substitutionList(substitutions?: Substitutions): string[] {
  if (substitutions === undefined) return [];
  const list = Array.isArray(substitutions) ? substitutions : [substitutions as string | number];
  return list.slice(0, 9).map(String);
}

/**
 * A message with its substitutions, the way Chrome and Firefox do it: named placeholders
 * ($COUNT$, case-insensitive) become their content, then $1…$9 the substitutions, "$$" a "$".
 */
export function formatMessage(entry: MessageEntry, substitutions?: Substitutions): string {
  const subs = substitutionList(substitutions);
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_whole, ref: string) => (ref === '$' ? '$' : (subs[Number(ref) - 1] ?? '')));
}

/** A `t` over one locale's messages (tests, tools); a missing key gives the key itself. */
export function translator(messages: Record<string, MessageEntry>): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    return entry ? formatMessage(entry, substitutions) : key;
  };
}
