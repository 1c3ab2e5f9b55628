// What the popup and reader mode both hold for the reader view they show: the settings (kept in
// step with changes made in the other view), whether the settings panel is open, the related items
// opened from this view, and the related list's controls (its order, summaries, marks, grades).
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import type { GradeCounts } from '@/lib/reader/grade-related';
import type { RelatedControls } from './ReaderView';
import { useSiteMarks } from './use-site-marks';

export interface ReaderStateOptions {
  /** The settings as read before the first frame; without them the defaults show until they load. */
  initialSettings?: Settings;
  /** Items already opened from the page (the background's record). */
  initialOpened?: readonly string[];
  /** The site whose "Related" / "Not related" marks apply (nothing is loaded for null). */
  site: string | null;
  /** Hears when storing a setting or a mark fails (the popup says so; reader mode stays quiet). */
  onSaveError?: (err: unknown) => void;
  /** The related list has been graded against the article (the toolbar tooltip follows). */
  onGraded?: (counts: GradeCounts) => void;
}

export function useReaderState({ initialSettings, initialOpened, site, onSaveError, onGraded }: ReaderStateOptions) {
  const [settings, setSettings] = useState<Settings>(initialSettings ?? DEFAULT_SETTINGS);
  const [showSettings, setShowSettings] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(initialOpened ?? []));
  const [counts, setCounts] = useState<GradeCounts | null>(null);

  useEffect(() => {
    if (!initialSettings) loadSettings().then(setSettings, () => {});
    return watchSettings(setSettings);
  }, []);
  const [marks, mark] = useSiteMarks(site, onSaveError);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    saveSettings(next).catch((err) => onSaveError?.(err));
  };
  const markOpened = (url: string) => setOpened((prev) => new Set(prev).add(url));

  const controls: RelatedControls = {
    pageOrder: settings.relatedPageOrder,
    showSummaries: settings.showSummaries,
    onShowSummaries: (show) => changeSettings({ ...settings, showSummaries: show }),
    marks,
    onMark: mark,
    onGraded: (graded) => {
      setCounts(graded);
      onGraded?.(graded);
    },
  };

  return { settings, changeSettings, showSettings, setShowSettings, opened, setOpened, markOpened, counts, controls };
}
