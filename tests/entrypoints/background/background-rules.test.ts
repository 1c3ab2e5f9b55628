// The background's rules, apart from the browser: what the toolbar shows, which pages cannot be
// read and why, and which URLs may reach tabs.create.
import { describe, expect, it } from 'vitest';
import { actionLook } from '@/entrypoints/background/action';
import { httpUrlOnly, unreadableByError, unreadableByUrl } from '@/entrypoints/background/page';
import { en, zh } from '../../support/locale';

const article = (relatedCount: number) => ({ isArticle: true, relatedCount, lang: 'zh' });

describe('toolbar look', () => {
  it('shows the related count on an article with related items', () => {
    expect(actionLook({ detection: article(29), readerActive: false, opened: [] }, en)).toMatchObject({
      text: '29',
      title: expect.stringContaining('29 related items'),
    });
    expect(actionLook({ detection: article(150), readerActive: false, opened: [] }, en).text).toBe('99+');
  });

  it('is quiet on an article without related items and empty elsewhere', () => {
    const quiet = actionLook({ detection: article(0), readerActive: false, opened: [] }, en);
    const withRelated = actionLook({ detection: article(3), readerActive: false, opened: [] }, en);
    expect(quiet.text).toBe('•');
    expect(quiet.color).not.toBe(withRelated.color);
    expect(actionLook({ detection: { isArticle: false, relatedCount: 0, lang: '' }, readerActive: false, opened: [] }, en).text).toBe('');
    expect(actionLook({ readerActive: false, opened: [] }, en).text).toBe('');
  });

  it('follows the badge setting: a dot instead of the count, or nothing; the tooltip and "ON" stay', () => {
    const state = { detection: article(29), readerActive: false, opened: [] };
    expect(actionLook(state, en, 'count').text).toBe('29');
    const dot = actionLook(state, en, 'dot');
    expect(dot).toMatchObject({ text: '•', title: expect.stringContaining('29 related items') });
    expect(dot.color).toBe(actionLook(state, en, 'count').color);
    expect(actionLook(state, en, 'off')).toMatchObject({ text: '', title: expect.stringContaining('29 related items') });
    expect(actionLook({ detection: article(0), readerActive: false, opened: [] }, en, 'off').text).toBe('');
    expect(actionLook({ detection: article(0), readerActive: false, opened: [] }, en, 'dot').text).toBe('•');
    expect(actionLook({ ...state, readerActive: true }, en, 'off').text).toBe('ON');
  });

  it('says it in the browser language', () => {
    expect(actionLook({ detection: article(29), readerActive: false, opened: [] }, zh).title).toBe('Sift 阅读器：一篇文章，29 篇相关文章');
    expect(actionLook({ detection: article(1), readerActive: false, opened: [] }, en).title).toBe('Sift Reader: an article with 1 related item');
  });

  it('keeps counting what the page lists once graded, and says how many are on topic', () => {
    const graded = actionLook({ detection: article(29), readerActive: false, opened: [], onTopic: 0 }, en);
    expect(graded.text).toBe('29');
    expect(graded.title).toBe('Sift Reader: an article with 29 related items, 0 on its topic');
    expect(actionLook({ detection: article(4), readerActive: false, opened: [], onTopic: 4 }, zh).title).toBe(
      'Sift 阅读器：一篇文章，4 篇相关文章，其中 4 篇与主题相关',
    );
  });

  it('shows reader mode above everything else', () => {
    expect(actionLook({ detection: article(29), readerActive: true, opened: [] }, en)).toMatchObject({
      text: 'ON',
      title: expect.stringContaining('reader mode is on'),
    });
  });
});

describe('pages Sift cannot read', () => {
  it('knows browser pages and extension stores by their URL', () => {
    expect(unreadableByUrl('chrome://version/')).toBe('browser-page');
    expect(unreadableByUrl('about:addons')).toBe('browser-page');
    expect(unreadableByUrl('chrome-extension://abc/popup.html')).toBe('browser-page');
    expect(unreadableByUrl('https://chromewebstore.google.com/detail/x')).toBe('store');
    expect(unreadableByUrl('https://chrome.google.com/webstore/detail/x')).toBe('store');
    expect(unreadableByUrl('https://addons.mozilla.org/en-US/firefox/')).toBe('store');
  });

  it('tries ordinary pages, files and unknown URLs', () => {
    expect(unreadableByUrl('https://www.kjzx365.com/news/372915.html')).toBeNull();
    expect(unreadableByUrl('https://chrome.google.com/search')).toBeNull();
    expect(unreadableByUrl('file:///home/me/a.html')).toBeNull();
    expect(unreadableByUrl(undefined)).toBeNull();
  });

  it("tells from executeScript's error what kind of page refused", () => {
    expect(unreadableByError('Cannot access a chrome:// URL', undefined)).toBe('browser-page');
    expect(unreadableByError('The extensions gallery cannot be scripted.', undefined)).toBe('store');
    expect(unreadableByError('Cannot access contents of url "file:///tmp/a.html".', undefined)).toBe('file-access');
    expect(unreadableByError('Cannot access contents of the page.', 'file:///tmp/a.html')).toBe('file-access');
    expect(unreadableByError('Cannot access contents of the page.', 'https://a.example/')).toBe('no-access');
  });
});

describe('httpUrlOnly', () => {
  it('lets only absolute http(s) URLs through', () => {
    expect(httpUrlOnly('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1#z');
    expect(httpUrlOnly('HTTP://A.example/')).toBe('http://a.example/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/relative', 'chrome://settings', ' https://a.example/', 42, null]) {
      expect(httpUrlOnly(bad)).toBeNull();
    }
  });
});
