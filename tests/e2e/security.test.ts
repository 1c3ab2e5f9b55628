// @vitest-environment node
// Hostile pages in real Chromium with the built extension (issue 5): every vector of
// ../shared/security and of tests/security/sift-vectors.json, in the article body and in the
// related list of a realistic page, rendered in the popup and in reader mode. No sentinel call,
// no dialog, no CSP violation, no link or image whose URL is not http(s) (images: also
// data:image/), no forbidden element or attribute, titles and snippets shown as text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPopup, tabIdOf, useHostileSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { installDetectors } from './security-detect';
import { clobberState, markersInPage, runGroup, type Finding, type Runner, type Slots } from './security-run';
import { ARTICLE_URL } from '../support/hostile-site';
import { buildPage, groupVectors, loadVectors, type Vector } from './security-vectors';
import { pokeEverything } from './security-audit';

const loaded = loadVectors();
const GROUP_SIZE = 20;
// Share of vector slots whose marker must reach the rendered popup and reader mode (see the sweep).
const MIN_IN_SLOT = 0.97;
const MIN_ALL_SLOTS = 0.9;
// Share of the shared vectors that must reach the rendered view whole (every slot's marker, popup
// and reader mode); measured 169 of 185. Every other one must have a stated reason it cannot.
const MIN_REACH = 0.9;

