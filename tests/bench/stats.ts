/**
 * Medians, ranges and the budget table. Every figure is measured a few times on a shared machine,
 * so the table shows the median (what a reader should quote) and the range (how noisy it was).
 */

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, n: sorted.length };
}

/** A budget: the median must be at most (or at least) `limit`. No budget: reported only. */
export interface Budget {
  op: '<=' | '>=';
  limit: number;
}

export interface Row {
  figure: string;
  budget?: Budget;
  unit: string;
  summary: Summary;
  pass: boolean | null;
}

export function row(figure: string, values: readonly number[], unit: string, budget?: Budget): Row {
  const summary = summarize(values);
  const { median } = summary;
  const pass = !budget ? null : budget.op === '<=' ? median <= budget.limit : median >= budget.limit;
  return { figure, budget, unit, summary, pass: Number.isNaN(median) && budget ? false : pass };
}

/** Up to 3 significant decimals for small numbers, none for large ones. */
const num = (x: number) => (!Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 100 ? x.toFixed(0) : +x.toPrecision(3) + '');

function measured(r: Row): string {
  const { median, min, max, n } = r.summary;
  const range = n > 1 && min !== max ? ` (${num(min)}–${num(max)})` : '';
  return `${num(median)}${r.unit}${range}`;
}

/** The table printed at the end: figure, budget, measured median (range), pass/fail. */
export function table(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.figure,
    r.budget ? `${r.budget.op === '<=' ? '≤' : '≥'} ${num(r.budget.limit)}${r.unit}` : '—',
    measured(r),
    r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'budget', 'measured (median, range)', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((s, i) => s.padEnd(widths[i] ?? 0)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
