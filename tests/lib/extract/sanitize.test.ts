import { existsSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { prepareSanitizer, sanitizeContent, sanitizeHtml } from '../../../lib/extract/sanitize';
import { offlineWindow } from '../../support/load-page';
import { SECURITY_VECTORS } from '../../support/paths';

const BASE = 'https://news.example/2024/05/hostile-article.html';
const VECTORS = SECURITY_VECTORS;

// An offline happy-dom window: the vectors name remote scripts, styles and frames, and tests
// never touch the network.
const win = offlineWindow(BASE) as unknown as Window;

function parse(html: string): DocumentFragment {
  const t = win.document.createElement('template');
  t.innerHTML = html;
  return t.content;
}
const clean = (html: string) => parse(sanitizeHtml(html, BASE, win));

const FORBIDDEN_ELEMENTS = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form',
  'input', 'button', 'textarea', 'select', 'option', 'template', 'noscript', 'style', 'svg', 'math', 'isindex',
];
const FORBIDDEN_ATTRIBUTES = ['style', 'id', 'name', 'class', 'srcdoc', 'action', 'formaction', 'xlink:href'];
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'background', 'cite'];

/** Every way the output can still be unsafe, as a list of findings (empty when safe). */
function audit(fragment: DocumentFragment): string[] {
  const problems: string[] = [];
  for (const el of fragment.querySelectorAll('*')) {
    const tag = el.localName;
    if (FORBIDDEN_ELEMENTS.includes(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`element <${tag}>`);
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || FORBIDDEN_ATTRIBUTES.includes(name)) problems.push(`<${tag} ${name}>`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      if (attr.value.includes('__xss')) problems.push(`<${tag} ${name}> holds __xss`);
      const urls = name === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [attr.value];
      for (const url of urls) {
        let protocol = '';
        try {
          protocol = new URL(url, BASE).protocol;
        } catch {
          problems.push(`<${tag} ${name}> unparseable ${url}`);
          continue;
        }
        const image = (tag === 'img' || tag === 'source') && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(url);
        if (protocol !== 'http:' && protocol !== 'https:' && !image) problems.push(`<${tag} ${name}=${url}>`);
      }
    }
  }
  return problems;
}

describe('prepareSanitizer (the popup warms the sanitiser up while it waits for the page)', () => {
  it('leaves the sanitiser answering exactly as a cold one does', () => {
    const html = '<p onclick="x()">a<img src="/i.png" onerror="x()"><a href="javascript:x()">j</a><a href="/n">n</a></p>';
    const cold = sanitizeHtml(html, 'https://news.example/a/1.html', offlineWindow(BASE) as unknown as Window);
    const warmWindow = offlineWindow(BASE) as unknown as Window;
    prepareSanitizer(warmWindow);
    expect(sanitizeHtml(html, 'https://news.example/a/1.html', warmWindow)).toBe(cold);
    expect(cold).toContain('https://news.example/n');
    expect(cold).not.toMatch(/onclick|onerror|javascript:/);
  });
});

