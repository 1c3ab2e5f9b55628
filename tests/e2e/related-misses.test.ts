// @vitest-environment node
// Two kinds of miss issue 14 saw on real pages, in the built extension: the popup hiding the
// related items it found because the page was judged not an article, and the content script
// missing a page that replaces its whole document. Pages are served at made-up https addresses
// by routes of this file only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeText, openFixture, openPopup, useSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';
import { labelsOf } from '../support/load-page';
import { FIXTURES } from '../support/paths';

const sift = useSiftBrowser();

const SITE = 'https://short-news.example';
const STORIES = ['Harbour ferry timetable changes from Monday', 'New cycle lane opens along the river front', 'Library extends its weekend opening hours', 'Council approves the market hall repairs'];

/** A short news item (too short to be judged an article) with a "Related stories" list after it. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge closed for repairs</title></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<main><h1>Bridge closed for repairs</h1><p>The old bridge is closed to traffic until Friday.</p>
<h2>Related stories</h2><ul>${STORIES.map((s, i) => `<li><a href="/local/story-${i + 1}.html">${s}</a></li>`).join('')}</ul></main>
</body></html>`;

describe('a page judged not an article', () => {
  it('shows the related items it found under the message, each a link that opens in a tab', async () => {
    await sift.browser.context.route(`${SITE}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: PAGE }));
    const { page, tabId } = await openFixture(sift.browser, `${SITE}/local/bridge.html`);
    // Judged not an article: no badge.
    await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('');
    const popup = await openPopup(sift.browser, tabId);
    await popup.getByRole('button', { name: 'Show anyway' }).waitFor(WAIT);
    const links = popup.locator('.sift-related a[href]');
    await expect.poll(() => links.count(), WAIT).toBe(STORIES.length);
    // (Graded against the page's title: on-topic items first, so the order may differ.)
    expect((await links.allTextContents()).sort()).toEqual([...STORIES].sort());
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(STORIES.map((_, i) => `${SITE}/local/story-${i + 1}.html`));
    // The article itself is not shown until asked for.
    expect(await popup.locator('.sift-title').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('a page that replaces its whole document', () => {
  // What the page becomes: the English news fixture and its related stories.
  const article = readFileSync(join(FIXTURES, 'en-news-related', 'source.html'), 'utf8');
  const expected = String(labelsOf('en-news-related').related.length);
  const SHELL = '<!doctype html><html><head><title>Loading</title></head><body><p>Loading…</p></body></html>';

  const replacements: Record<string, (html: string) => void> = {
    'a new root element': (html) => {
      const next = new DOMParser().parseFromString(html, 'text/html').documentElement;
      document.replaceChild(document.adoptNode(next), document.documentElement);
    },
    'document.open and write': (html) => {
      document.open();
      document.write(html);
      document.close();
    },
  };
  for (const [name, replace] of Object.entries(replacements)) {
    it(`is detected again after ${name}`, async () => {
      const site = `https://app-${name.replace(/\W+/g, '-')}.example`;
      await sift.browser.context.route(`${site}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: SHELL }));
      const { page, tabId } = await openFixture(sift.browser, `${site}/story.html`);
      await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe('');
      await page.evaluate(replace, article);
      await expect.poll(() => badgeText(sift.browser, tabId), WAIT).toBe(expected);
      await page.close();
    });
  }
});
