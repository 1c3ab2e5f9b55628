// Page-side entry of the bench and of `eval --browser`: bundled (with lib/ and Readability) into
// one IIFE (tools/chromium/pages.ts buildPageBundle) that bench and eval-browser inject into a
// page loaded in Chromium; its exports are globalThis.__siftBench. Everything here runs in the
// page, so timings are the browser's own, not happy-dom's.
export * from './timing';
export * from './measure-page';
export * from './eval-page';
