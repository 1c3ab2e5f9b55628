// Runs inside the popup or the page (page.evaluate): pokes every rendered element the way a reader
// would, then audits Sift's rendered reader view (../shared/security/README.md §3.3-3.4).
// Self-contained functions: Playwright sends their source, so they may use nothing from outside.

export interface AuditOptions {
  /** 'sift-reader' for the in-page overlay (an open shadow root); absent for the popup. */
  host?: string;
  forbidElements: string[];
  forbidAttributes: string[];
}

export interface AuditProblem {
  kind: 'element' | 'attribute' | 'url' | 'style' | 'control' | 'missing';
  detail: string;
  html: string;
}

export interface AuditResult {
  problems: AuditProblem[];
  /** Text of the title, meta line, article body, related titles and snippets. */
  texts: { title: string; meta: string; body: string; related: string[]; snippets: string[] };
  /** Every resolved link URL of the rendered view. */
  links: string[];
  /** Vector ids whose marker (see security-vectors.ts) reached the rendered article body / related list, once each. */
  markers: { article: string[]; related: string[] };
  elementCount: number;
}

/** Hovers, focuses and clicks every element of the rendered reader view; returns how many. */
export function pokeEverything(host: string | null): number {
  // A hostile page may clobber document and element methods by name (<img name=querySelector>,
  // <form><input name=dispatchEvent>): call them from the prototypes, and let one element that
  // still throws not stop the others.
  const query = Document.prototype.querySelector;
  const scope: Document | ShadowRoot | null | undefined = host ? (query.call(document, host) as Element | null)?.shadowRoot : document;
  const reader = scope instanceof Document ? query.call(scope, '.sift-reader') : scope?.querySelector('.sift-reader');
  if (!reader) return 0;
  const elements = Array.from(Element.prototype.querySelectorAll.call(reader, '*'));
  const dispatch = EventTarget.prototype.dispatchEvent;
  for (const el of elements) {
    try {
      const rect = Element.prototype.getBoundingClientRect.call(el);
      const init = { bubbles: true, cancelable: true, composed: true, clientX: rect.x + 1, clientY: rect.y + 1 };
      const fire = (types: string[]) => {
        for (const type of types) dispatch.call(el, type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
      };
      fire(['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove', 'pointerdown', 'mousedown']);
      const focus = el instanceof HTMLElement ? HTMLElement.prototype.focus : el instanceof SVGElement ? SVGElement.prototype.focus : null;
      focus?.call(el, { preventScroll: true });
      fire(['pointerup', 'mouseup', 'click', 'pointerout', 'pointerleave', 'mouseout', 'mouseleave']);
      dispatch.call(el, new FocusEvent('focusout', { bubbles: true, composed: true }));
      dispatch.call(el, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true }));
    } catch {
      // a clobbered or detached element: the next one is still poked
    }
  }
  try {
    (reader.lastElementChild ?? reader).scrollIntoView({ block: 'end' });
    reader.scrollIntoView({ block: 'start' });
  } catch {
    // scrolling is a courtesy
  }
  return elements.length;
}

/** Opens every collapsed related block and item summary (thumbnails render only when open). */
export function expandEverything(host: string | null): void {
  // Called in the popup or on the host page: the page may clobber document.querySelector.
  const scope: Document | ShadowRoot | null | undefined = host ? (Document.prototype.querySelector.call(document, host) as Element | null)?.shadowRoot : document;
  for (const details of scope?.querySelectorAll('details') ?? []) (details as HTMLDetailsElement).open = true;
  for (const more of scope?.querySelectorAll('button.sift-more[aria-expanded="false"]') ?? []) (more as HTMLElement).click();
}

