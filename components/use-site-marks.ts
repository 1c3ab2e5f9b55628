// The reader's "Related" / "Not related" marks for one site (lib/reader/related-marks.ts), as the popup
// and reader mode both hold them: loaded once, kept in step with changes made in the other view,
// and changed at once on screen while the change is stored.
import { useEffect, useState } from 'preact/hooks';
import { loadSiteMarks, saveMark, watchSiteMarks, type Mark, type SiteMarks } from '@/lib/reader/related-marks';

/**
 * The marks of `site` (null while they load; nothing is loaded for a null site) and a function
 * that marks an item (null clears its mark). `onSaveError` hears when storing a mark fails.
 */
export function useSiteMarks(site: string | null, onSaveError?: (err: unknown) => void): [SiteMarks | null, (url: string, mark: Mark | null) => void] {
  const [marks, setMarks] = useState<SiteMarks | null>(null);
  // The grading waits for them, and follows changes made elsewhere.
  useEffect(() => {
    if (site === null) return;
    let live = true;
    loadSiteMarks(site).then((m) => live && setMarks(m), () => live && setMarks({}));
    const unwatch = watchSiteMarks(site, setMarks);
    return () => {
      live = false;
      unwatch();
    };
  }, [site]);
  const mark = (url: string, value: Mark | null) => {
    if (site === null) return;
    setMarks((prev) => {
      const next = { ...prev };
      if (value) next[url] = value;
      else delete next[url];
      return next;
    });
    saveMark(site, url, value).catch((err) => onSaveError?.(err));
  };
  return [marks, mark];
}