describe.skipIf(!loaded.set)('hostile vectors', () => {
  const set = loaded.set!;
  // SIFT_SECURITY_ONLY=<regexp of ids> narrows the run while debugging a vector.
  const only = process.env.SIFT_SECURITY_ONLY ? new RegExp(process.env.SIFT_SECURITY_ONLY) : null;
  const all: Vector[] = set ? [...set.shared, ...set.own].filter((v) => !only || only.test(v.id)) : [];
  const sift = useHostileSiftBrowser();
  let r: Runner;
  // The pages the test drives; any other page is a tab Sift opened, closed once logged.
  const keep = new Set<Page>();

  beforeAll(async () => {
    const { browser, site } = sift;
    const detectors = await installDetectors(browser.context);
    const tab = await browser.context.newPage();
    keep.add(tab);
    const benign = `${ARTICLE_URL}?page=benign`;
    site.put(benign, { body: buildPage(set.template, []) });
    await tab.goto(benign);
    const tabId = await tabIdOf(browser, tab);
    const popup = await openPopup(browser, tabId);
    keep.add(popup);
    await popup.locator('.sift-title').waitFor(WAIT);
    const clobberBaseline = await popup.evaluate(clobberState, all.flatMap((v) => v.clobberNames ?? []));
    // Tabs Sift opens from clicked items are checked through the background's log; close them.
    // Decided after a delay: the 'page' event fires before newPage() resolves, that is before the
    // test can add its own new pages (controls, a fresh tab) to `keep`.
    browser.context.on('page', (page) => {
      setTimeout(() => {
        if (!keep.has(page)) page.close().catch(() => {});
      }, 200);
    });
    r = { browser, site, detectors, template: set.template, tab, popup, tabId, clobberBaseline, pageCount: 0 };
  });

  it('detectors see what runs: raw pages fire the rawFiresInChromium vectors, CSP reports them, Sift pages report injected handlers', async () => {
    const raw = all.filter((v) => v.rawFiresInChromium);
    expect(raw.length).toBeGreaterThan(50);
    const fired = new Set<string>();
    const reported = new Set<string>();
    for (const csp of [false, true]) {
      const queue = groupVectors(raw, GROUP_SIZE);
      while (queue.length) {
        const group = queue.shift()!;
        const url = `https://news.example/control/${csp ? 'csp' : 'raw'}-${(r.pageCount += 1)}.html`;
        r.site.put(url, { body: buildPage(set.template, group.map((v) => ({ ...v, where: 'article' }))), csp });
        r.detectors.reset();
        // A page of its own each time: some vectors close or navigate their window.
        const control = await r.browser.context.newPage();
        keep.add(control);
        // A raw page may hang its own main thread (that is what hostile pages do): give up on it.
        // A vector that swallows what follows it (unclosed markup) hides the rest of its group:
        // as in the sweep, its markers say so and the group is halved until it stands alone.
        const outcome = await Promise.race([
          control
            .goto(url, { waitUntil: 'load', timeout: 8_000 })
            .catch(() => {})
            .then(async () => {
              if (group.length > 1) {
                const where = await markersInPage(control).catch(() => [] as string[]);
                if (group.some((v) => !where.includes(`${v.id}:a`))) return 'split' as const;
              }
              await pokeRawPage(control);
              return 'done' as const;
            }),
          new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000)),
        ]);
        await control.close({ runBeforeUnload: false }).catch(() => {});
        if (outcome !== 'done' && group.length > 1) {
          const half = Math.ceil(group.length / 2);
          queue.unshift(group.slice(0, half), group.slice(half));
          continue;
        }
        if (outcome === 'hung' && process.env.SIFT_SECURITY_DEBUG) console.log(`[security] control page hung: ${group.map((v) => v.id).join(' ')}`);
        for (const c of r.detectors.calls) if (group.some((v) => v.id === c.id)) fired.add(c.id);
        for (const v of r.detectors.violations) {
          const id = /\b((?:dp|ow|sv)-\d{2,3})\b/.exec(v.sample + v.target)?.[1];
          if (id && csp) reported.add(id);
        }
      }
    }
    const missed = raw.filter((v) => !fired.has(v.id)).map((v) => v.id);
    console.log(`[security] positive control: ${fired.size} of ${raw.length} rawFiresInChromium vectors called __xss in a raw page; ${reported.size} reported by CSP when blocked; not seen: ${missed.join(' ')}`);
    expect(fired.size / raw.length).toBeGreaterThan(0.9);
    expect(reported.size).toBeGreaterThan(raw.length / 2);

    // An inline handler put into Sift's own rendering is caught, in the popup and in the overlay.
    await r.tab.goto(`${ARTICLE_URL}?page=benign`);
    await r.popup.goto(`chrome-extension://${r.browser.extensionId}/popup.html?tab=${r.tabId}`);
    await r.popup.locator('.sift-title').waitFor(WAIT);
    r.detectors.reset();
    await r.popup.evaluate(() => {
      document.querySelector('.sift-body')!.insertAdjacentHTML('beforeend', '<img src="data:," onerror="__xss(`control-popup`)">');
    });
    await expect.poll(() => r.detectors.violations.filter((v) => v.page.startsWith('chrome-extension://')).length, WAIT).toBeGreaterThan(0);
    await r.popup.getByRole('button', { name: 'Reader mode' }).click();
    await r.tab.locator('sift-reader .sift-title').waitFor(WAIT);
    r.detectors.reset();
    await r.tab.evaluate(() => {
      const root = document.querySelector('sift-reader')!.shadowRoot!;
      root.querySelector('.sift-body')!.insertAdjacentHTML('beforeend', '<img src="data:," onerror="__xss(`control-reader`)">');
    });
    await expect.poll(() => r.detectors.violations.filter((v) => v.inSift && /control-reader/.test(v.sample + v.target)).length, WAIT).toBeGreaterThan(0);
    await r.tab.keyboard.press('Escape');
  }, 240_000);

  it('every vector in the popup and in reader mode: nothing runs, only http(s) URLs, text stays text', async () => {
    const findings: Finding[] = [];
    const messages: string[] = [];
    let pages = 0;
    let executions = 0;
    let unsafe = 0;
    const slots = (): Slots => ({ article: [], related: [] });
    const markers: Record<'expected' | 'popup' | 'reader' | 'swallowed', Slots> = { expected: slots(), popup: slots(), reader: slots(), swallowed: slots() };
    // Why a vector cannot reach the rendered view: "<id> <slot>" of swallowed markers, and the
    // message a surface showed instead of the article, by vector id.
    const swallowedWhy: Record<string, string> = {};
    const messageOf = new Map<string, string>();
    const queue = groupVectors(all, GROUP_SIZE);
    while (queue.length) {
      const group = queue.shift()!;
      const started = Date.now();
      // A page that hangs (its main thread stuck, in the page or in Sift's overlay) is a finding,
      // and the run goes on in a fresh tab.
      const outcome = await Promise.race([runGroup(r, group), new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000))]);
      if (!outcome) {
        findings.push({ vectors: group.map((v) => v.id).join(' '), surface: 'page', what: 'hung for 60 s' });
        console.log(`[security] HUNG: ${group.map((v) => v.id).join(' ')}`);
        await r.tab.close({ runBeforeUnload: false }).catch(() => {});
        r.tab = await r.browser.context.newPage();
        keep.add(r.tab);
        r.tabId = undefined;
        continue;
      }
      if (process.env.SIFT_SECURITY_DEBUG) {
        console.log(`[security] ${group.map((v) => v.id).join(' ')}: ${Date.now() - started} ms ${outcome.split !== undefined ? `split at ${group[outcome.split].id}` : ''} ${outcome.messages.join(' | ')}`);
        for (const f of outcome.findings) console.log(`[security]   FINDING ${f.vectors} ${f.surface}: ${f.what}`);
      }
      if (outcome.split !== undefined) {
        // The culprit alone, and the vectors before and after it in pages of their own.
        const at = outcome.split;
        queue.unshift(...[group.slice(0, at), [group[at]], group.slice(at + 1)].filter((g) => g.length));
        continue;
      }
      pages += 1;
      findings.push(...outcome.findings);
      messages.push(...outcome.messages.map((m) => `${group.map((v) => v.id).join(' ')}: ${m}`));
      Object.assign(swallowedWhy, outcome.swallowedWhy);
      if (outcome.messages.length) for (const v of group) messageOf.set(v.id, outcome.messages.join('; '));
      executions += outcome.executions;
      unsafe += outcome.unsafeUrls;
      for (const surface of ['expected', 'popup', 'reader', 'swallowed'] as const) {
        markers[surface].article.push(...outcome.markers[surface].article);
        markers[surface].related.push(...outcome.markers[surface].related);
      }
    }
    console.log(
      `[security] ${all.length} vectors (${set.shared.length} shared + ${set.own.length} Sift) on ${pages} pages, popup and reader mode: ` +
        `${executions} executions, ${unsafe} unsafe URLs, ${findings.length} findings`,
    );
    // Coverage: "0 findings" means little for a vector whose slot never reached the rendered view.
    // The marker after each vector proves it did. Measured (README, Security): every marker still
    // in its slot renders; the only ones missing belong to the 16 vectors that swallow the rest of
    // the page even alone (raw text, foreign content), 8% of all slots.
    const coverage: { what: string; inSlot: number; all: number }[] = [];
    for (const slot of ['article', 'related'] as const) {
      const expected = markers.expected[slot];
      const swallowed = markers.swallowed[slot];
      const inSlot = expected.filter((id) => !swallowed.includes(id));
      console.log(`[security] ${slot} markers swallowed by their own vector (alone on a page): ${swallowed.length}/${expected.length}: ${swallowed.join(' ')}`);
      for (const surface of ['popup', 'reader'] as const) {
        const shown = new Set(markers[surface][slot]);
        const missing = inSlot.filter((id) => !shown.has(id));
        const anywhere = expected.filter((id) => shown.has(id)).length;
        console.log(
          `[security] ${slot} markers rendered in ${surface}: ${inSlot.length - missing.length}/${inSlot.length} in their slot, ` +
            `${anywhere}/${expected.length} of all slots; missing in slot: ${missing.join(' ') || 'none'}`,
        );
        coverage.push({ what: `${slot} markers in ${surface}`, inSlot: (inSlot.length - missing.length) / inSlot.length, all: anywhere / expected.length });
      }
    }
    for (const m of messages) console.log(`[security] message instead of the article: ${m}`);

    // Reach (issue 21): a vector that never reaches the rendered view proves nothing. One reaches
    // it when the marker after it renders in every slot it was put in, in the popup and in reader
    // mode (a head vector: when both rendered the article). The rest must say why they cannot.
    const cannot = new Map<string, string>();
    const unexplained: string[] = [];
    for (const v of all) {
      const reasons: string[] = [];
      for (const slot of ['article', 'related'] as const) {
        if (!markers.expected[slot].includes(v.id)) continue;
        if (markers.popup[slot].includes(v.id) && markers.reader[slot].includes(v.id)) continue;
        const why = swallowedWhy[`${v.id} ${slot}`] ?? (messageOf.has(v.id) ? `Sift showed a message instead of the article: ${messageOf.get(v.id)}` : undefined);
        if (why) reasons.push(`${slot}: ${why}`);
        else unexplained.push(`${v.id} ${slot}`);
      }
      if (v.slot === 'head' && messageOf.has(v.id)) reasons.push(`head: Sift showed a message instead of the article: ${messageOf.get(v.id)}`);
      if (reasons.length) cannot.set(v.id, reasons.join('; '));
    }
    const reachOf = (vectors: Vector[]) => vectors.filter((v) => !cannot.has(v.id) && !unexplained.some((u) => u.startsWith(`${v.id} `))).length;
    const shared = all.filter((v) => set.shared.includes(v));
    const own = all.filter((v) => set.own.includes(v));
    console.log(
      `[security] reach: ${reachOf(shared)} of ${shared.length} shared vectors and ${reachOf(own)} of ${own.length} of Sift's own reach the rendered view ` +
        `(every slot, popup and reader mode); ${cannot.size} cannot, ${unexplained.length} unexplained`,
    );
    for (const [id, why] of cannot) console.log(`[security]   cannot reach: ${id}: ${why}`);
    for (const u of unexplained) console.log(`[security]   UNEXPLAINED: ${u} stayed in its slot and did not render`);
    expect(unexplained, 'vectors whose marker stayed in its slot but was not rendered').toEqual([]);
    if (shared.length) expect(reachOf(shared) / shared.length, 'shared vectors that reach the rendered view').toBeGreaterThanOrEqual(MIN_REACH);
    expect(findings).toEqual([]);
    // Every page but the deliberately clobbered ones was read: the vectors really went through Sift.
    expect(messages.length).toBeLessThanOrEqual(4);
    for (const c of coverage) {
      expect(c.inSlot, `${c.what}, of the markers in their slot`).toBeGreaterThanOrEqual(MIN_IN_SLOT);
      expect(c.all, `${c.what}, of all slots`).toBeGreaterThanOrEqual(MIN_ALL_SLOTS);
    }
  }, 900_000);
});

