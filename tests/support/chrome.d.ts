// The extension API as seen inside the service worker, for code the tests run there
// (worker.evaluate): typed like WXT's `browser`.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
