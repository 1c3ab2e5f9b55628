// The interface's words: en and zh_CN hold the same messages with the same placeholders, every
// key the code asks for exists, no message is left unused, and no component holds a literal.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, translator, type MessageEntry } from '@/lib/i18n';
import { ROOT } from '../support/paths';

const LOCALES = join(ROOT, 'public/_locales');
const load = (locale: string) => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<string, MessageEntry>;
const en = load('en');
const zh = load('zh_CN');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}
// Shipped code only: what the reader sees.
const SHIPPED = [...['components', 'entrypoints', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d))), join(ROOT, 'wxt.config.ts')];
const sources = SHIPPED.map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** Keys the code uses: t('key', …) calls and __MSG_key__ in the manifest and HTML. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.set(m[1], path);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.set(m[1], path);
  }
  return used;
}

describe('messages', () => {
  it('en and zh_CN have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(entry.message.trim(), key).not.toBe('');
      expect(zh[key].message.trim(), key).not.toBe('');
      const names = (e: MessageEntry) => [...e.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
      expect(names(zh[key]), key).toEqual(names(en[key]));
      for (const name of names(en[key])) expect(Object.keys(en[key].placeholders ?? {}), key).toContain(name);
      expect(Object.keys(zh[key].placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key].placeholders ?? {}).sort());
    }
  });

  it('keys are unique without regard to case (the browser ignores case)', () => {
    const lower = Object.keys(en).map((k) => k.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('every key used in the code exists, and every message is used', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter(([key]) => !(key in en)).map(([key, path]) => `${key} (${path})`);
    expect(missing).toEqual([]);
    expect(Object.keys(en).filter((key) => !used.has(key))).toEqual([]);
  });

  it('the manifest takes its name, description and tooltip from the messages', () => {
    const config = sources.find((s) => s.path === 'wxt.config.ts')!.text;
    expect(config).toMatch(/default_locale: 'en'/);
    expect(config).toMatch(/name: '__MSG_extName__'/);
    expect(config).toMatch(/description: '__MSG_extDescription__'/);
  });
});

describe('no words written into a component', () => {
  // JSX text between tags and the attributes a reader or a screen reader gets, written as literals.
  // (`Name<T` right before a letter is a type argument, not text before a tag: `Close</b>`, `Close <b>`.)
  const LITERAL_TEXT = />\s*([^<>{}\s][^<>{}]*[A-Za-z\u4e00-\u9fff][^<>{}]*)<(?!(?<=\w<)[A-Za-z])/g;
  const LITERAL_ATTR = /\b(title|aria-label|alt|placeholder|label)="([^"]*[A-Za-z\u4e00-\u9fff][^"]*)"/g;
  const files = sources.filter((s) => s.path.endsWith('.tsx'));

  it.each(files.map((f) => [f.path, f.text] as const))('%s', (_path, text) => {
    const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const found = [...code.matchAll(LITERAL_TEXT), ...code.matchAll(LITERAL_ATTR)]
      .map((m) => m[0])
      // Type arguments, parameter lists and arrows (`): Promise<`, `=> x<`) are code, not text.
      .filter((m) => !/=>|\b(extends|typeof|keyof)\b|[;=(]|\b(Promise|Record|Set|Map|Array)<$|\w: \w/.test(m));
    expect(found).toEqual([]);
  });

  it('catches a literal (the check itself)', () => {
    const code = '<button title="Close">Close it</button>';
    expect([...code.matchAll(LITERAL_TEXT)].length + [...code.matchAll(LITERAL_ATTR)].length).toBe(2);
  });
});

describe('formatMessage', () => {
  it('fills named placeholders and $n, like the browser', () => {
    const entry: MessageEntry = { message: 'About $Minutes$ min ($$ $2)', placeholders: { minutes: { content: '$1' } } };
    expect(formatMessage(entry, [5, 'x'])).toBe('About 5 min ($ x)');
    expect(formatMessage(entry)).toBe('About  min ($ )');
  });

  it('gives the reading time per language', () => {
    expect(translator(en)('readingTime', 5)).toBe('5 min');
    expect(translator(zh)('readingTime', 5)).toBe('约 5 分钟');
  });
});
