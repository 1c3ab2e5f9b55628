// One hostile page through Sift, the way a reader meets it: extraction in the page (served with a
// CSP, so the page's own copy of a vector cannot run), the popup, then reader mode in the page.
// Returns every finding; the test asserts there are none.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { tabIdOf } from '../support/sift-browser';
import { type Browser, WAIT } from '../support/chromium';
import { auditReader, expandEverything, pokeEverything, type AuditResult } from './security-audit';
import { isHttpUrl, spyOnWorker, takeWorkerLog, type Detectors } from './security-detect';
import { ARTICLE_URL, type HostileSite } from '../support/hostile-site';
import { asList, buildPage, type Vector } from './security-vectors';

export interface Finding {
  vectors: string;
  surface: 'popup' | 'reader' | 'page' | 'background';
  what: string;
}

export interface GroupOutcome {
  findings: Finding[];
  /**
   * A vector swallowed what followed it (unclosed markup): the index in the group of the first
   * vector whose marker left its slot, which is the culprit, since its own marker follows it.
   */
  split?: number;
  executions: number;
  unsafeUrls: number;
  /** Surfaces that showed a message instead of the article (e.g. extraction failed). */
  messages: string[];
  /** Vector ids by slot: whose marker was expected, and whose marker each surface rendered. */
  markers: { expected: Slots; popup: Slots; reader: Slots; swallowed: Slots };
  /** Why a swallowed vector's marker cannot reach the rendered view ("<id> <slot>" -> reason). */
  swallowedWhy: Record<string, string>;
}

export interface Slots {
  article: string[];
  related: string[];
}

const noSlots = (): Slots => ({ article: [], related: [] });

export interface Runner {
  browser: Browser;
  site: HostileSite;
  detectors: Detectors;
  template: string;
  /** The tab that shows the hostile pages, and the popup pointed at it. */
  tab: Page;
  popup: Page;
  tabId?: number;
  /** `typeof window[n]` / `typeof document[n]` in a popup showing a benign page. */
  clobberBaseline: Record<string, string>;
  pageCount: number;
}

const settle = (page: Page, ms: number) => page.waitForTimeout(ms);

export function clobberState(names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const w = window as unknown as Record<string, unknown>;
  const d = document as unknown as Record<string, unknown>;
  for (const n of names) out[n] = `${typeof w[n]}/${typeof d[n]}/${String(w[n] instanceof Element || d[n] instanceof Element)}`;
  return out;
}

/** Loads `group` as one page in the runner's tab; true when every vector stayed in its slot. */
async function loadGroup(r: Runner, group: Vector[]): Promise<string> {
  const url = `${ARTICLE_URL}?page=${(r.pageCount += 1)}`;
  r.site.put(url, { body: buildPage(r.template, group) });
  await r.tab.goto(url, { waitUntil: 'domcontentloaded' });
  r.tabId ??= await tabIdOf(r.browser, r.tab);
  return url;
}

/**
 * Where each vector's marker ended up in the live page ("a" article body, "r" related list, "?"
 * elsewhere). `strict`: only a marker still in its own slot counts. Between it and the article
 * body or the related list there may be the vector's wrapper (security-vectors.ts articleSlot, which
 * an unclosed <div> of the vector leaves open) and inline formatting the vector left open (the
 * parser reopens an unclosed <b> around whatever follows: harmless), but nothing else: a marker
 * carried into a vector's unclosed element (an <xmp>, foreign content, a <form> or <button> in a
 * list item) is dropped with it by clean-up, Readability or the sanitiser. One that an unclosed
 * <a> turned into link text is "a-link": in place when its vector stands alone, but a group of
 * markers that are all links would be Readability's to drop.
 * The page's own markup may clobber document and element methods (<img name=querySelectorAll>,
 * <form><input name=closest>), so they are called from the prototypes.
 */
