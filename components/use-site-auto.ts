// Whether a site is set to "always use reader mode" (lib/settings.ts, sites), kept in step with
// changes made anywhere (the options page, the other view). Null while it is read.
import { useEffect, useState } from 'preact/hooks';
import { loadSites, watchSites } from '@/lib/settings';

export function useSiteAuto(host: string | null): boolean | null {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    if (!host) return;
    let live = true;
    loadSites().then((table) => live && setOn(table[host]?.auto === true), () => live && setOn(false));
    const unwatch = watchSites((table) => setOn(table[host]?.auto === true));
    return () => {
      live = false;
      unwatch();
    };
  }, [host]);
  return on;
}
