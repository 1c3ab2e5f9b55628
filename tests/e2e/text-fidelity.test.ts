// @vitest-environment node
// Text stays exactly the page's text (issue 21, part 1), checked character for character where
// the reader sees it: the title, the meta line, related titles and snippets, in the popup and in
// reader mode. Sift's own pages always run; the vectors of ../shared/security and of
// tests/security/sift-vectors.json that carry `expectText` run in that set's page template when
// ../shared/security is there (skipped with a message when it is not).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPopup, tabIdOf, useHostileSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { expandEverything } from './security-audit';
import { ARTICLE_URL } from '../support/hostile-site';
import { asList, buildPage, loadVectors, type Vector } from './security-vectors';

interface Shown {
  title: string;
  /** The meta line's parts (byline, site, date, reading time), each as shown. */
  meta: string[];
  items: { title: string; snippet: string | null }[];
  body: string;
  /** Elements inside the title, meta line, item titles and snippets: text only, so none. */
  elementsInText: string[];
}

/** What the reader view shows (runs in the popup, or in the page with `host` = 'sift-reader'). */
function readView(host: string | null): Shown | null {
  const scope: Document | ShadowRoot | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
  const reader = scope?.querySelector('.sift-reader');
  if (!reader) return null;
  const text = (el: Element | null | undefined) => el?.textContent ?? '';
  const textual = [
    reader.querySelector('.sift-title'),
    ...reader.querySelectorAll('.sift-meta-part:not(.sift-reading-time), .sift-item-link, .sift-snippet'),
  ];
  return {
    title: text(reader.querySelector('.sift-title')),
    meta: [...reader.querySelectorAll('.sift-meta-part')].map(text),
    items: [...reader.querySelectorAll('.sift-item')].map((li) => ({
      title: text(li.querySelector('.sift-item-link')),
      snippet: li.querySelector('.sift-snippet')?.textContent ?? null,
    })),
    body: text(reader.querySelector('.sift-body')),
    elementsInText: textual.flatMap((el) => (el ? [...el.querySelectorAll('*')].map((e) => e.localName) : [])),
  };
}

/** Every item summary of the view shown (snippets render only when open), then the view. */
async function expandAndRead(page: Page, host: string | null, items: number): Promise<Shown> {
  const prefix = host ? `${host} ` : '';
  await expect.poll(() => page.locator(`${prefix}.sift-item-link`).count(), WAIT).toBeGreaterThanOrEqual(items);
  await page.evaluate(expandEverything, host);
  await expect.poll(() => page.locator(`${prefix}button.sift-more[aria-expanded="false"]`).count(), WAIT).toBe(0);
  const shown = await page.evaluate(readView, host);
  if (!shown) throw new Error(`no reader view in ${host ?? 'the popup'}`);
  return shown;
}

const PARAGRAPH =
  '<p>After nearly eleven hours of debate that stretched well past midnight, the regional council voted to approve a transit expansion plan that has divided residents, business owners and environmental groups for the better part of three years.</p>';

/** One of Sift's own pages: `head` and `h1` as given (HTML source), three related items. */
function ownPage(head: string, h1: string, items: { title: string; snippet: string }[]): string {
  const li = items
    .map((item, i) => `<li class="related-item"><a href="/2024/05/text-related-${i}.html"><h3>${item.title}</h3></a><p class="snippet">${item.snippet}</p></li>`)
    .join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>
<header><a href="/">Example News</a></header><main><article><h1>${h1}</h1>${PARAGRAPH.repeat(6)}</article>
<aside class="related"><h2>Related stories</h2><ul class="related-list">${li}</ul></aside></main></body></html>`;
}

const plainItems = [1, 2, 3].map((n) => ({ title: `Related story number ${n} about the transit plan`, snippet: `An ordinary snippet about budgets, number ${n}.` }));
const TAGGED = '<img src=x onerror=__xss(`own`)> Minister resigns after a long row over the budget';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sift's own cases: the page's source, and what must be shown exactly. */
const OWN: { name: string; html: string; title: string; meta?: string[]; items?: { title: string; snippet: string }[] }[] = [
  {
    name: 'escaped markup in the title, related titles and snippets is shown as the page shows it',
    html: ownPage(
      '<title>&amp;lt;b&amp;gt;not bold&amp;lt;/b&amp;gt; &amp;amp; more</title>',
      '&amp;lt;b&amp;gt;not bold&amp;lt;/b&amp;gt; &amp;amp; more',
      [1, 2, 3].map((n) => ({
        title: `&amp;lt;b&amp;gt;not bold&amp;lt;/b&amp;gt; &amp;amp; more, story ${n}`,
        snippet: `It&amp;#39;s &lt;i&gt;escaped&lt;/i&gt; &amp;amp; stays&amp;#xff0c; snippet ${n}.`,
      })),
    ),
    title: '&lt;b&gt;not bold&lt;/b&gt; &amp; more',
    items: [1, 2, 3].map((n) => ({ title: `&lt;b&gt;not bold&lt;/b&gt; &amp; more, story ${n}`, snippet: `It&#39;s <i>escaped</i> &amp; stays&#xff0c; snippet ${n}.` })),
  },
  {
    name: 'a headline that begins with tag-like text is shown whole, as text',
    // The <h1> is the site's masthead: the title comes from og:title and <title>, which the
    // site-name stripping used to cut at "__" ("xss(`own`)> Minister resigns…").
    html: ownPage(`<title>${escape(TAGGED)}</title><meta property="og:title" content="${escape(TAGGED)}">`, 'Example News', plainItems),
    title: TAGGED,
    items: plainItems,
  },
  {
    name: 'an underscore inside a title is no site-name separator',
    html: ownPage('<title>my_var and other names: a guide</title>', 'Example Blog', plainItems),
    title: 'my_var and other names: a guide',
  },
  {
    name: 'the JSON-LD headline comes first; a source that looks like markup loses to a clean one',
    html: ownPage(
      '<title>Council votes | Example News</title><meta property="og:title" content="&lt;b&gt;Council&lt;/b&gt; votes">' +
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes on the transit plan &amp; its budget"}</script>' +
        '<meta name="author" content="&amp;lt;b&amp;gt;Mallory&amp;lt;/b&amp;gt; Example">',
      'Council votes',
      plainItems,
    ),
    // JSON-LD is raw text in the HTML: its references are decoded, once.
    title: 'Council votes on the transit plan & its budget',
    meta: ['&lt;b&gt;Mallory&lt;/b&gt; Example'],
  },
  {
    name: 'og:title that looks like markup loses to the page’s clean <h1>',
    html: ownPage(`<title>Minister resigns | Example News</title><meta property="og:title" content="${escape(TAGGED)}">`, 'Minister resigns', plainItems),
    title: 'Minister resigns',
  },
];

