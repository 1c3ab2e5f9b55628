// The core rule (issue 20): lib/extract/ is pure. It takes a Document (and a URL) and returns
// plain data, so it runs the same in the page, in happy-dom and in a benchmark. No extension API
// (`browser.*`, `chrome.*`, wxt), no storage, no global window or document beyond the one it is
// given, no import from the plumbing around it, and no HTML written into a DOM from a string
// (`innerHTML =`, `outerHTML =`, `insertAdjacentHTML`, `document.write`, `createContextualFragment`,
// `setHTMLUnsafe`). Reading innerHTML/outerHTML to serialise is fine.
//
// The check walks each file's syntax tree (TypeScript's parser), so comments and strings that
// mention `browser.` do not count, and a use the regexes of a grep would miss (`x['innerHTML'] =`)
// does. The few uses the core needs are listed below with the reason; an entry no longer used fails too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/paths';

const CORE = join(ROOT, 'lib', 'extract');

/** Globals that belong to a page or to the extension, never to the core. */
const BANNED_GLOBALS = new Set([
  'browser',
  'chrome',
  'window',
  'self',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'caches',
  'navigator',
  'location',
  'history',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'importScripts',
]);
/** Properties that write HTML from a string into a DOM. */
const HTML_SINKS = new Set(['innerHTML', 'outerHTML']);
/** Methods that parse HTML from a string into a live DOM. */
const HTML_METHODS = new Set(['insertAdjacentHTML', 'write', 'writeln', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe']);
/** Packages the core may import: the parser it wraps and the sanitiser. */
const ALLOWED_PACKAGES = new Set(['@mozilla/readability', 'dompurify']);

/**
 * The uses the core needs, by file and the code on the line, with why. Each must still be there.
 */
const ALLOWED: { file: string; code: string; why: string }[] = [
  {
    file: 'article/lazy-images.ts',
    code: 'template.innerHTML = markup',
    why:
      'a <noscript> fallback is raw text in a scripting DOM; a <template> parses it inert (no ' +
      'browsing context: nothing loads or runs), in the article copy, and the article is sanitised after',
  },
  {
    file: 'article/extract-article.ts',
    code: 'globalThis.window',
    why: 'a DOMParser document has no defaultView in browsers: Readability then parses with the global window',
  },
  {
    file: 'sanitize.ts',
    code: 'win: Window = globalThis.window',
    why: 'the popup and reader mode sanitise with their own window; every other caller passes one',
  },
];

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

interface Finding {
  file: string;
  line: number;
  code: string;
  what: string;
}

/** Every use in `source` that breaks the rule (before the allow-list). */
export function impurities(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const out: Finding[] = [];
  const add = (node: ts.Node, what: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    out.push({ file, line: line + 1, code: lines[line].trim(), what });
  };
  // Names the file declares itself (a local `window` of text, a `self` URL) are not the globals.
  const declared = new Set<string>();
  const collect = (n: ts.Node) => {
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name))
      declared.add(n.name.text);
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const nameOf = (n: ts.Node): string | null =>
    ts.isPropertyAccessExpression(n) ? n.name.text : ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression) ? n.argumentExpression.text : null;
  const visit = (node: ts.Node) => {
    // imports: only the core itself and its two packages
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      if (spec.startsWith('.')) {
        const target = resolve(join(file, '..'), spec);
        if (relative(CORE, target).startsWith('..')) add(node, `imports ${spec} from outside lib/extract`);
      } else if (!ALLOWED_PACKAGES.has(spec)) add(node, `imports ${spec}`);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, 'dynamic import');
    // globals: `window.x`, `browser.x`, `fetch(…)`, `globalThis.window`, `typeof chrome`
    if (ts.isIdentifier(node) && BANNED_GLOBALS.has(node.text) && !declared.has(node.text)) {
      const p = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === node) ||
        ((ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isBindingElement(p)) && p.name === node) ||
        ts.isImportSpecifier(p) ||
        ts.isTypeReferenceNode(p) ||
        ts.isQualifiedName(p);
      if (!isName) add(node, `uses the global ${node.text}`);
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'globalThis' && BANNED_GLOBALS.has(node.name.text))
      add(node, `uses globalThis.${node.name.text}`);
    // HTML from a string into a DOM
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.EqualsToken || node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) {
      const name = nameOf(node.left);
      if (name && HTML_SINKS.has(name)) add(node, `assigns ${name}`);
    }
    if (ts.isCallExpression(node)) {
      const name = nameOf(node.expression);
      if (name && HTML_METHODS.has(name)) add(node, `calls ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('lib/extract is pure (issue 20)', () => {
  const files = coreFiles();
  const findings = files.flatMap((f) => impurities(f, readFileSync(f, 'utf8')));
  const rel = (f: string) => relative(CORE, f).split(sep).join('/');
  const allowed = (x: Finding) => ALLOWED.some((a) => a.file === rel(x.file) && x.code.includes(a.code));

  it('finds the core', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['index.ts', 'sanitize.ts', 'detect/detect.ts', 'related/extract-related.ts']));
  });

  it('uses no browser or extension API, no global window, no plumbing, and writes no HTML from a string', () => {
    const bad = findings.filter((x) => !allowed(x)).map((x) => `${rel(x.file)}:${x.line} ${x.what}: ${x.code}`);
    expect(bad).toEqual([]);
  });

  it('needs every allowed use it lists (a stale entry is removed)', () => {
    const unused = ALLOWED.filter((a) => !findings.some((x) => a.file === rel(x.file) && x.code.includes(a.code)));
    expect(unused).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const found = (code: string) => impurities(join(CORE, 'probe.ts'), code).map((x) => x.what);
    expect(found(`browser.runtime.sendMessage({});`)).toEqual(['uses the global browser']);
    expect(found(`chrome.storage.local.get('x');`)).toEqual(['uses the global chrome']);
    expect(found(`const w = window.innerWidth;`)).toEqual(['uses the global window']);
    expect(found(`localStorage.setItem('a', 'b');`)).toEqual(['uses the global localStorage']);
    expect(found(`const w = globalThis.window;`)).toEqual(['uses globalThis.window']);
    expect(found(`import { storage } from 'wxt/utils/storage';`)).toEqual(['imports wxt/utils/storage']);
    expect(found(`import { settings } from '../settings';`)).toEqual(['imports ../settings from outside lib/extract']);
    expect(found(`el.innerHTML = html;`)).toEqual(['assigns innerHTML']);
    expect(found(`el['outerHTML'] += html;`)).toEqual(['assigns outerHTML']);
    expect(found(`el.insertAdjacentHTML('beforeend', html);`)).toEqual(['calls insertAdjacentHTML']);
    expect(found(`doc.createRange().createContextualFragment(html);`)).toEqual(['calls createContextualFragment']);
    // reading, and names that only look alike, are fine
    expect(found(`const a = el.innerHTML; const b = { window: 1 }.window; const self = 'x'; const o = { self };`)).toEqual([]);
    expect(found(`// browser.runtime in a comment\nconst s = 'chrome.tabs';`)).toEqual([]);
  });
});
