// While reader mode is on, printing prints the reader, not the page behind it: a print-only
// style sheet hides everything in the page but Sift's host element. It is adopted (not a
// <style> in the page's DOM), so the page's markup stays exactly as it was, and it goes on close.

const PRINT_CSS = `@media print {
  html, body { overflow: visible !important; height: auto !important; background: none !important; }
  body > :not(sift-reader), html > :not(head):not(body):not(sift-reader) { display: none !important; }
}`;

export interface PrintHide {
  restore(): void;
}

export function hidePageForPrint(doc: Document): PrintHide {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      restore() {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    // No constructable style sheets here (old engine, Firefox's content-script wrappers):
    // a <style> element instead, removed again on close.
    const style = doc.createElement('style');
    style.textContent = PRINT_CSS;
    (doc.head ?? doc.documentElement).append(style);
    return { restore: () => style.remove() };
  }
}
