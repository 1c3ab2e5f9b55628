// The info line Chinese CMSs (DedeCMS, PHPCMS, Discuz portals) print under the headline instead
// of any markup Readability reads: "时间:2023-03-15 10:32 来源:微软科技 作者:admin 点击:…次"
// (fixture seed-dedecms). Read from the original page before Readability changes it.
import { collapseWhitespace } from '../text';

/** Labels that start an info line. */
const LABEL = /(?:发布|发表|更新)?(?:时间|日期)|作者|来源|出处|编辑|责任编辑|发表于/;
const DATE =
  /(?:发布|发表|更新)?(?:时间|日期)[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const AUTHOR = /(?:作者|责任编辑|编辑)[:：]\s*([^\s:：|｜/]{1,24})/;
const SOURCE = /(?:来源|出处)[:：]\s*([^\s:：|｜/]{1,30})/;
/** CMS defaults that name nobody. */
const PLACEHOLDER = /^(?:admin|administrator|管理员|佚名|未知|本站|小编|editor|webmaster|网络)$/i;
/** Text nodes looked at, at most: the line sits near the top of the page. */
const MAX_NODES = 4000;
/** A block longer than this is prose, not an info line. */
const MAX_LINE = 200;

export interface CmsInfo {
  /** The author, else the source, when the page names one. */
  byline?: string;
  /** ISO 8601 date (and local time when given): "2023-03-15T10:32:00". */
  date?: string;
}

const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');

/** A full date, with its time when given, written without a label: "2020-06-05 20:35", "2019年11月25日 16:04:30". */
const BARE_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
/** Text nodes after the headline looked at for its info line. */
const AFTER_TITLE = 40;

/** A name as portals print their source: letters only, a few words at most. */
const NAME = /^[\p{L}\p{M}·・&' .-]{2,24}$/u;
/** The words of the tools that share an info line with the date (share, comment, print, font size). */
const TOOL = /分享|收藏|评论|打印|字号|字体|举报|关注|订阅|纠错|返回|放大|缩小|微博|微信|手机|二维码|share|print|comment|follow|subscribe|email/i;

/** A leaf element's text when it reads as a name, else undefined. */
function nameIn(el: Element): string | undefined {
  if (el.childElementCount) return undefined;
  // Not a control: share links go nowhere ("javascript:"), dialogs' buttons say "取消".
  if (el.closest('button, [role="button"], dialog, [role="dialog"], form, nav')) return undefined;
  const href = el.localName === 'a' ? el.getAttribute('href')?.trim() ?? '' : null;
  if (href !== null && (!href || href.startsWith('#') || /^javascript:/i.test(href))) return undefined;
  const text = collapseWhitespace(el.textContent ?? '');
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return NAME.test(text) && letters >= 2 && !TOOL.test(text) && !LABEL.test(text) && !PLACEHOLDER.test(text) ? text : undefined;
}

/**
 * The source that a portal prints beside the date without a label ("2019年09月07日 04:04 北京日报",
 * news.sina's line, where the name is a link to the paper): the first element after the date whose
 * text is a name and not a tool; with the names beside it when they share a box of names only
 * (huanqiu's three authors, "叨叨姐、胡一刀、李小飞刀").
 */
function unlabelledSource(line: Element, dateNode: Node): string | undefined {
  for (const el of Array.from(line.querySelectorAll('a, span, em, cite, strong, b'))) {
    if (!(dateNode.compareDocumentPosition(el) & 4 /* FOLLOWING */)) continue;
    const name = nameIn(el);
    if (!name) continue;
    const box = el.parentElement;
    if (!box || box === line || box.childElementCount < 2) return name;
    const names = Array.from(box.children).map(nameIn);
    if (names.some((n) => !n) || collapseWhitespace(box.textContent ?? '') !== names.join(' ')) return name;
    return names.join(names.every((n) => /^[\p{Script=Han}·]+$/u.test(n!)) ? '、' : ', ');
  }
  return undefined;
}

function lineInfo(text: string, date: RegExpExecArray): CmsInfo {
  const [, y, mo, d, h, mi, s] = date;
  const info: CmsInfo = { date: `${y}-${pad(mo)}-${pad(d)}${h ? `T${pad(h)}:${mi}:${pad(s)}` : ''}` };
  const author = AUTHOR.exec(text)?.[1];
  const source = SOURCE.exec(text)?.[1];
  const byline = [author, source].find((name) => name && !PLACEHOLDER.test(name));
  if (byline) info.byline = byline;
  return info;
}

/**
 * The info line right under the headline when it carries no label, only a date (and maybe a
 * source): "<h1>…</h1><div><span>2020-06-05 20:35</span><span>来源：…</span></div>". The headline is
 * the text that equals `title`; the date must come within a few text nodes after it.
 */
export function infoNearTitle(doc: Document, title: string): CmsInfo {
  const body = doc.body;
  const wanted = collapseWhitespace(title);
  if (!body || !wanted) return {};
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  let after = -1;
  for (let n = walker.nextNode(); n && seen < MAX_NODES; n = walker.nextNode(), seen++) {
    const data = (n as Text).data;
    if (after < 0) {
      if (data.length < wanted.length || data.length > wanted.length * 2 + 20) continue;
      if (collapseWhitespace(data) === wanted) after = 0;
      continue;
    }
    if (++after > AFTER_TITLE) break;
    if (data.length > 80 || !/\d{4}/.test(data)) continue;
    if (!BARE_DATE.test(data)) continue;
    // The line: the widest ancestor still short enough to be one (names sit in sibling spans).
    let line = n.parentElement;
    for (let level = 0; line?.parentElement && line.parentElement !== body && level < 2; level++) {
      if (collapseWhitespace(line.parentElement.textContent ?? '').length > MAX_LINE) break;
      line = line.parentElement;
    }
    const text = line ? collapseWhitespace(line.textContent ?? '') : '';
    const whole = text.length <= MAX_LINE && BARE_DATE.test(text);
    const usable = whole ? text : data;
    const info = lineInfo(usable, BARE_DATE.exec(usable)!);
    if (!info.byline && whole && line) {
      const source = unlabelledSource(line, n);
      if (source) info.byline = source;
    }
    return info;
  }
  return {};
}

/** The page's CMS info line, read; empty when it has none. */
export function cmsInfo(doc: Document): CmsInfo {
  const body = doc.body;
  if (!body) return {};
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < MAX_NODES; n = walker.nextNode(), seen++) {
    const data = (n as Text).data;
    if (data.length > 80 || !LABEL.test(data)) continue;
    // The line is the nearest ancestor that holds a date: labels often sit in their own <small>/<span>.
    for (let el = n.parentElement, level = 0; el && el !== body && level < 3; el = el.parentElement, level++) {
      const text = collapseWhitespace(el.textContent ?? '');
      if (text.length > MAX_LINE) break;
      const date = DATE.exec(text);
      if (!date) continue;
      return lineInfo(text, date);
    }
  }
  return {};
}
