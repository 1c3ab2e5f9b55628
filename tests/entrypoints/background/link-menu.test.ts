// "Open in Sift" on a link's menu (issue 19), apart from a real browser: the site is asked for
// before anything is awaited (the browser counts the click only until then), a refusal opens
// nothing, and a request the browser would not make goes through Sift's page that asks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LINK_MENU_ID, onLinkMenu } from '@/entrypoints/background/link-menu';

const LINK = 'https://news.test/a.html';
const ORIGINS = { origins: ['http://news.test/*', 'https://news.test/*'] };
const click = (linkUrl: string, menuItemId: string | number = LINK_MENU_ID) => ({ menuItemId, linkUrl, editable: false, pageUrl: 'https://page.test/' });

let held = false;
let create: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  held = false;
  fakeBrowser.permissions.contains = vi.fn(async () => held);
  create = vi.spyOn(fakeBrowser.tabs, 'create');
});
afterEach(() => vi.restoreAllMocks());

async function pageTab() {
  return fakeBrowser.tabs.create({ url: 'https://page.test/' });
}

describe('the link menu item', () => {
  it('asks for the link\'s site at once, before anything is awaited', async () => {
    const request = (fakeBrowser.permissions.request = vi.fn(async () => false));
    const tab = await pageTab();
    const done = onLinkMenu(click(LINK), tab);
    expect(request).toHaveBeenCalledExactlyOnceWith(ORIGINS);
    await done;
  });

  it('granted: opens the link next to the page and marks the new tab for reader mode', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => (held = true));
    const tab = await pageTab();
    create.mockClear();
    await onLinkMenu(click(LINK), tab);
    expect(create).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ url: LINK, active: true, openerTabId: tab.id, index: tab.index + 1 }));
    const opened = (await create.mock.results[0].value) as { id: number };
    expect(await fakeBrowser.storage.session.get(`site-tab-${opened.id}`)).toEqual({ [`site-tab-${opened.id}`]: { openInSift: 'news.test' } });
  });

  it('refused: opens nothing', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false);
    const tab = await pageTab();
    create.mockClear();
    await onLinkMenu(click(LINK), tab);
    expect(create).not.toHaveBeenCalled();
  });

  it('a request the browser would not make: Sift\'s page that asks, for this link and tab', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => {
      throw new Error('This function must be called during a user gesture');
    });
    const tab = await pageTab();
    create.mockClear();
    await onLinkMenu(click(LINK), tab);
    expect(create).toHaveBeenCalledTimes(1);
    const url = new URL(create.mock.calls[0][0].url as string);
    expect(url.pathname).toBe('/options.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ open: LINK, tab: String(tab.id) });
  });

  it('ignores other items and links that are not http(s)', async () => {
    const request = (fakeBrowser.permissions.request = vi.fn(async () => true));
    const tab = await pageTab();
    create.mockClear();
    for (const info of [click('javascript:alert(1)'), click('file:///etc/passwd'), click(LINK, 'other')]) await onLinkMenu(info, tab);
    expect(request).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});
