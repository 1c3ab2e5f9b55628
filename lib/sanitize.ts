/** The one place that sanitises page HTML. PLACEHOLDER: replaced by the DOMPurify-based sanitiser. */
export function sanitizeHtml(_html: string, _baseUrl: string): string {
  throw new Error('sanitizeHtml: not implemented yet');
}
