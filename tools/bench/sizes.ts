// Sizes of what ships: builds the extension with `wxt build` into its own folder (so that the
// bench never overwrites .output/ while someone's e2e run loads it) and sorts the built JS into
// the script that runs on every page, the popup's JS and the rest (lazily loaded extractor).
// Run directly (`tsx tools/bench/sizes.ts <outDir>`) it only builds: measure.ts does that
// in a child process so that WXT's and Vite's logging stays out of the bench's own output.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../tests/support/paths';

const REPO = ROOT;

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface SizeGroup {
  files: FileSize[];
  bytes: number;
  gzip: number;
  /** Minified characters per source (project file or npm package), largest first, from the source maps. */
  sources: SourceShare[];
}

export interface SourceShare {
  source: string;
  chars: number;
}

export interface ShippedSizes {
  dir: string;
  /** Content scripts the manifest injects into every http(s) page (polyfill included). */
  everyPage: SizeGroup;
  /** The popup's HTML scripts and every chunk they import statically. */
  popup: SizeGroup;
  /** JS that is neither of the above nor the background: lazily injected extractor(s). */
  lazy: SizeGroup;
  background: SizeGroup;
}

function sizeOf(dir: string, file: string): FileSize {
  const buf = readFileSync(join(dir, file));
  return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

function group(dir: string, files: Iterable<string>): SizeGroup {
  const sized = [...new Set(files)].sort().map((f) => sizeOf(dir, f));
  const sources = new Map<string, number>();
  for (const f of sized) for (const [src, n] of attribute(dir, f.file)) sources.set(src, (sources.get(src) ?? 0) + n);
  return {
    files: sized,
    bytes: sized.reduce((n, f) => n + f.bytes, 0),
    gzip: sized.reduce((n, f) => n + f.gzip, 0),
    sources: [...sources].map(([source, chars]) => ({ source, chars })).sort((a, b) => b.chars - a.chars),
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** "node_modules/@scope/pkg/…" becomes "@scope/pkg"; project files keep their path. */
function sourceName(raw: string): string {
  const nm = raw.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = raw.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return raw.replace(/^(\.\.\/|\.\/)+/, '').replace(/\?.*$/, '');
}

/**
 * Which sources the characters of `file` come from, read from `file.map` (the bench builds with
 * hidden source maps: the .js files are byte for byte what ships). Empty when there is no map.
 */
function attribute(dir: string, file: string): Map<string, number> {
  const result = new Map<string, number>();
  const mapPath = join(dir, `${file}.map`);
  if (!existsSync(mapPath)) return result;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const names = map.sources.map(sourceName);
  const add = (name: string, n: number) => {
    if (n > 0) result.set(name, (result.get(name) ?? 0) + n);
  };
  const mappingLines = map.mappings.split(';');
  let src = 0;
  lines.forEach((text, i) => {
    let last = 0;
    let current = '(unmapped)';
    let col = 0;
    for (const segment of mappingLines[i] ? mappingLines[i].split(',') : []) {
      const [dc, ds] = decodeSegment(segment);
      col += dc;
      add(current, col - last);
      last = col;
      if (ds !== undefined) {
        src += ds;
        current = names[src] ?? '(unmapped)';
      } else current = '(unmapped)';
    }
    add(current, text.length - last);
  });
  return result;
}

function allJs(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub)).flatMap((name) => {
    const rel = sub ? `${sub}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) return allJs(dir, rel);
    return /\.m?js$/.test(name) ? [rel] : [];
  });
}

/** `file` and the JS files it imports statically, relative to `dir`. */
function withStaticImports(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(join(dir, file))) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); import("…") is lazy.
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) {
    const target = m[1].startsWith('/') ? m[1].slice(1) : relative(dir, resolve(dir, dirname(file), m[1]));
    withStaticImports(dir, target, seen);
  }
  return seen;
}

/** Sorts the JS of a built chrome-mv3 folder. */
export function measureShipped(dir: string): ShippedSizes {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ matches?: string[]; js?: string[] }>;
    action?: { default_popup?: string };
    background?: { service_worker?: string };
  };
  const everyPage = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) {
    const broad = (cs.matches ?? []).some((m) => /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*)$/.test(m));
    if (broad) for (const js of cs.js ?? []) everyPage.add(js.replace(/^\//, ''));
  }
  const popup = new Set<string>();
  const popupHtml = manifest.action?.default_popup;
  if (popupHtml && existsSync(join(dir, popupHtml))) {
    const html = readFileSync(join(dir, popupHtml), 'utf8');
    for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.m?js)"/g)) {
      const file = m[1].startsWith('/') ? m[1].slice(1) : relative(dir, resolve(dir, dirname(popupHtml), m[1]));
      withStaticImports(dir, file, popup);
    }
  }
  const background = new Set<string>();
  if (manifest.background?.service_worker) withStaticImports(dir, manifest.background.service_worker, background);
  const lazy = allJs(dir).filter((f) => !everyPage.has(f) && !popup.has(f) && !background.has(f));
  return {
    dir,
    everyPage: group(dir, everyPage),
    popup: group(dir, popup),
    lazy: group(dir, lazy),
    background: group(dir, background),
  };
}

/** Runs `wxt build` (chrome, production) into `outDir` in a child process; returns the chrome-mv3 folder. */
export function buildExtension(outDir: string): string {
  const tsx = join(REPO, 'node_modules/.bin/tsx');
  const run = spawnSync(tsx, [fileURLToPath(import.meta.url), outDir], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) {
    throw new Error(`wxt build failed (${run.status ?? run.signal}):\n${(run.stdout + run.stderr).slice(-3000)}`);
  }
  return join(outDir, 'chrome-mv3');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(REPO, '.output/bench'));
  const { build } = await import('wxt');
  await build({
    root: REPO,
    outDir,
    browser: 'chrome',
    manifestVersion: 3,
    mode: 'production',
    // Hidden maps: .map files for attributing bytes to sources, no sourceMappingURL in the JS.
    vite: () => ({ build: { sourcemap: 'hidden' } }),
  });
}
