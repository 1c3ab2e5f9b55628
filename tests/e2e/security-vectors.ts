// The hostile vectors: the 185 shared ones (../shared/security, read in place, never copied) and
// Sift's own (tests/security/sift-vectors.json), in the format of ../shared/security/README.md §1,
// and the pages built from them (§3.1).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHARED } from '../support/paths';

export const SHARED_SECURITY = join(SHARED, 'security');
export const OWN_VECTORS = join(ROOT, 'tests', 'security', 'sift-vectors.json');

export interface Vector {
  id: string;
  where: 'article' | 'related' | 'both';
  slot?: 'head';
  category: string;
  source: string;
  trigger: string[];
  html: string;
  note: string;
  legacyEngineOnly?: boolean;
  rawFiresInChromium?: boolean;
  unsafeUrl?: boolean;
  expectText?: string | string[];
  expectHref?: string;
  forbidElements?: string[];
  forbidAttributes?: string[];
  noNetwork?: string[];
  noNavigation?: boolean;
  clobberNames?: string[];
}

export interface VectorSet {
  template: string;
  shared: Vector[];
  own: Vector[];
}

/**
 * Loads both sets, or says why not. Without ../shared/security the suite is skipped locally
 * (with this message) and fails on CI, which always has it.
 */
export function loadVectors(): { set: VectorSet; missing?: undefined } | { set?: undefined; missing: string } {
  const template = join(SHARED_SECURITY, 'page-template.html');
  const vectors = join(SHARED_SECURITY, 'vectors.json');
  if (!existsSync(template) || !existsSync(vectors)) {
    return { missing: `${SHARED_SECURITY} (vectors.json, page-template.html) is absent: the hostile-page suite needs it.` };
  }
  return {
    set: {
      template: readFileSync(template, 'utf8'),
      shared: JSON.parse(readFileSync(vectors, 'utf8')) as Vector[],
      own: JSON.parse(readFileSync(OWN_VECTORS, 'utf8')) as Vector[],
    },
  };
}

/** The page for a group of vectors: each in its slots, each followed by a marker. */
export function buildPage(template: string, group: Vector[]): string {
  const head = group.filter((v) => v.slot === 'head').map((v) => v.html).join('\n');
  const body = group.filter((v) => v.slot !== 'head');
  const article = body
    .filter((v) => v.where !== 'related')
    .map((v) => `${articleSlot(v.html)}\n${articleMarker(v.id)}`)
    .join('\n');
  const related = body
    .filter((v) => v.where !== 'article')
    .map((v) => `${v.where === 'related' ? v.html : `<li class="related-item">${v.html}</li>`}\n${relatedMarker(v.id)}`)
    .join('\n');
  return fillTemplate(template, { head, article, related });
}

// Vectors that change the whole document (its base URL, a refresh, frames) or clobber the page's
// document.body / documentElement get a page of their own, so they cannot spoil a group. Whatever
// else swallows what follows it is found by the markers (security-run.ts) and split off.
const ALONE = /<base|http-equiv|<frameset|\bname\s*=\s*["']?(body|head|documentElement|defaultView)\b/i;

/** Groups vectors into pages of `size`; vectors that would spoil a group stand alone. */
export function groupVectors(vectors: Vector[], size: number): Vector[][] {
  const groups: Vector[][] = [];
  let current: Vector[] = [];
  for (const v of vectors) {
    if (v.slot === 'head' || ALONE.test(v.html)) {
      groups.push([v]);
      continue;
    }
    current.push(v);
    if (current.length === size) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

export function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Fills the slots of ../shared/security/page-template.html (its README §3.1). */
export function fillTemplate(template: string, slots: { head?: string; article?: string; related?: string }): string {
  const head = slots.head ?? '';
  const title = /<title[\s>]/i.test(head)
    ? ''
    : '<title>Regional council approves long-debated transit plan | Example News</title>\n';
  // Function replacers: a vector's `$&` or `$'` must stay literal.
  return template
    .replace('{{HEAD}}', () => title + head)
    .replace('{{ARTICLE}}', () => slots.article ?? '')
    .replace('{{RELATED}}', () => slots.related ?? '');
}

/**
 * A vector's place in the article body: a block of its own, as a CMS embeds a snippet. Its end tag
 * closes what the vector leaves open (an unclosed <form>, <button> or <div>), which would
 * otherwise carry every following marker into an element that clean-up, Readability or the
 * sanitiser rightly drops with its content. What no end tag closes (raw text such as <xmp> or
 * <noembed>, foreign content under <mtext>) is still found by the markers (markersInPage).
 */
export function articleSlot(html: string): string {
  // The newline first, as before a marker: a vector that ends inside a tag (ow-25's `</script`)
  // must meet whitespace, not `</div>`, to end as the raw page would end it.
  return `<div class="vector">${html}\n</div>`;
}

/** An ordinary paragraph after each vector in the article: Readability keeps it, and it shows the vector did not swallow what follows. */
export function articleMarker(id: string): string {
  return `<p class="marker" data-marker="${id}">Marker ${id}. Council members also discussed parking, bus frequency and the cost of fares over the coming decade, and promised a further public hearing.</p>`;
}

/** An ordinary related item after each vector in the related list, for the same reason. */
export function relatedMarker(id: string): string {
  return `<li class="related-item" data-marker="${id}"><a href="/2024/05/marker-${id}.html"><h3>Marker story after ${id}</h3></a><p class="snippet">An ordinary snippet after ${id}.</p></li>`;
}