export async function markersInPage(page: Page, strict = false): Promise<string[]> {
  return page.evaluate((strict) => {
    const closest = Element.prototype.closest;
    const attribute = Element.prototype.getAttribute;
    const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parentElement')!.get!;
    const FORMATTING = /^(?:b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)$/;
    return Array.from(Document.prototype.querySelectorAll.call(document, '[data-marker]'), (el) => {
      const id = attribute.call(el, 'data-marker');
      let where = closest.call(el, '.article-body') ? 'a' : closest.call(el, '.related-list') ? 'r' : '?';
      if (strict && where !== '?') {
        const list = where === 'a' ? 'article-body' : 'related-list';
        let link = where === 'a' && !!Element.prototype.querySelector.call(el, 'a');
        for (let up = parentOf.call(el) as Element | null; up; up = parentOf.call(up) as Element | null) {
          const name = up.localName;
          const cls = attribute.call(up, 'class');
          if (name !== 'a' && cls === list) break;
          if (FORMATTING.test(name) || (where === 'a' && name === 'div' && cls === 'vector')) continue;
          if (where === 'a' && name === 'a') {
            link = true;
            continue;
          }
          where = '?';
          break;
        }
        if (where === 'a' && link) where = 'a-link';
      }
      return `${id}:${where}`;
    });
  }, strict);
}

/**
 * Why the marker after a vector alone on its page is not in its slot, from the live page: the
 * element that holds it (as text, or as an element) and what that element does to what follows.
 */
export async function whereMarkerWent(page: Page, id: string, slot: 'a' | 'r'): Promise<string> {
  return page.evaluate(
    ({ id, slot }) => {
      const RAW = /^(?:xmp|noembed|noframes|noscript|plaintext|iframe|style|script|textarea|title)$/;
      const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parentElement')!.get!;
      const describe = (el: Element | null, asText: boolean): string => {
        const chain: string[] = [];
        for (let up = el; up && chain.length < 12; up = parentOf.call(up) as Element | null) {
          const name = up.localName;
          if (RAW.test(name) && asText) return `an unclosed <${name}> makes the rest of the page its raw text`;
          if (up.namespaceURI === 'http://www.w3.org/2000/svg' || up.namespaceURI === 'http://www.w3.org/1998/Math/MathML') {
            return `foreign content (<${name}> in ${up.namespaceURI.endsWith('svg') ? 'SVG' : 'MathML'}) takes the rest of the page in`;
          }
          chain.push(name);
        }
        return `carried into ${chain.slice(0, 4).join(' < ')} by unclosed markup`;
      };
      const marker = Document.prototype.querySelector.call(document, `[data-marker="${id}"]`);
      if (marker) return describe(parentOf.call(marker) as Element | null, false);
      // Not an element at all: the marker's markup became text inside a raw-text element.
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.nodeValue ?? '').includes(`data-marker="${id}"`)) return describe(parentOf.call(n) as Element | null, true);
      }
      return `the marker is gone from the page (${slot === 'a' ? 'article' : 'related list'})`;
    },
    { id, slot },
  );
}

async function waitForRender(page: Page, host: string | null): Promise<{ state: string | null }> {
  const prefix = host ? `${host} ` : '';
  const shown = await page
    .locator(`${prefix}.sift-title, ${prefix}.sift-state`)
    .first()
    .waitFor(WAIT)
    .then(() => true, () => false);
  if (!shown) return { state: `nothing rendered in ${WAIT.timeout} ms: ${(await page.locator(host ?? 'body').first().innerText().catch(() => '')).slice(0, 200)}` };
  const state = page.locator(`${prefix}.sift-state`);
  if ((await state.count()) === 0) return { state: null };
  return { state: (await state.first().innerText()).replace(/\s+/g, ' ').trim() };
}

async function pokeAndAudit(page: Page, host: string | null, group: Vector[]): Promise<AuditResult> {
  await page.evaluate(pokeEverything, host);
  // Poking clicked every <summary> too: open everything again, so thumbnails render and links show.
  await page.evaluate(expandEverything, host);
  await settle(page, 100);
  // Real clicks on a few links, so Sift's own click -> tabs.create path runs.
  const prefix = host ? `${host} ` : '';
  const links = page.locator(`${prefix}.sift-body a[href], ${prefix}.sift-item-link`);
  const count = Math.min(await links.count(), 2);
  mark('  poked');
  for (let i = 0; i < count; i++) await links.nth(i).click({ timeout: 1_000 }).catch(() => {});
  mark('  clicked');
  // Enter on a focused link, then Tab around (no Enter on Sift's own buttons: that would toggle them).
  if (count > 0) {
    await links.first().focus({ timeout: 1_000 }).catch(() => {});
    await page.keyboard.press('Enter');
  }
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  mark('  keys');
  await settle(page, 250);
  return page.evaluate(auditReader, {
    host: host ?? undefined,
    forbidElements: group.flatMap((v) => v.forbidElements ?? []),
    forbidAttributes: group.flatMap((v) => v.forbidAttributes ?? []),
  });
}

