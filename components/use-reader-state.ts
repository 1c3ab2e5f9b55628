// What the popup and reader mode both hold for the reader view they show: the settings (kept in
// step with changes made in the other view), whether the settings panel is open, the related items
// opened from this view, and the related list's controls (its order, summaries, marks, grades).
// The site's marks come from the view's own useSiteMarks call, placed where its effect ran before
// this hook existed: the popup asks for its page first, and a rapid-clicks race
// (tests/e2e/broken-pages.test.ts) lost a click when the marks were read earlier.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import type { GradeCounts } from '@/lib/reader/grade-related';
import type { Mark, SiteMarks } from '@/lib/reader/related-marks';
import type { RelatedControls } from './ReaderView';

export interface ReaderStateOptions {
  /** The settings as read before the first frame; without them the defaults show until they load. */
  initialSettings?: Settings;
  /** Items already opened from the page (the background's record). */
  initialOpened?: readonly string[];
  /** Hears when storing a setting fails (the popup says so; reader mode stays quiet). */
  onSaveError?: (err: unknown) => void;
  /** The related list has been graded against the article (the toolbar tooltip follows). */
  onGraded?: (counts: GradeCounts) => void;
}

export function useReaderState({ initialSettings, initialOpened, onSaveError, onGraded }: ReaderStateOptions) {
  const [settings, setSettings] = useState<Settings>(initialSettings ?? DEFAULT_SETTINGS);
  const [showSettings, setShowSettings] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(initialOpened ?? []));
  const [counts, setCounts] = useState<GradeCounts | null>(null);

  useEffect(() => {
    if (!initialSettings) loadSettings().then(setSettings, () => {});
    return watchSettings(setSettings);
  }, []);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    saveSettings(next).catch((err) => onSaveError?.(err));
  };
  const markOpened = (url: string) => setOpened((prev) => new Set(prev).add(url));

  /** The related list's controls, with the site's marks (components/use-site-marks.ts). */
  const relatedControls = (marks: SiteMarks | null, mark: (url: string, value: Mark | null) => void): RelatedControls => ({
    pageOrder: settings.relatedPageOrder,
    showSummaries: settings.showSummaries,
    onShowSummaries: (show) => changeSettings({ ...settings, showSummaries: show }),
    marks,
    onMark: mark,
    onGraded: (graded) => {
      setCounts(graded);
      onGraded?.(graded);
    },
  });

  return { settings, changeSettings, showSettings, setShowSettings, opened, setOpened, markOpened, counts, relatedControls };
}
