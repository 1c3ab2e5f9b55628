// The build the popup bench opens: a copy of the shipped one with the access a benchmark needs,
// and two pages of its own beside the popup (FLOOR_PAGE, BARE_PAGE) to compare openings with.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ARTICLE_TIMING } from './cdp-tabs';
import { bareScript, inPage } from './probes';

/** An empty page added to the timing copy only: the browser's own cost of opening an extension page. */
export const FLOOR_PAGE = 'bench-floor.html';
/**
 * Added to the timing copy only: renders bench-bare-<n>.json (the article the popup painted,
 * saved by the bench after the popup's first opening) with the popup's stylesheet.
 */
export const BARE_PAGE = 'bench-bare.html';

/**
 * A copy of the shipped build whose manifest also grants host access and `tabs`, as the e2e build
 * does (SIFT_E2E in wxt.config.ts): a benchmark cannot click the toolbar button to get activeTab.
 * The JS is the shipped JS, byte for byte.
 */
export function timingCopy(extDir: string): string {
  const copy = join(dirname(extDir), 'timing-chrome-mv3');
  rmSync(copy, { recursive: true, force: true });
  cpSync(extDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.permissions = [...new Set([...(manifest.permissions ?? []), 'tabs'])];
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  writeFileSync(join(copy, FLOOR_PAGE), '<!doctype html><meta charset="utf-8"><title>floor</title><p>An empty extension page.</p>');
  // The popup's stylesheets, as its HTML links them (Vite puts them in the head).
  const popupHtml = readFileSync(join(copy, manifest.action?.default_popup ?? 'popup.html'), 'utf8');
  const styles = [...popupHtml.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('');
  writeFileSync(join(copy, BARE_PAGE), `<!doctype html><html><head><meta charset="utf-8"><title>bare</title><script src="/bench-bare.js"></script>${styles}</head><body><div id="app"></div></body></html>`);
  writeFileSync(join(copy, 'bench-bare.js'), `${inPage(bareScript, ARTICLE_TIMING)};\n`);
  return copy;
}

