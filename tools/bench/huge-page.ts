// The benchmark's stress page: a news article (with a related list) followed by a huge comment
// thread, at least 5 MB and 100,000 elements. Deterministic, so every run measures the same page.

export interface HugePageOptions {
  minBytes: number;
  minElements: number;
}

export const HUGE_PAGE: HugePageOptions = { minBytes: 5 * 1024 * 1024, minElements: 100_000 };
export const HUGE_PAGE_URL = 'https://bench.invalid/news/2026/huge-page.html';

const WORDS = (
  'the city council voted on tuesday to expand the tram network after a long debate about cost ' +
  'residents said the new line would cut their commute while critics warned of delays and noise ' +
  'engineers expect construction to start next spring and to finish within three years'
).split(' ');
const HAN = '城市议会周二投票决定扩建电车网络经过关于成本的长时间辩论居民表示新线路将缩短通勤时间';

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the page and counts its elements as it writes them (every tag below is counted once). */
export function generateHugePage(opts: HugePageOptions = HUGE_PAGE): { html: string; elements: number } {
  const rnd = random(42);
  const parts: string[] = [];
  let elements = 0;
  let bytes = 0;
  const emit = (html: string, count: number) => {
    parts.push(html);
    elements += count;
    bytes += Buffer.byteLength(html);
  };
  const sentence = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]);
    return out.join(' ');
  };
  const han = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += HAN[Math.floor(rnd() * HAN.length)];
    return s;
  };

  // html, head, meta, title, link, body
  emit(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council expands the tram network - The Bench Gazette</title>' +
      `<link rel="canonical" href="${HUGE_PAGE_URL}"></head><body>`,
    6,
  );
  // Navigation: header, nav, ul, 60 × (li, a)
  let nav = '<header class="site-header"><nav><ul>';
  for (let i = 0; i < 60; i++) nav += `<li><a href="/section/${i}/">Section ${i}</a></li>`;
  emit(`${nav}</ul></nav></header>`, 3 + 120);
  // Article: main, article, h1, p.byline, 40 × p
  let article = '<main><article class="story"><h1>Council expands the tram network</h1><p class="byline">By A. Writer</p>';
  for (let i = 0; i < 40; i++) article += `<p>${sentence(60)}. ${han(40)}。</p>`;
  emit(`${article}</article>`, 4 + 40);
  // Related: section, h2, ul, 8 × (li, a, h3, p)
  let related = '<section class="related"><h2>Related stories</h2><ul>';
  for (let i = 0; i < 8; i++) {
    related += `<li><a href="/news/2026/related-${i}.html"><h3>${sentence(8)}</h3><p>${sentence(20)}</p></a></li>`;
  }
  emit(`${related}</ul></section>`, 3 + 32);
  // Comments: section, h2, then comments of 9 elements each until both minimums are met.
  emit('<section class="comments" id="comments"><h2>Comments</h2>', 2);
  const closing = '</section></main><footer><p>© The Bench Gazette</p></footer></body></html>';
  for (let i = 0; elements + 2 < opts.minElements || bytes + closing.length < opts.minBytes; i++) {
    emit(
      `<div class="comment" id="c${i}"><div class="meta"><a href="/user/${i % 997}">reader${i % 997}</a>` +
        `<time datetime="2026-11-29T00:00:00Z">Nov 29</time></div><p>${sentence(30 + Math.floor(rnd() * 30))}</p>` +
        `<div class="actions"><a href="#c${i}">Reply</a><a href="#c${i}">Like</a><span>${i % 50}</span></div></div>`,
      9,
    );
  }
  emit(closing, 2);
  return { html: parts.join(''), elements };
}
