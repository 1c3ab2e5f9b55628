// @vitest-environment node
// The popup asks the network for nothing of its own (issue 21, part 0): opening it makes no
// request but those the article's own images (and the related items' thumbnails) cause once they
// are shown. The sanitiser's warm-up used to sanitise an <img> against an example URL and carry
// it into the popup's live document, where even a detached image loads: a request to a third
// party's server on every opening.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { openPopup, tabIdOf, useHostileSiftBrowser } from '../support/sift-browser';
import { WAIT } from '../support/chromium';

// A 1×1 PNG, so that shown images really load.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const ARTICLE = 'https://news.example/2024/05/requests-article.html';
const NO_IMAGES = 'https://news.example/2024/05/requests-no-images.html';

const PARAGRAPH =
  '<p>After nearly eleven hours of debate that stretched well past midnight, the regional council voted to approve a transit expansion plan that has divided residents, business owners and environmental groups for the better part of three years.</p>';

function page(images: boolean): string {
  const img = (src: string, alt = '') => (images ? `<img src="${src}" alt="${alt}">` : '');
  const item = (n: number) =>
    `<li class="related-item"><a href="/2024/05/related-${n}.html">${img(`https://img.example/thumb-${n}.png`)}<h3>Related story number ${n} about the transit plan</h3></a><p class="snippet">An ordinary snippet about budgets and buses, number ${n}.</p></li>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council approves transit plan | Example News</title>
<meta property="og:image" content="https://img.example/og-card.png"><link rel="icon" href="https://img.example/favicon.png"></head>
<body><header>${img('https://img.example/logo.png', 'Example News')}<nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<main><article><h1>Council approves transit plan</h1>
${PARAGRAPH.repeat(3)}<figure>${img('https://img.example/article-photo.png', 'The council chamber')}<figcaption>The council chamber.</figcaption></figure>${PARAGRAPH.repeat(4)}
</article><aside class="ad">${img('https://ads.example/banner.png', 'Advertisement')}</aside>
<aside class="related"><h2>Related stories</h2><ul class="related-list">${[1, 2, 3].map(item).join('')}</ul></aside></main>
<footer>${img('https://img.example/footer.png')}</footer></body></html>`;
}

describe('the popup makes no request of its own', () => {
  const sift = useHostileSiftBrowser();
  // Every http(s) request with the page that made it (null: a worker, or no page).
  const seen: { url: string; page: Page | null }[] = [];

  beforeAll(async () => {
    sift.site.put(ARTICLE, { body: page(true), csp: false });
    sift.site.put(NO_IMAGES, { body: page(false), csp: false });
    for (const name of ['thumb-1', 'thumb-2', 'thumb-3', 'logo', 'article-photo', 'og-card', 'favicon', 'footer']) {
      sift.site.put(`https://img.example/${name}.png`, { body: PNG, contentType: 'image/png' });
    }
    sift.site.put('https://ads.example/banner.png', { body: PNG, contentType: 'image/png' });
    sift.browser.context.on('request', (request: Request) => {
      if (!/^https?:/.test(request.url())) return;
      let from: Page | null = null;
      try {
        from = request.frame().page();
      } catch {
        // a service worker's request has no frame
      }
      seen.push({ url: request.url(), page: from });
    });
  });


  /** Opens the popup on `url` and waits until what it shows has loaded; its requests, and the image URLs it shows. */
  async function popupOn(url: string, related: number) {
    const tab = await sift.browser.context.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    const popup = await openPopup(sift.browser, await tabIdOf(sift.browser, tab));
    await popup.locator('.sift-title').waitFor(WAIT);
    await expect.poll(() => popup.locator('.sift-item-link').count(), WAIT).toBe(related);
    // Thumbnails may sit in folded groups: open them all, so every image the popup can show is shown.
    await popup.evaluate(() => {
      for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
    });
    await expect.poll(() => popup.evaluate(() => [...document.images].every((i) => i.complete)), WAIT).toBe(true);
    // Whatever the popup was going to ask for (the warm-up runs while it waits for the page) has
    // been asked for once the network has been quiet for half a second.
    await popup.waitForLoadState('networkidle');
    const shown = await popup.evaluate(() =>
      [...document.images].flatMap((i) => [i.currentSrc, i.src, ...(i.srcset ? i.srcset.split(',').map((c) => c.trim().split(/\s+/)[0]) : [])]).filter(Boolean),
    );
    const requests = seen.filter((s) => s.page === popup).map((s) => s.url);
    await popup.close();
    await tab.close();
    return { requests, shown: new Set(shown) };
  }

  it('on an article with images: only the images it shows', async () => {
    const { requests, shown } = await popupOn(ARTICLE, 3);
    // The detector sees the popup's requests: the article's photo was shown and fetched.
    expect(shown.has('https://img.example/article-photo.png')).toBe(true);
    expect(requests).toContain('https://img.example/article-photo.png');
    expect(requests.filter((url) => !shown.has(url))).toEqual([]);
    // Nothing of the page outside the article: its logo, ad, footer, icon or share card.
    for (const url of requests) expect(url).not.toMatch(/logo|banner|footer|favicon|og-card/);
  });

  it('on an article without images: no request at all', async () => {
    const { requests } = await popupOn(NO_IMAGES, 3);
    expect(requests).toEqual([]);
  });
});
