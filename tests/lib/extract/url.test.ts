import { describe, expect, it } from 'vitest';
import { isSelfLink, pageKey, toHttpUrl, toImageUrl } from '../../../lib/extract/url';

const BASE = 'https://www.kjzx365.com/news/372915.html';

describe('toHttpUrl', () => {
  it.each([
    ['/news/372911.html', 'https://www.kjzx365.com/news/372911.html'],
    ['372893.html', 'https://www.kjzx365.com/news/372893.html'],
    ['../biancheng/1.html', 'https://www.kjzx365.com/biancheng/1.html'],
    ['//cdn.example.com/a.jpg', 'https://cdn.example.com/a.jpg'],
    ['http://other.example/x?a=1&b=2', 'http://other.example/x?a=1&b=2'],
    ['  https://e.example/ok  ', 'https://e.example/ok'],
  ])('resolves %j', (raw, expected) => expect(toHttpUrl(raw, BASE)).toBe(expected));

  it.each([
    'javascript:void(0)',
    'JaVaScRiPt:alert(1)',
    '\x01JaVa\tScript:alert(1)',
    'java\nscript:alert(1)',
    ' \u00a0javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:someone@example.com',
    'ftp://files.example/x',
    '',
    '   ',
  ])('refuses %j', (raw) => expect(toHttpUrl(raw, BASE)).toBeNull());

  it('refuses null and undefined', () => {
    expect(toHttpUrl(null, BASE)).toBeNull();
    expect(toHttpUrl(undefined, BASE)).toBeNull();
  });
});

describe('toImageUrl', () => {
  it('allows raster data: images and http(s)', () => {
    expect(toImageUrl('data:image/png;base64,AAAA', BASE)).toBe('data:image/png;base64,AAAA');
    expect(toImageUrl('data:image/jpeg;base64,AAAA', BASE)).toBe('data:image/jpeg;base64,AAAA');
    expect(toImageUrl('/uploads/a.png', BASE)).toBe('https://www.kjzx365.com/uploads/a.png');
  });
  it('refuses SVG data: images and script URLs', () => {
    expect(toImageUrl('data:image/svg+xml;base64,PHN2Zz4=', BASE)).toBeNull();
    expect(toImageUrl('data:text/html;base64,PHN2Zz4=', BASE)).toBeNull();
    expect(toImageUrl('javascript:alert(1)', BASE)).toBeNull();
  });
});

describe('pageKey', () => {
  it('drops the fragment and tracking parameters, keeps the others', () => {
    expect(pageKey('https://e.example/a.html?utm_source=x&id=3&from=xgwz#top')).toBe('https://e.example/a.html?id=3');
    expect(pageKey('https://e.example/a.html#comment-2')).toBe('https://e.example/a.html');
    expect(pageKey('https://e.example/a.html?id=3')).not.toBe(pageKey('https://e.example/a.html?id=4'));
  });
  it('returns what it cannot parse unchanged', () => expect(pageKey('not a url')).toBe('not a url'));
});

describe('isSelfLink', () => {
  it('ignores query and fragment, not host or path', () => {
    expect(isSelfLink('https://www.kjzx365.com/news/372915.html?from=xgwz#pinglun', BASE)).toBe(true);
    expect(isSelfLink('https://www.kjzx365.com/news/372916.html', BASE)).toBe(false);
    expect(isSelfLink('https://kjzx365.com/news/372915.html', BASE)).toBe(false);
    expect(isSelfLink('http://www.kjzx365.com/news/372915.html', BASE)).toBe(false);
    expect(isSelfLink('nonsense', BASE)).toBe(false);
  });
});
