// WXT's storage items, defined on first use (issue 16). storage.defineItem reads the item's value
// from the browser the moment it is defined, so every module that defined one at load cost the
// popup a storage round trip before its first frame (the sites, the marks, the reading positions,
// the export options: none of them shown in it). Defined lazily, an item is read when it is used.
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

/** The parts of a storage item Sift uses. */
export type LazyItem<T> = Pick<WxtStorageItem<T, {}>, 'getValue' | 'setValue' | 'removeValue' | 'watch'>;

/**
 * storage.defineItem(key, { fallback, version }) when first written, removed or watched. A read
 * before that is a plain storage.getItem with the fallback, which is what the item's getValue does
 * for an item with no migrations and no init (which is why neither can be given here).
 */
export function lazyItem<T>(key: StorageItemKey, options: { fallback: T; version?: 1 }): LazyItem<T> {
  let item: WxtStorageItem<T, {}> | undefined;
  const defined = () => (item ??= storage.defineItem<T>(key, options));
  return {
    getValue: () => (item ? item.getValue() : storage.getItem<T>(key, { fallback: options.fallback })),
    setValue: (value) => defined().setValue(value),
    removeValue: (opts) => defined().removeValue(opts),
    watch: (cb) => defined().watch(cb),
  };
}
