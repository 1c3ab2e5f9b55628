// The reader's article as sentences to speak, each with a DOM Range over the text it came from, so
// the sentence being read can be highlighted (CSS Custom Highlight API: no element is added, and
// the page's own DOM is never touched: this runs on the reader's copy only).
import { splitSentences } from '@/lib/reader/sentences';

export interface SpokenSentence {
  text: string;
  range: Range;
  /** The block it is in (a paragraph, a heading, a list item): what is kept in view. */
  block: Element;
}

// Text in these is read as its own run of sentences.
const BLOCK = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, th, td, div, section, article, header, footer, aside, figure, main';
// Not read: code blocks, the meta line (source, byline, reading time), the reader's own tools
// (contents, export, progress), what is not shown.
const SKIP = 'pre, script, style, template, noscript, svg, math, button, .sift-meta, .sift-toc, .sift-export, .sift-progress, .sift-broken, [hidden], [aria-hidden="true"]';

export function sentencesIn(root: Element, lang: string | undefined): SpokenSentence[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) && root.contains(node.parentElement!.closest(SKIP)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const sentences: SpokenSentence[] = [];
  let run: { block: Element; nodes: Text[] } | null = null;
  const flush = () => {
    if (run) sentences.push(...runSentences(doc, run.block, run.nodes, lang));
    run = null;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const block = text.parentElement?.closest(BLOCK) ?? root;
    if (!run || run.block !== block) {
      flush();
      run = { block, nodes: [] };
    }
    run.nodes.push(text);
  }
  flush();
  return sentences;
}

function runSentences(doc: Document, block: Element, nodes: Text[], lang: string | undefined): SpokenSentence[] {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  // The text node and offset of a position in the run; `end`: a position at a node's end stays in it.
  const at = (position: number, end: boolean): [Text, number] => {
    let i = nodes.length - 1;
    while (i > 0 && (end ? starts[i] >= position : starts[i] > position)) i--;
    return [nodes[i], position - starts[i]];
  };
  return splitSentences(text, lang).map((sentence) => {
    const range = doc.createRange();
    range.setStart(...at(sentence.start, false));
    range.setEnd(...at(sentence.end, true));
    return { text: sentence.text, range, block };
  });
}