export function auditReader(options: AuditOptions): AuditResult {
  const problems: AuditProblem[] = [];
  // The host page may clobber document.querySelector / baseURI by name: use the prototypes.
  const host = options.host ? Document.prototype.querySelector.call(document, options.host) : null;
  const scope: Document | ShadowRoot | null | undefined = options.host ? host?.shadowRoot : document;
  const reader = scope?.querySelector('.sift-reader');
  const empty = { title: '', meta: '', body: '', related: [], snippets: [] };
  if (!scope || !reader) {
    return { problems: [{ kind: 'missing', detail: 'no rendered reader view', html: '' }], texts: empty, links: [], markers: { article: [], related: [] }, elementCount: 0 };
  }
  const snip = (el: Element) => el.outerHTML.slice(0, 240);
  const forbidden = new Set(
    [
      'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'input',
      'button', 'textarea', 'select', 'template', 'noscript', 'style', 'portal', 'fencedframe', 'isindex',
      ...options.forbidElements,
    ].map((n) => n.toLowerCase()),
  );
  const forbiddenAttributes = new Set(['srcdoc', 'formaction', 'action', ...options.forbidAttributes].map((n) => n.toLowerCase()));
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'poster', 'action', 'formaction', 'data', 'background', 'ping', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'codebase']);
  const imageUrl = /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/i;
  const base = Object.getOwnPropertyDescriptor(Node.prototype, 'baseURI')!.get!.call(options.host ? document : scope) as string;
  const links: string[] = [];

  const checkUrl = (el: Element, attr: string, raw: string, image: boolean) => {
    const value = raw.trim();
    // In-article anchors ("#notes"): ArticleBody scrolls to them and never navigates.
    if (attr === 'href' && /^#[^\s]*$/.test(value)) return;
    let url: URL | null = null;
    try {
      url = new URL(value, base);
    } catch {
      url = null;
    }
    const ok = url && (url.protocol === 'http:' || url.protocol === 'https:' || (image && imageUrl.test(value)));
    if (!ok) problems.push({ kind: 'url', detail: `${el.localName}[${attr}] = ${value.slice(0, 120)}`, html: snip(el) });
    else if (attr === 'href' || attr === 'xlink:href') links.push(url!.href);
  };

  for (const el of reader.querySelectorAll('*')) {
    const name = el.localName.toLowerCase();
    // Sift's own controls in the related list (the summary toggles, "Open in Sift", "Related / Not related") are not page content.
    // So are the Export panel's buttons and checkbox in the article's header (issue 18).
    const siftControl =
      !el.closest('.sift-body') &&
      ((name === 'button' && ['sift-more', 'sift-in-sift', 'sift-mark', 'sift-show-summaries'].some((c) => el.classList.contains(c))) ||
        ((name === 'button' || (name === 'input' && el.getAttribute('type') === 'checkbox')) && el.closest('.sift-header > .sift-export') !== null));
    if (forbidden.has(name) && !siftControl) problems.push({ kind: 'element', detail: `<${name}>`, html: snip(el) });
    const image = ['img', 'source', 'image', 'picture'].includes(name);
    for (const attr of el.attributes) {
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) problems.push({ kind: 'attribute', detail: `${name}[${attrName}]`, html: snip(el) });
      if (forbiddenAttributes.has(attrName)) problems.push({ kind: 'attribute', detail: `${name}[${attrName}]`, html: snip(el) });
      if (urlAttributes.has(attrName)) checkUrl(el, attrName, attr.value, image || (attrName === 'poster' && name === 'video'));
      if (attrName === 'srcset' || attrName === 'imagesrcset') {
        for (const candidate of attr.value.split(/,(?=\s*[a-z][a-z0-9+.-]*:|\s*\/)/i)) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) checkUrl(el, attrName, url, true);
        }
      }
      if (attrName === 'style') {
        for (const match of attr.value.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) checkUrl(el, 'style url()', match[2], true);
      }
    }
    if (el.closest('.sift-body')) {
      const position = getComputedStyle(el).position;
      if (position === 'fixed' || position === 'absolute') problems.push({ kind: 'style', detail: `position: ${position}`, html: snip(el) });
    }
  }

  // Sift's own controls stay visible and on top: the close button (overlay) or the bar (popup).
  const control = scope.querySelector(options.host ? '.sift-close' : '.sift-bar .sift-btn');
  if (!control) problems.push({ kind: 'control', detail: 'Sift control missing', html: '' });
  else {
    const rect = control.getBoundingClientRect();
    const hit = scope.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    if (!hit || !(hit === control || control.contains(hit))) {
      problems.push({ kind: 'control', detail: 'Sift control covered or hidden', html: hit ? snip(hit) : 'nothing' });
    }
  }

  const text = (selector: string) => reader.querySelector(selector)?.textContent ?? '';
  const all = (selector: string) => [...reader.querySelectorAll(selector)].map((el) => el.textContent ?? '');
  // Article markers only from the body and related ones only from item titles, each id once: the
  // item's summary button repeats its title, and texts of neighbours run together in textContent.
  const ids = (texts: string[], pattern: RegExp) => [...new Set(texts.flatMap((t) => [...t.matchAll(pattern)].map((m) => m[1])))];
  const markers = {
    article: ids([text('.sift-body')], /\bMarker ([a-z]{2}-\d{2,3})\./g),
    related: ids(all('.sift-item-link'), /^\s*Marker story after ([a-z]{2}-\d{2,3})\s*$/g),
  };
  return {
    problems,
    texts: {
      title: text('.sift-title'),
      meta: text('.sift-meta'),
      body: text('.sift-body'),
      related: all('.sift-item-link'),
      snippets: all('.sift-snippet'),
    },
    links,
    markers,
    elementCount: reader.querySelectorAll('*').length,
  };
}
