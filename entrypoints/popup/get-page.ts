// Asks the background what is on the tab (lib/messages.ts getPage). A long article's HTML comes
// separately over ARTICLE_CHANNEL, which the popup listens on before it asks.
import { ARTICLE_CHANNEL, sendMessage, type ArticlePost, type PageResult } from '@/lib/messages';

/** How long a long article may take to arrive after the answer that announced it. */
const ARTICLE_WAIT_MS = 10_000;

/** `anyway`: read the article even where detection found none ("Show anyway"). */
export async function getPage(tabId: number, anyway = false): Promise<PageResult> {
  const id = crypto.randomUUID();
  const channel = new BroadcastChannel(ARTICLE_CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const article = new Promise<string>((resolve, reject) => {
    channel.onmessage = (event: MessageEvent<ArticlePost>) => {
      if (event.data?.id === id && typeof event.data.contentHtml === 'string') resolve(event.data.contentHtml);
    };
    timer = setTimeout(() => reject(new Error('The article did not arrive.')), ARTICLE_WAIT_MS);
  });
  article.catch(() => {});
  try {
    const result = await sendMessage('getPage', { tabId, channel: id, ...(anyway ? { anyway } : {}) });
    if (result.status !== 'ok' || result.articleVia !== id || !result.extraction.article) return result;
    let contentHtml: string;
    try {
      contentHtml = await article;
    } catch {
      // No channel after all: the plain answer, with the article in it.
      return await sendMessage('getPage', { tabId, ...(anyway ? { anyway } : {}) });
    }
    return { ...result, extraction: { ...result.extraction, article: { ...result.extraction.article, contentHtml } } };
  } finally {
    clearTimeout(timer);
    // Closed after the answer has been shown: closing the channel took the popup a few ms, in
    // the task that renders the first frame (a CPU profile of the opening, issue 16).
    setTimeout(() => channel.close(), 0);
  }
}
