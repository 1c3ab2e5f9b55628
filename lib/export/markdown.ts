// Pure conversion of an extraction to Markdown (issue 18, "Take it away"). Turndown is imported
// dynamically so it is only loaded when the reader asks for Markdown: never in the content script that
// runs on every page, never in the popup's first bundle.
import type { Extraction, RelatedBlock, RelatedItem } from '../extract/types';

/** YAML double-quoted scalar: safe for any text (quotes, colons, newlines, CJK). */
function yamlString(value: string): string {
  return JSON.stringify(value.replace(/\s+/g, ' ').trim());
}

/** Front matter with title, URL, byline, site, date and language (only the fields the page gives). */
export function frontMatter(x: Extraction): string {
  const a = x.article;
  const fields: [string, string | undefined][] = [
    ['title', a?.title ?? x.page?.title],
    ['url', x.url],
    ['byline', a?.byline],
    ['site', a?.siteName ?? x.page?.siteName],
    ['date', a?.publishedTime],
    ['lang', a?.lang || x.detection.lang || undefined],
  ];
  const lines = fields.filter(([, v]) => v && v.trim()).map(([k, v]) => `${k}: ${yamlString(v!)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Escape text for a Markdown link label: brackets and backslashes would end or break the label. */
function linkText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\[\]*_`<>])/g, '\\$1');
}

/** Only http(s) links leave the reader (page content is untrusted). */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href.replace(/[()\s]/g, (c) => encodeURIComponent(c));
  } catch {
    return null;
  }
}

function itemLine(item: RelatedItem): string | null {
  const url = safeUrl(item.url);
  if (!url || !item.title.trim()) return null;
  const snippet = item.snippet?.replace(/\s+/g, ' ').trim();
  return `- [${linkText(item.title)}](${url})${snippet ? ` — ${linkText(snippet)}` : ''}`;
}

export interface RelatedOptions {
  /** Leave off-topic items out instead of listing them under their own sub-heading. */
  dropOffTopic?: boolean;
  /** Every item in the page's order, none set apart (the reader's "page order" setting). */
  pageOrder?: boolean;
  /** Sub-heading for off-topic items, in the UI language. */
  offTopicHeading?: string;
  /** Heading for a block the page gave no heading. */
  untitledHeading?: string;
}

/** One related block as the reader shows it: the items it lists first, and those it folds away. */
export interface RelatedGroup {
  heading: string;
  first: RelatedItem[];
  off: RelatedItem[];
}

const gradeOf = (item: RelatedItem) => item.relevance?.grade ?? 'on';

/**
 * The related blocks grouped as the reader shows them (components/RelatedList.tsx): on-topic items
 * first, then the near ones, then the off-topic ones set apart; in page order, all of them as the
 * page lists them. Items without an http(s) URL or a title are left out, and so are empty blocks.
 */
export function relatedGroups(blocks: RelatedBlock[], opts: RelatedOptions = {}): RelatedGroup[] {
  const usable = (item: RelatedItem) => safeUrl(item.url) !== null && item.title.trim() !== '';
  return blocks
    .map((block) => {
      const items = block.items.filter(usable);
      const first = opts.pageOrder
        ? items
        : [...items.filter((i) => gradeOf(i) === 'on'), ...items.filter((i) => gradeOf(i) === 'near')];
      const off = opts.pageOrder || opts.dropOffTopic ? [] : items.filter((i) => gradeOf(i) === 'off');
      return { heading: block.heading, first, off };
    })
    .filter((group) => group.first.length || group.off.length);
}

/**
 * The related blocks as Markdown, grouped as the reader shows them: each block under its own heading,
 * on-topic and near items first, off-topic ones under a sub-heading (or left out).
 */
export function relatedMarkdown(blocks: RelatedBlock[], opts: RelatedOptions = {}): string {
  const out: string[] = [];
  for (const group of relatedGroups(blocks, opts)) {
    const lines = group.first.map(itemLine).filter((l): l is string => l !== null);
    const offLines = group.off.map(itemLine).filter((l): l is string => l !== null);
    out.push(`## ${linkText(group.heading || opts.untitledHeading || 'Related')}`, '');
    if (lines.length) out.push(...lines, '');
    if (offLines.length) out.push(`### ${linkText(opts.offTopicHeading ?? 'Other topics')}`, '', ...offLines, '');
  }
  return out.join('\n').trim();
}

/** The whole page as Markdown: front matter, title, article body, related blocks. */
export async function toMarkdown(x: Extraction, opts: RelatedOptions = {}): Promise<string> {
  const [{ default: TurndownService }, { gfm }] = await Promise.all([
    import('turndown'),
    import('@joplin/turndown-plugin-gfm'),
  ]);
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
  }).use(gfm);
  const title = x.article?.title ?? x.page?.title ?? '';
  const parts = [frontMatter(x).trimEnd()];
  if (title.trim()) parts.push(`# ${service.escape(title.replace(/\s+/g, ' ').trim())}`);
  if (x.article?.contentHtml) parts.push(service.turndown(x.article.contentHtml));
  const related = relatedMarkdown(x.related, opts);
  if (related) parts.push(related);
  return parts.join('\n\n').trim() + '\n';
}
