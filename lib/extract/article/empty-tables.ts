// Layout tables left empty once a page's decoration is gone: old table-layout pages draw corners
// and gaps with tiny images and hold ads in cells that are only a script. Readability keeps such a
// table when it sits in the article's container, and the reader then draws empty bordered boxes.
import { SILENT_TAGS } from '../text';

/** What a reader can see besides text; an image counts unless it is a spacer or a corner piece. */
const MEDIA = 'picture, video, audio, iframe, svg, canvas, object, embed, math';
const SPACER_PX = 16;
const isSpacer = (img: Element) => {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return w > 0 && h > 0 && w <= SPACER_PX && h <= SPACER_PX;
};

/**
 * A layout table with nothing in it to read or see: corner images, spacers, an ad cell that is
 * only a script (corpus page readability-hukumusume). The reader would draw it as empty boxes.
 */
export function isEmptyLayoutTable(table: Element): boolean {
  if (table.querySelector(MEDIA) || !Array.from(table.getElementsByTagName('img')).every(isSpacer)) return false;
  const walker = table.ownerDocument.createTreeWalker(table, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/\S/.test((n as Text).data) && !SILENT_TAGS.test(n.parentElement?.localName ?? '')) return false;
  }
  return true;
}
