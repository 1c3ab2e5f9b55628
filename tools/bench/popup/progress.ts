// Issue 4's "the popup shows progress and stays responsive", on a page that takes long to read
// (the generated 5 MB page): measureProgress opens the popup on it, judgeProgress says whether
// the openings passed.
import type { PageSource } from '../../chromium/pages';
import type { CdpPipe } from '../../../tests/support/cdp-pipe';
import { evaluateOnceOpen, serveInTab, ARTICLE_TIMING } from './cdp-tabs';
import { afterClick, inPage, outcome, watchAndFindButton, watched, type Outcome } from './probes';
import type { ProgressMeasure, ProgressOpening } from './types';

/** What the openings of measureProgress say against issue 4's "shows progress and stays responsive". */
export interface ProgressVerdict {
  /**
   * Openings that painted the skeleton before the answer and, when the answer came more than
   * `slowMs` (and a frame) after the skeleton, said in words that they were still reading: the
   * skeleton's own timer starts the words (components/States.tsx), so an answer 1.1 s after the
   * popup opened but 0.9 s after its skeleton owes none (a quiet machine reads the 5 MB page that fast).
   */
  showedProgress: number;
  /** Openings whose click, sent while the page was read, opened Settings before the answer. */
  answeredClicks: number;
  /** The longest input delay of those clicks; null when an opening sent none. */
  worstInputDelayMs: number | null;
  longestTaskBeforeAnswer: number;
  longestTaskAfterAnswer: number;
  /** Every opening showed progress; every click was answered while reading, within `maxDelayMs`. */
  progressOk: boolean;
  responsiveOk: boolean;
}

export function judgeProgress(openings: ProgressOpening[], slowMs: number, maxDelayMs = 100): ProgressVerdict {
  const showed = ({ skeletonAt, wordsAt, answerAt }: ProgressOpening) =>
    skeletonAt != null && answerAt != null && skeletonAt < answerAt && (answerAt - skeletonAt <= slowMs + 100 || (wordsAt != null && wordsAt < answerAt));
  const showedProgress = openings.filter(showed).length;
  const answeredClicks = openings.filter((o) => o.answeredClickWhileReading).length;
  const delays = openings.map((o) => o.inputDelayMs);
  const worstInputDelayMs = openings.length && delays.every((d) => d != null) ? Math.max(...(delays as number[])) : null;
  const longest = (pick: (o: ProgressOpening) => number) => Math.max(0, ...openings.map(pick));
  return {
    showedProgress,
    answeredClicks,
    worstInputDelayMs,
    longestTaskBeforeAnswer: longest((o) => o.longestTaskBeforeAnswer),
    longestTaskAfterAnswer: longest((o) => o.longestTaskAfterAnswer),
    progressOk: openings.length > 0 && showedProgress === openings.length,
    responsiveOk: worstInputDelayMs != null && worstInputDelayMs <= maxDelayMs && answeredClicks === openings.length,
  };
}

const PROGRESS_OPENINGS = 3;
const SETTINGS_BUTTON = 'button[aria-controls="sift-settings"]';


/**
 * The popup on a page that takes long to read (the generated 5 MB page): it must show the reader
 * it is at work and answer them meanwhile, since the reading happens in the page. Each opening
 * follows a reload of the page (nothing cached); a click on Settings is sent while the page is
 * still being read.
 */
export async function measureProgress(cdp: CdpPipe, popupBase: string, source: PageSource, workerSession: string): Promise<ProgressMeasure> {
  const tab = await serveInTab(cdp, source, workerSession);
  const openings: ProgressOpening[] = [];
  try {
    for (let i = 0; i < PROGRESS_OPENINGS; i++) {
      if (i > 0) await tab.reload();
      // The content script reports the load, which drops the cached extraction: give it time.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: `${popupBase}?tab=${tab.tabId}` });
      try {
        const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
        const at = JSON.parse(await evaluateOnceOpen(cdp, sessionId, inPage(watchAndFindButton, SETTINGS_BUTTON))) as { x: number; y: number } | null;
        let answeredClickWhileReading = false;
        if (at) {
          for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
            await cdp.send('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: 1 }, sessionId);
          }
          const after = JSON.parse(await cdp.evaluate<string>(sessionId, inPage(afterClick))) as { open: boolean; answered: boolean };
          answeredClickWhileReading = after.open && !after.answered;
        }
        const seen = JSON.parse(await cdp.evaluate<string>(sessionId, inPage(outcome, ARTICLE_TIMING))) as Outcome;
        await new Promise((resolve) => setTimeout(resolve, 1000)); // the rest of the article renders
        const saw = JSON.parse(await cdp.evaluate<string>(sessionId, inPage(watched))) as Pick<ProgressOpening, 'wordsAt' | 'longestTaskBeforeAnswer' | 'longestTaskAfterAnswer'> & {
          firstInput: { at: number; delay: number } | null;
        };
        openings.push({
          skeletonAt: seen.firstPaint,
          wordsAt: saw.wordsAt,
          answerAt: seen.answer,
          paintedAt: seen.paintedAt,
          clickAt: saw.firstInput?.at ?? null,
          inputDelayMs: saw.firstInput?.delay ?? null,
          answeredClickWhileReading,
          longestTaskBeforeAnswer: saw.longestTaskBeforeAnswer,
          longestTaskAfterAnswer: saw.longestTaskAfterAnswer,
        });
      } finally {
        await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
      }
    }
  } finally {
    await tab.close();
  }
  return { page: source.id, openings, note: `${openings.length} openings, each after a reload of the page` };
}

