// The export's one option, kept apart from the reader settings (lib/settings.ts): whether the
// related items on other topics go into a copied or saved article. Local to this browser.
import { lazyItem } from '../storage-item';

export interface ExportOptions {
  /** Leave the off-topic related items out (else they follow under their own sub-heading). */
  dropOffTopic: boolean;
}

export const exportOptionsItem = lazyItem<ExportOptions>('local:exportOptions', {
  fallback: { dropOffTopic: false },
});

export async function loadExportOptions(): Promise<ExportOptions> {
  const value = await exportOptionsItem.getValue();
  return { dropOffTopic: value?.dropOffTopic === true };
}

export function saveExportOptions(options: ExportOptions): Promise<void> {
  return exportOptionsItem.setValue({ dropOffTopic: options.dropOffTopic === true });
}