/** Checks of the rendered text and links that depend on the vectors. */
function checkExpectations(audit: AuditResult, group: Vector[], surface: Finding['surface'], state: string | null): Finding[] {
  const findings: Finding[] = [];
  if (state) return findings; // a message instead of the article: nothing rendered to check
  const shown = [audit.texts.title, audit.texts.meta, audit.texts.body, ...audit.texts.related, ...audit.texts.snippets];
  for (const v of group) {
    for (const text of asList(v.expectText)) {
      if (!shown.some((t) => t.includes(text))) findings.push({ vectors: v.id, surface, what: `text not shown literally: ${text}` });
    }
    if (v.expectHref && !audit.links.includes(v.expectHref)) {
      findings.push({ vectors: v.id, surface, what: `no link to ${v.expectHref}` });
    }
  }
  return findings;
}

const DEBUG = !!process.env.SIFT_SECURITY_DEBUG;
let lastMark = Date.now();
function mark(what: string) {
  if (DEBUG) console.log(`  ${what}: ${Date.now() - lastMark} ms`);
  lastMark = Date.now();
}

export async function runGroup(r: Runner, group: Vector[]): Promise<GroupOutcome> {
  mark('start');
  const ids = group.map((v) => v.id).join(' ');
  const out: GroupOutcome = { findings: [], executions: 0, unsafeUrls: 0, messages: [], markers: { expected: noSlots(), popup: noSlots(), reader: noSlots(), swallowed: noSlots() }, swallowedWhy: {} };
  const find = (surface: Finding['surface'], what: string, vectors = ids) => out.findings.push({ vectors, surface, what });
  const pageUrl = await loadGroup(r, group);

  const where = await markersInPage(r.tab, true);
  mark('loaded');
  // In document order: every article slot, then every related slot (a vector that swallows the
  // rest of the article takes the whole related list with it).
  for (const s of ['a', 'r'] as const) {
    const list = s === 'a' ? 'article' : 'related';
    for (const v of group) {
      if (v.slot === 'head' || v.where === (s === 'a' ? 'related' : 'article')) continue;
      out.markers.expected[list].push(v.id);
      if (where.includes(`${v.id}:${s}`) || (group.length === 1 && where.includes(`${v.id}:a-link`) && s === 'a')) continue;
      // Alone on its page, a vector that still holds its own marker swallows whatever follows it
      // (raw text, foreign content): its marker cannot be expected in the rendered view.
      if (group.length === 1) {
        out.markers.swallowed[list].push(v.id);
        out.swallowedWhy[`${v.id} ${list}`] = await whereMarkerWent(r.tab, v.id, s);
      }
      else out.split ??= group.indexOf(v);
    }
  }
  if (out.split !== undefined) return out;

  await spyOnWorker(r.browser.worker, { swallow: true });
  await takeWorkerLog(r.browser.worker);
  r.detectors.reset();

  // --- popup
  mark('containment');
  const popupUrl = `chrome-extension://${r.browser.extensionId}/popup.html?tab=${r.tabId}`;
  await r.popup.goto(popupUrl);
  await r.popup.bringToFront();
  let { state } = await waitForRender(r.popup, null);
  if (state?.startsWith('Sift found no article')) {
    await r.popup.getByRole('button', { name: 'Show anyway' }).click();
    ({ state } = await waitForRender(r.popup, null));
  }
  if (state) out.messages.push(`popup: ${state}`);
  mark('popup rendered');
  const popupAudit = await pokeAndAudit(r.popup, null, group);
  mark('popup audited');
  out.markers.popup = popupAudit.markers;
  if (!state) for (const p of popupAudit.problems) find('popup', `${p.kind}: ${p.detail} :: ${p.html}`, attribute(p.html, ids));
  out.findings.push(...checkExpectations(popupAudit, group, 'popup', state));
  const names = group.flatMap((v) => v.clobberNames ?? []);
  if (names.length) {
    const now = await r.popup.evaluate(clobberState, names);
    for (const n of names) if (now[n] !== r.clobberBaseline[n]) find('popup', `clobbered ${n}: ${now[n]} (was ${r.clobberBaseline[n]})`);
  }
  if (r.popup.url() !== popupUrl) find('popup', `popup navigated to ${r.popup.url()}`);
  const local = await r.popup.evaluate(() => (window as unknown as { __siftXssCalls?: string[] }).__siftXssCalls ?? []);
  for (const id of local) if (!r.detectors.calls.some((c) => c.id === id)) r.detectors.calls.push({ id, frame: popupUrl, page: popupUrl });

  // --- reader mode, toggled from the popup as a reader would
  const button = r.popup.getByRole('button', { name: 'Reader mode' });
  const readerCalls = r.detectors.calls.length;
  const readerViolations = r.detectors.violations.length;
  if ((await button.count()) > 0) {
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), WAIT).toBe('true');
    await r.tab.bringToFront();
    const reader = await waitForRender(r.tab, 'sift-reader');
  mark('reader rendered');
    if (reader.state) out.messages.push(`reader: ${reader.state}`);
    const readerAudit = await pokeAndAudit(r.tab, 'sift-reader', group);
  mark('reader audited');
    out.markers.reader = readerAudit.markers;
    if (!reader.state) for (const p of readerAudit.problems) find('reader', `${p.kind}: ${p.detail} :: ${p.html}`, attribute(p.html, ids));
    out.findings.push(...checkExpectations(readerAudit, group, 'reader', reader.state));
    // Only what comes from inside the overlay counts: the page's own handlers (onscroll, onblur,
    // onresize...) still try to run, and are blocked, when reader mode locks and covers the page.
    for (const v of r.detectors.violations.slice(readerViolations)) {
      if (v.page !== pageUrl) continue;
      if (v.inSift) find('reader', `CSP violation (would have run): ${v.directive} ${v.blocked} ${v.sample} :: ${v.target}`, attribute(v.sample + v.target, ids));
    }
    await r.tab.keyboard.press('Escape');
  mark('escape');
    await expect.poll(() => r.tab.locator('sift-reader').count(), WAIT).toBe(0);
    if (r.tab.url() !== pageUrl) find('page', `page navigated to ${r.tab.url()}`);
  } else if (!state) {
    find('popup', 'no Reader mode button next to a rendered article');
  }

  // --- every surface: executions, violations in extension pages, tabs opened
  mark('reader closed');
  for (const c of r.detectors.calls) find(r.detectors.calls.indexOf(c) >= readerCalls ? 'reader' : 'popup', `__xss executed: ${c.id} in ${c.frame}`, c.id);
  for (const d of r.detectors.dialogs) find('popup', `dialog: ${d}`);
  for (const v of r.detectors.violations) {
    if (v.page.startsWith('chrome-extension://')) find('popup', `CSP violation: ${v.directive} ${v.blocked} ${v.sample} :: ${v.target}`, attribute(v.target, ids));
  }
  out.executions = r.detectors.calls.length + r.detectors.dialogs.length;
  const log = await takeWorkerLog(r.browser.worker);
  for (const c of log.created) if (!isHttpUrl(c.url) && !isOwnAskPage(c.url, r.browser.extensionId)) find('background', `${c.api} with ${c.url}`);
  for (const e of log.errors) find('background', e);
  out.unsafeUrls = out.findings.filter((f) => /^url:|tabs\.create|windows\.create/.test(f.what)).length;
  return out;
}

/**
 * Sift's own page that asks for a site before opening a link in reader mode (issue 19, "Open in
 * Sift" from reader mode, which cannot ask): this extension's options.html, whose link to open is
 * http(s). Anything else the background opens must be an http(s) page.
 */
function isOwnAskPage(url: string, extensionId: string): boolean {
  try {
    const u = new URL(url);
    const open = u.searchParams.get('open');
    return u.protocol === 'chrome-extension:' && u.host === extensionId && u.pathname === '/options.html' && open !== null && isHttpUrl(open);
  } catch {
    return false;
  }
}

/** The vector a finding belongs to: the id its payload carries, else the whole group. */
function attribute(text: string, fallback: string): string {
  return /\b((?:dp|ow|sv)-\d{2,3})\b/.exec(text)?.[1] ?? fallback;
}