describe('sanitizeHtml: hand-written rules', () => {
  it('removes scripts, event handlers, iframes, objects and embeds', () => {
    const f = clean('<p onclick="x()">a<script>x()</script><iframe src="https://e.x/"></iframe><object data="x"></object><embed src="x"><img src="https://i.example/a.png" onerror="x()"></p>');
    expect(f.querySelector('script, iframe, object, embed')).toBeNull();
    expect(f.querySelector('p')!.hasAttribute('onclick')).toBe(false);
    expect(f.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    expect(f.querySelector('p')!.textContent).toBe('a');
  });

  it('removes forms and their controls, template, style, base, meta, link', () => {
    const f = clean('<form action="https://e.x/"><input name="q"><button>Go</button><textarea>t</textarea></form><template><p>t</p></template><style>p{}</style><base href="https://e.x/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x.css"><p>kept</p>');
    expect(audit(f)).toEqual([]);
    expect(f.textContent).toBe('kept');
  });

  it('drops svg and math with their content', () => {
    const f = clean('<p>a</p><svg><a xlink:href="javascript:x()"><text>svg text</text></a></svg><math><mi>m</mi></math>');
    expect(f.querySelector('svg, math')).toBeNull();
    expect(f.textContent).toBe('a');
  });

  it('drops id, name, class and style attributes', () => {
    const f = clean('<p id="location" class="x" style="position:fixed" name="cookie">t</p><img name="body" src="https://i.example/a.png">');
    expect(audit(f)).toEqual([]);
    expect(f.querySelector('p')!.attributes.length).toBe(0);
  });

  it('makes relative links absolute and adds rel=noopener noreferrer', () => {
    const a = clean('<a href="../other.html?x=1&amp;y=2">o</a>').querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://news.example/2024/other.html?x=1&y=2');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each([
    'javascript:alert(1)',
    '\x01JaVa\tScript:alert(1)',
    ' jav&#x09;ascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:a@b.example',
    'vbscript:msgbox(1)',
  ])('removes a non-http(s) href and keeps the text: %j', (href) => {
    const a = clean(`<a href="${href}">text</a>`).querySelector('a');
    expect(a?.hasAttribute('href') ?? false).toBe(false);
    expect(a?.textContent).toBe('text');
  });

  it('keeps http(s) and raster data: images, refuses svg data: and javascript: src', () => {
    const f = clean('<img alt="a" src="/a.png"><img alt="b" src="data:image/png;base64,AAAA"><img alt="c" src="data:image/svg+xml;base64,PHN2Zz4="><img alt="d" src="javascript:x()">');
    const srcs = [...f.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(srcs).toEqual(['https://news.example/a.png', 'data:image/png;base64,AAAA']);
    expect(f.querySelector('img')!.getAttribute('alt')).toBe('a');
  });

  it('checks every srcset candidate and drops the srcset when one is unsafe', () => {
    const ok = clean('<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x">').querySelector('img')!;
    expect(ok.getAttribute('srcset')).toBe('https://news.example/2024/05/a.jpg 1x, https://news.example/b.jpg 2x');
    const bad = clean('<img src="a.jpg" srcset="a.jpg 1x, javascript:x() 2x">').querySelector('img')!;
    expect(bad.hasAttribute('srcset')).toBe(false);
    expect(bad.getAttribute('src')).toBe('https://news.example/2024/05/a.jpg');
  });

  it('keeps picture/source only with a safe srcset', () => {
    const f = clean('<picture><source srcset="javascript:x()"><source srcset="/w.webp" type="image/webp"><img src="/a.jpg" alt="x"></picture>');
    const sources = f.querySelectorAll('source');
    expect(sources.length).toBe(1);
    expect(sources[0].getAttribute('srcset')).toBe('https://news.example/w.webp');
  });

  it('keeps the reading structure: headings, lists, quotes, code whitespace, tables, figures, dir/lang', () => {
    const html =
      '<h2>H</h2><ul><li>a</li></ul><blockquote>q</blockquote><pre><code>if x:\n    y()\n</code></pre>' +
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>c</td></tr></tbody></table>' +
      '<figure><img src="https://i.example/a.png" alt="alt"><figcaption>cap</figcaption></figure><p dir="rtl" lang="ar"><em>e</em><strong>s</strong></p>';
    const f = clean(html);
    expect(f.querySelector('code')!.textContent).toBe('if x:\n    y()\n');
    for (const sel of ['h2', 'ul li', 'blockquote', 'pre code', 'table thead th', 'table tbody td', 'figure img[alt="alt"]', 'figcaption', 'p[dir="rtl"][lang="ar"]', 'em', 'strong']) {
      expect(f.querySelector(sel), sel).not.toBeNull();
    }
  });

  it('text that looks like markup stays text', () => {
    const f = clean('<p>&lt;b&gt;【python】&lt;/b&gt;</p>');
    expect(f.querySelector('b')).toBeNull();
    expect(f.textContent).toBe('<b>【python】</b>');
  });
});

describe('sanitizeHtml: hostile vectors (../shared/security/vectors.json)', () => {
  const present = existsSync(VECTORS);
  if (!present) {
    it.skip(`vectors.json not found at ${VECTORS}: hostile-vector checks skipped`, () => {});
    return;
  }
  const vectors = JSON.parse(readFileSync(VECTORS, 'utf8')) as { id: string; html: string; where: string }[];
  it('has vectors to check', () => expect(vectors.length).toBeGreaterThan(100));
  it.each(vectors.map((v) => [v.id, v]))('%s leaves nothing unsafe', (_id, v) => {
    const html = v.where === 'related' ? v.html : `<p>before</p>${v.html}<p>after</p>`;
    expect(audit(clean(html))).toEqual([]);
  });
  // The extractor hands DOMPurify Readability's article element, not its serialisation: the
  // element as an inert document parsed it must come out as safe, and as sanitizeHtml has it.
  // Except, in happy-dom, where an unknown element holding another is unwrapped in place: its
  // NodeIterator does not visit the children DOMPurify puts back, and their text is lost (safe,
  // audited above) or DOMPurify refuses the tree (and a copy is sanitised). Browsers' iterators
  // visit them; in Chromium, in place and copied gave the same HTML on every page of an A/B run
  // over a third of the corpus.
  const ITERATOR_QUIRK = new Set(['dp-126', 'dp-146']);
  it.each(vectors.map((v) => [v.id, v]))('%s: sanitizeContent on a parsed element gives the same safe result', (_id, v) => {
    const doc = new (win as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString(`<!doctype html><body><div id="readability-page-1" class="page"><p>before</p>${v.html}<p>after</p></div></body>`, 'text/html') as unknown as Document;
    const el = doc.getElementById('readability-page-1')!;
    let source: string | null;
    try {
      source = el.innerHTML;
    } catch {
      source = null; // happy-dom cannot serialise dp-196's input itself; its output is audited below
    }
    const out = sanitizeContent(el, BASE, win);
    expect(audit(parse(out))).toEqual([]);
    // In place: what is left in the element is what came out.
    expect(audit(parse(el.innerHTML))).toEqual([]);
    if (source !== null && !ITERATOR_QUIRK.has(v.id)) expect(out).toBe(sanitizeHtml(source, BASE, win));
  });
  it('sanitizes the content of a root it would not keep (a <form>) instead of refusing', () => {
    const doc = new (win as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString(
      '<!doctype html><body><form id="root"><p>kept <img src="x" onerror="alert(1)"></p><input value="gone"></form></body>',
      'text/html',
    ) as unknown as Document;
    const out = sanitizeContent(doc.getElementById('root')!, BASE, win);
    expect(out).toBe('<p>kept <img src="https://news.example/a/x"></p>'.replace('https://news.example/a/', new URL('x', BASE).href.replace(/x$/, '')));
  });
});
