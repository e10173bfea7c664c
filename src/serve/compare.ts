/**
 * The comparison view's numbers: report summaries grouped by department × year, and the
 * distribution of execution rates. Pure: summaries in, tables out.
 */
import type { ReportSummary } from '../store/store.js';

export interface ComparisonCell {
  /** The department key (as exports have it): one unit across years and spellings. */
  departmentKey: string;
  /** The key's latest name. */
  department: string;
  year: number;
  /** The reports in this cell, so every number links back to its source. */
  sha256s: string[];
  /** 预算数, yuan, summed over the cell's reports that state one. */
  budget: number | null;
  /** 执行数, yuan, summed likewise. */
  execution: number | null;
  /** 执行率 as stated (fraction), averaged over the reports that state one. */
  executionRate: number | null;
  /** 自评得分, averaged likewise. */
  selfScore: number | null;
}

export interface RateBucket {
  /** Label of the range, e.g. "80–90%". */
  label: string;
  /** Inclusive lower and exclusive upper bound as fractions; null = unbounded. */
  lo: number | null;
  hi: number | null;
  count: number;
}

export interface Comparison {
  years: number[];
  /** Department keys, in the order of their names. */
  departments: string[];
  /** Each key's latest name. */
  names: Record<string, string>;
  cells: ComparisonCell[];
  distribution: RateBucket[];
  rates: { n: number; median: number | null; mean: number | null };
}

/** Buckets chosen for reports, where most rates sit between 80% and 100% and exactly 100% is common. */
const BUCKETS: Array<Omit<RateBucket, 'count'>> = [
  { label: '<50%', lo: null, hi: 0.5 },
  { label: '50–60%', lo: 0.5, hi: 0.6 },
  { label: '60–70%', lo: 0.6, hi: 0.7 },
  { label: '70–80%', lo: 0.7, hi: 0.8 },
  { label: '80–90%', lo: 0.8, hi: 0.9 },
  { label: '90–95%', lo: 0.9, hi: 0.95 },
  { label: '95–100%', lo: 0.95, hi: 1 },
  { label: '100%', lo: 1, hi: 1.000001 },
  { label: '>100%', lo: 1.000001, hi: null },
];

const sumOrNull = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
};
const meanOrNull = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
};

/** A report's department: its key (the same unit across years and spellings) and the key's latest name. */
export type DepartmentOf = (row: ReportSummary) => { key: string; name: string } | null;

/** Without a department index: each spelling is its own department. */
const byStatedName: DepartmentOf = (row) => (row.department === null ? null : { key: row.department, name: row.department });

export function buildComparison(rows: ReportSummary[], departmentOf: DepartmentOf = byStatedName): Comparison {
  const groups = new Map<string, { key: string; name: string; rows: ReportSummary[] }>();
  const names: Record<string, string> = {};
  for (const row of rows) {
    const department = row.fiscalYear === null ? null : departmentOf(row);
    if (department === null) continue;
    names[department.key] = department.name;
    const id = `${row.fiscalYear}\u0000${department.key}`;
    const group = groups.get(id);
    if (group) group.rows.push(row);
    else groups.set(id, { ...department, rows: [row] });
  }
  const cells: ComparisonCell[] = [...groups.values()].map(({ key, name, rows: group }) => ({
    departmentKey: key,
    department: name,
    year: group[0]!.fiscalYear!,
    sha256s: group.map((r) => r.sha256),
    budget: sumOrNull(group.map((r) => r.budget)),
    execution: sumOrNull(group.map((r) => r.execution)),
    executionRate: meanOrNull(group.map((r) => r.executionRate)),
    selfScore: meanOrNull(group.map((r) => r.selfScore)),
  }));
  const collator = new Intl.Collator('zh-CN');
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const departments = Object.keys(names).sort((a, b) => collator.compare(names[a]!, names[b]!) || collator.compare(a, b));

  const rates = rows.map((r) => r.executionRate).filter((v): v is number => v !== null && Number.isFinite(v));
  const distribution = BUCKETS.map((b) => ({
    ...b,
    count: rates.filter((r) => (b.lo === null || r >= b.lo) && (b.hi === null || r < b.hi)).length,
  }));
  const sorted = [...rates].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    years,
    departments,
    names,
    cells,
    distribution,
    rates: { n: rates.length, median, mean: meanOrNull(rates) },
  };
}
