// `npm run demo`: builds Sift, serves the fixture pages on 127.0.0.1 and opens Chromium with Sift
// loaded on the seed page. With --headless (or when there is no display) it drives the popup and
// reader mode itself, saves screenshots into demo-output/ and prints what was extracted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, extensionFlags, INSTALL_HINT } from '../../tests/support/chromium';
import type { Extraction } from '../../lib/extract/types';
import { serveFixtures } from '../../tests/support/page-server';
import { ROOT } from '../../tests/support/paths';
import { extract } from '../../lib/extract/index';
import { toMarkdown } from '../../lib/export/markdown';
import { gradeRelated } from '../../lib/extract/related/relevance';
import { relevanceArticleOf } from '../../lib/reader/grade-related';
import { labelsOf, loadPage } from '../../tests/support/load-page';
import { RELATED_SHOTS, relatedShots } from './demo-related';
import { DEMO_FILES } from './demo-files';
import { readingShots } from './demo-reading';
import { notArticleShots, popupShots, readerModeShots, readingToolsShot } from './demo-popup';

const SEED = 'seed-dedecms';
const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = join(ROOT, 'demo-output');
const PICTURE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300" viewBox="0 0 640 300"><rect width="640" height="300" fill="#e6e8eb"/>' +
  '<path d="M250 200l60-70 45 50 30-30 55 50z" fill="#c4cad1"/><circle cx="395" cy="110" r="18" fill="#c4cad1"/></svg>';

function chromiumOrExit(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  console.error(`Chromium was not found at ${CHROMIUM_PATH}.`);
  console.error(INSTALL_HINT);
  process.exit(1);
}

/** The shipped build for a person at the screen; the test build (host access) when Sift is driven by this script. */
function build(): string {
  console.log(`Building Sift${headless ? ' (test build: the script needs host access to drive it)' : ''}…`);
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, SIFT_E2E: headless ? '1' : '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return join(ROOT, '.output', headless ? 'e2e-chrome-mv3' : 'chrome-mv3');
}

