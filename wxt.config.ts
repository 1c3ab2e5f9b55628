import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// SIFT_E2E=1 builds the extension for the browser tests into .output/e2e-chrome-mv3: a test
// cannot click the toolbar button, so it cannot get activeTab, and instead gets host access and
// `tabs` (to find its tabs by URL). The shipped manifest never has either.
const e2e = process.env.SIFT_E2E === '1';
// Issue 19: a site's access is asked for when the reader asks for something that needs it
// (reader mode by itself on a site, Open in Sift); nothing at install.
const SITE_ACCESS = ['http://*/*', 'https://*/*'];

const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/**
 * webextension-polyfill (the owner's stack, through @wxt-dev/webextension-polyfill) for the
 * background and the extension pages. Not for the scripts that run in web pages: the content
 * script runs on every page load with a 16 KB budget that the polyfill alone would take 10 KB of
 * (issue 4), and the injected extractor and reader only need runtime.sendMessage, which is
 * promise-based natively in Chrome MV3 and Firefox. The module itself would alias every bundle.
 */
const POLYFILL_ALIAS = { find: /^wxt\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' };
const IN_WEB_PAGES = new Set(['content-script', 'unlisted-script']);

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: [],
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.some((e) => IN_WEB_PAGES.has(e.type))) return;
      config.resolve ??= {};
      const alias = config.resolve.alias ?? [];
      config.resolve.alias = [
        POLYFILL_ALIAS,
        ...(Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))),
      ];
    },
  },
  outDirTemplate: `${e2e ? 'e2e-' : ''}{{browser}}-mv{{manifestVersion}}`,
  vite: () => ({
    plugins: [preact()],
    // The test build lets the browser tests call the link menu's click (entrypoints/background/link-menu.ts).
    define: { __SIFT_E2E__: JSON.stringify(e2e) },
    ...(process.env.SIFT_NOMINIFY === '1' ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser, manifestVersion }) => ({
    // The browser's own i18n: public/_locales/{en,zh_CN}/messages.json (issue 6).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // activeTab + scripting: read the page (extractor, reader mode) only when the reader asks,
    // by the toolbar button or the shortcut. storage: settings and per-tab state. contextMenus:
    // "Open in Sift" on links (issue 19; Firefox takes the same name for its menus API).
    permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', ...(e2e ? ['tabs'] : [])],
    ...(e2e ? { host_permissions: ['<all_urls>'] } : {}),
    // (WXT drops optional_host_permissions from an MV2 manifest: there they are optional_permissions.)
    ...(manifestVersion === 2 ? { optional_permissions: SITE_ACCESS } : { optional_host_permissions: SITE_ACCESS }),
    // Tighter than the default for the popup (issue 5): it shows page content, so no plugins, no
    // <base>, no form submission and no frames, even if something slipped past the sanitiser.
    content_security_policy:
      manifestVersion === 2
        ? EXTENSION_PAGES_CSP
        : { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_extName__' },
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggleReader__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sift-reader@example.org',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
