// How the bench writes its figures, in the text report and in the budgets' values.
export const KB = 1024;

export const fmtMs = (v: number | null | undefined) => (v == null ? 'n/a' : v < 1 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`);
export const fmtX = (v: number | null | undefined) => (v == null ? 'n/a' : `${v.toFixed(2)}x`);
export const fmtKB = (v: number | null | undefined) => (v == null ? 'n/a' : `${(v / KB).toFixed(1)} KB`);
export const fmtMB = (v: number) => `${(v / (KB * KB)).toFixed(1)} MB`;

/** Long tasks are 50 ms or more: 0 means there was none. */
export const fmtTask = (v: number) => (v ? fmtMs(v) : 'none over 50 ms');
/** What a part of the bench that did not run says in place of its figures (--firefox-only). */
export const NOT_RUN = 'not measured in this run (--firefox-only)';