const loaded = loadVectors();

describe('text in the popup and in reader mode is the page’s text, character for character', () => {
  const sift = useHostileSiftBrowser();
  let tab: Page;
  let tabId: number;
  let popup: Page;
  let pages = 0;

  beforeAll(async () => {
    tab = await sift.browser.context.newPage();
    const first = `${ARTICLE_URL}?text=0`;
    sift.site.put(first, { body: ownPage('<title>Council approves transit plan</title>', 'Council approves transit plan', plainItems) });
    await tab.goto(first);
    tabId = await tabIdOf(sift.browser, tab);
    popup = await openPopup(sift.browser, tabId);
    await popup.locator('.sift-title').waitFor(WAIT);
  });


  /** Shows `html` in the tab, then what the popup and reader mode (toggled from it) render. */
  async function render(html: string, items: number): Promise<{ popup: Shown; reader: Shown }> {
    const url = `${ARTICLE_URL}?text=${(pages += 1)}`;
    sift.site.put(url, { body: html });
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await popup.goto(`chrome-extension://${sift.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.sift-title').waitFor(WAIT);
    const inPopup = await expandAndRead(popup, null, items);
    await popup.getByRole('button', { name: 'Reader mode' }).click();
    await tab.locator('sift-reader .sift-title').waitFor(WAIT);
    const inReader = await expandAndRead(tab, 'sift-reader', items);
    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.locator('sift-reader').count(), WAIT).toBe(0);
    return { popup: inPopup, reader: inReader };
  }

  for (const c of OWN) {
    it(c.name, async () => {
      const shown = await render(c.html, 3);
      for (const [surface, view] of Object.entries(shown)) {
        expect(view.title, `${surface} title`).toBe(c.title);
        for (const part of c.meta ?? []) expect(view.meta, `${surface} meta line`).toContain(part);
        if (c.items) expect(view.items, `${surface} related items`).toEqual(expect.arrayContaining(c.items.map((i) => ({ title: i.title, snippet: i.snippet }))));
        expect(view.elementsInText, `${surface}: elements made from text`).toEqual([]);
      }
    });
  }

  describe.skipIf(!loaded.set)('vectors with expectText (../shared/security and tests/security/sift-vectors.json)', () => {
    const set = loaded.set;
    const withText: Vector[] = set ? [...set.shared, ...set.own].filter((v) => asList(v.expectText).length > 0) : [];
    const shared = set ? set.shared.filter((v) => asList(v.expectText).length > 0).length : 0;

    it(`shows each expectText literally, as text (${withText.length} vectors)`, async () => {
      console.log(`[text] ${withText.length} vectors carry expectText: ${shared} of ${set!.shared.length} shared, ${withText.length - shared} Sift's own`);
      expect(withText.length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const v of withText) {
        // Alone on a page, in each of its slots: the related list is the template's two items, plus its own.
        const shown = await render(buildPage(set!.template, [v]), 2);
        for (const [surface, view] of Object.entries(shown)) {
          const texts = [view.title, ...view.meta, ...view.items.flatMap((i) => [i.title, i.snippet ?? '']), view.body];
          for (const text of asList(v.expectText)) if (!texts.some((t) => t.includes(text))) missing.push(`${v.id} ${surface}: ${text}`);
          if (view.elementsInText.length) missing.push(`${v.id} ${surface}: elements in text: ${view.elementsInText.join(' ')}`);
        }
      }
      expect(missing).toEqual([]);
    }, 300_000);
  });

  describe.runIf(!loaded.set)('vectors with expectText (absent)', () => {
    it('needs ../shared/security', () => {
      console.warn(`[text] SKIPPED the expectText vectors: ${loaded.missing}`);
    });
  });
});
