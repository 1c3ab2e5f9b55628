// The bench's second step: the budget table (budgets.ts) against one run's measurements, one
// PASS, FAIL or n/a line a budget. A benchmark, not a test: a FAIL never fails `npm test`.
import { BUDGETS, type Budget, type BudgetRow, type Judged } from './budgets';

export function judge(m: Judged, rows: BudgetRow[] = BUDGETS): Budget[] {
  return rows.map((row) => judgeOne(row, m));
}

function judgeOne(row: BudgetRow, m: Judged): Budget {
  const { what: name } = row;
  const unavailable = row.unavailable?.(m);
  if (unavailable) {
    const limit = unavailable.limit ?? row.limit;
    return { name, limit, value: 'n/a', status: 'n/a', ...(unavailable.note !== undefined ? { note: unavailable.note } : {}) };
  }
  if ('verdict' in row) {
    const { value, status, note } = row.verdict(m);
    return { name, limit: row.limit, value, status, ...(note !== undefined ? { note } : {}) };
  }
  const note = row.note?.(m);
  const figure = row.figure(m);
  if (figure == null) return { name, limit: row.limit, value: 'n/a', status: 'n/a', ...(note ? { note } : {}) };
  return { name, limit: row.limit, value: row.show(figure), status: row.pass(figure) ? 'PASS' : 'FAIL', ...(note ? { note } : {}) };
}