describe.runIf(!loaded.set)('hostile vectors (absent)', () => {
  it(`needs ../shared/security`, () => {
    if (process.env.CI) throw new Error(`${loaded.missing} CI always has it.`);
    console.warn(`[security] SKIPPED: ${loaded.missing}`);
  });
});

/** The positive control: hover, focus and click everything in a raw page, without following http(s) links or forms. */
async function pokeRawPage(page: Page) {
  await page
    .evaluate(() => {
      // The page may clobber document's methods and body by name: use the prototypes.
      const listen = EventTarget.prototype.addEventListener;
      listen.call(
        document,
        'click',
        (event) => {
          const target = event.target;
          const link = target instanceof Element ? (Element.prototype.closest.call(target, 'a[href], area[href]') as HTMLAnchorElement | null) : null;
          if (link && /^https?:/.test(String(link.href))) event.preventDefault();
        },
        true,
      );
      // Only submissions to http(s) are stopped: a javascript: action or formaction is a vector.
      listen.call(
        document,
        'submit',
        (event) => {
          const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
          const action = submitter?.hasAttribute('formaction')
            ? String(submitter.formAction)
            : String(Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'action')!.get!.call(event.target));
          if (/^https?:/.test(action)) event.preventDefault();
        },
        true,
      );
      const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body')!.get!.call(document) as HTMLElement | null;
      body?.classList.add('sift-reader');
    })
    .catch(() => {});
  await page.evaluate(pokeEverything, null).catch(() => 0);
  await page.waitForTimeout(600).catch(() => {});
}
