// Issue 19 in the background: reader mode's "Pick the article" and "Remove" made a rule for its
// tab's site. Stored (lib/settings.ts), then the page is read again with the site's rules
// (read-tab.ts hands them to the extractor as data) and reader mode shows what was kept there.
// Wiring only; what a rule is and how it is checked is lib/sites/site-rules.ts.
import type { Browser } from 'wxt/browser';
import { onMessage } from '@/lib/messages';
import { serialQueue } from '@/lib/task-queue';
import { updateSite } from '@/lib/settings';
import { RULE_ACTIONS, siteKey, validSelector, type RuleAction } from '@/lib/sites/site-rules';
import { forgetExtraction, rememberExtraction } from './extraction-cache';
import { extractInTab } from './read-tab';

type Sender = Browser.runtime.MessageSender;

// One rule at a time: each is a read-change-write of the stored table, and two removals in a row
// (two clicks) would otherwise both read the table before either wrote it, and one would be lost.
const rulesQueue = serialQueue();

export function wireRules(contentTab: (sender: Sender) => number | null): void {
  onMessage('siteRule', async ({ data, sender }) => {
    const tabId = contentTab(sender);
    const url = sender.url ?? sender.tab?.url;
    const host = siteKey(url);
    const action = data?.action as RuleAction;
    const selector = data?.selector;
    // The rule is for the sender's own site only, and must be a rule at all (a string within the limits).
    if (tabId == null || !host || !RULE_ACTIONS.includes(action) || !validSelector(selector)) return false;
    await rulesQueue.run(() => updateSite(host, (prefs) => ({ ...prefs, rules: [...prefs.rules, { action, selector }] })));
    forgetExtraction(tabId);
    // Reader mode shows what Readability finds even where detection saw no article (as readForReader).
    const answer = await extractInTab(tabId, url, true, true);
    if ('status' in answer) return false;
    rememberExtraction(tabId, url, answer.extraction);
    return true;
  });
}