/** Chromium with Sift; `lang` (e.g. 'zh-CN') sets the browser's UI language, which Sift's own follows. */
async function launch(dist: string, profile: string, lang?: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumOrExit(),
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
    ...(lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` } } : {}),
    args: [
      ...(lang ? [`--lang=${lang}`] : []),
      ...extensionFlags(dist),
      // A person's window keeps the GPU and sandbox; a server run needs them off.
      ...CHROMIUM_FLAGS.filter((flag) => headless || (flag !== '--no-sandbox' && flag !== '--disable-gpu')),
    ],
  });
  // The demo pages are made up; their ads, analytics and pictures point at sites that do not
  // exist. Pictures get a grey stand-in; everything else from outside is refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    // The fixture server has pages only: every picture, local or not, is the stand-in.
    if (web && route.request().resourceType() === 'image') return route.fulfill({ contentType: 'image/svg+xml', body: PICTURE });
    return !web || url.hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  return context;
}

/** --markdown: the seed page's Markdown (lib/export/markdown.ts), extracted and graded offline in happy-dom; no build, no browser. */
async function printMarkdown() {
  const page = loadPage(join(ROOT, 'tests', 'fixtures', SEED));
  try {
    const x = extract(page.document, page.url);
    // Graded as the reader shows them: on-topic items first, the off-topic ones under their own heading.
    const related = gradeRelated(relevanceArticleOf(x, new page.window.DOMParser() as unknown as DOMParser), x.related);
    console.log(await toMarkdown({ ...x, related }, { offTopicHeading: '其他话题' }));
  } finally {
    await page.close();
  }
}

/** A person at the screen: Sift is theirs to try until they close the window. */
async function interactive(context: BrowserContext, server: Awaited<ReturnType<typeof serveFixtures>>, seedUrl: string, profile: string) {
  console.log(`\nSift is loaded in Chromium on the seed page: ${seedUrl}`);
  console.log('Click the Sift button in the toolbar (pin it from the puzzle-piece menu) to read the page in the popup,');
  console.log('use "Reader mode" there or press Alt+Shift+R to switch the page itself, Esc to leave.');
  console.log(`Other demo pages: ${['seed-wordpress-zh', 'en-news-related', 'zh-homepage-not-article'].map((id) => server.urlOf(id)).join('  ')}`);
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

/** What the page's extractor and the toolbar badge said on the seed page. */
function printExtraction(seedUrl: string, badge: string, extraction: { ok: boolean; extraction?: Extraction; error?: string } | undefined) {
  console.log(`\nSeed page: ${seedUrl}`);
  console.log(`Toolbar badge: ${badge || '(none)'}  (labels say ${labelsOf(SEED).related.length} related items)`);
  if (!extraction?.ok || !extraction.extraction) {
    console.log(`Extraction failed: ${extraction?.error ?? 'no answer from the page'}`);
  } else {
    const { article, related, detection } = extraction.extraction;
    console.log(`Detection: article=${detection.isArticle} related=${detection.relatedCount} lang=${detection.lang || '?'}`);
    if (article) {
      console.log(`Title: ${article.title}`);
      console.log(`Byline: ${[article.byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ') || '(none)'}`);
      console.log(`Article: ${article.textLength} characters, ${article.readingTime ? `${article.readingTime.fast}–${article.readingTime.slow}` : article.readingMinutes} min read`);
    } else {
      console.log('Article: none');
    }
    for (const block of related) {
      console.log(`Related block "${block.heading || '(no heading)'}": ${block.items.length} items`);
      for (const item of block.items.slice(0, 5)) console.log(`  - ${item.title}  <${item.url}>`);
      if (block.items.length > 5) console.log(`  … and ${block.items.length - 5} more`);
    }
  }
}

async function main() {
  if (process.argv.includes('--markdown')) return printMarkdown();
  const dist = build();
  const server = await serveFixtures();
  const profile = mkdtempSync(join(tmpdir(), 'sift-demo-'));
  const context = await launch(dist, profile);
  const seedUrl = server.urlOf(SEED);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(seedUrl);

  if (!headless) return interactive(context, server, seedUrl, profile);

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const tabId = await worker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id ?? -1, seedUrl);
  const extraction = await worker.evaluate(async (id) => {
    const [result] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/extractor.js'] });
    return result?.result as { ok: boolean; extraction?: Extraction; error?: string } | undefined;
  }, tabId);
  let badge = '';
  for (let i = 0; i < 50 && !badge; i++) {
    badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (!badge) await page.waitForTimeout(100);
  }

  mkdirSync(outDir, { recursive: true });
  const popup = await context.newPage();
  const popupBase = `chrome-extension://${extensionId}/popup.html`;
  await popupShots(context, popup, `${popupBase}?tab=${tabId}`, outDir);
  await readingToolsShot(context, popup, worker, outDir);
  await readerModeShots(page, popup, outDir);
  // A page that is not an article, in the seed page's tab.
  const home = server.urlOf('zh-homepage-not-article');
  await page.goto(home);
  const homeTab = await worker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id ?? -1, home);
  await notArticleShots(popup, popupBase, homeTab, outDir);
  await context.close();

  // The related list, jumped to, in light and dark: the seed page in Chinese UI, an English page in English UI.
  for (const shot of RELATED_SHOTS) {
    await relatedShots((dir, lang) => launch(dist, dir, lang), (id) => server.urlOf(id), outDir, shot);
  }
  // Read aloud and the spacing settings (issue 18).
  await readingShots((dir) => launch(dist, dir), (id) => server.urlOf(id), outDir);

  printExtraction(seedUrl, badge, extraction);
  const missing = DEMO_FILES.filter((f) => !existsSync(join(outDir, f)));
  if (missing.length) throw new Error(`the demo did not write ${missing.join(', ')}`);
  console.log(`\nScreenshots: ${DEMO_FILES.map((f) => join('demo-output', f)).join(', ')}`);

  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
