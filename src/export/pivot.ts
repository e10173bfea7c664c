/**
 * Wide comparison tables (透视表): one row per department key, one column per fiscal year, for one
 * metric. Pure: rows go in as entries, a table spec and rows come out.
 */
import { computedRate, decimalText, moneyText, type ColumnSpec, type Row, type TableSpec } from './tables.js';
import type { ReportRecord } from '../schema/record.js';

export const PIVOT_METRICS = ['execution-rate', 'budget', 'execution', 'score'] as const;
export type PivotMetric = (typeof PIVOT_METRICS)[number];

interface MetricSpec {
  /** Column prefix; money prefixes end in _yuan. */
  prefix: string;
  zh: string;
  en: string;
  type: 'money' | 'number';
  unit: string;
}

const METRICS: Record<PivotMetric, MetricSpec> = {
  'execution-rate': {
    prefix: 'execution_rate',
    zh: '执行率',
    en: 'Execution rate as stated, else execution/budget',
    type: 'number',
    unit: 'fraction',
  },
  budget: { prefix: 'budget_yuan', zh: '预算数(元)', en: 'Budget for the year', type: 'money', unit: '元' },
  execution: { prefix: 'execution_yuan', zh: '执行数(元)', en: 'Amount executed', type: 'money', unit: '元' },
  score: { prefix: 'self_score', zh: '自评得分', en: 'Self-evaluation score', type: 'number', unit: '分' },
};

/** One report's contribution to a pivot. */
export interface PivotEntry {
  sha256: string;
  departmentKey: string | null;
  fiscalYear: number | null;
  kind: string;
  /** The metric as an exact decimal string, or null when the report does not state it. */
  value: string | null;
}

/** The metric of one record as an exact decimal string. */
export function pivotValue(metric: PivotMetric, record: ReportRecord): string | null {
  const { figures } = record;
  switch (metric) {
    case 'budget':
      return moneyText(figures.budget?.exact);
    case 'execution':
      return moneyText(figures.execution?.exact);
    case 'score':
      return decimalText(figures.selfScore?.exact);
    case 'execution-rate':
      return decimalText(figures.executionRate?.exact) ?? computedRate(figures.budget, figures.execution);
  }
}

export interface PivotTable {
  spec: TableSpec;
  rows: Row[];
  years: number[];
  /** Entries left out: no department or no year. */
  skipped: number;
  /** Department-year cells where several reports state the metric: the cell takes one (see `pivotRows`). */
  contested: Array<{ departmentKey: string; year: number; reports: number }>;
}

/**
 * Builds the wide table. A cell takes the report of kind department_overall when there is one (a
 * department's own totals, not a project's), else any report stating the metric; ties go to the
 * smallest sha256 so a rerun gives the same table, and are listed in `contested`.
 */
export function pivotRows(metric: PivotMetric, entries: Iterable<PivotEntry>, latestName: (key: string) => string | null): PivotTable {
  const m = METRICS[metric];
  const cells = new Map<string, Map<number, PivotEntry[]>>();
  const years = new Set<number>();
  let skipped = 0;
  for (const entry of entries) {
    if (entry.departmentKey === null || entry.fiscalYear === null) {
      skipped++;
      continue;
    }
    years.add(entry.fiscalYear);
    let byYear = cells.get(entry.departmentKey);
    if (!byYear) cells.set(entry.departmentKey, (byYear = new Map()));
    const list = byYear.get(entry.fiscalYear) ?? [];
    list.push(entry);
    byYear.set(entry.fiscalYear, list);
  }
  const sortedYears = [...years].sort((a, b) => a - b);
  const columns: ColumnSpec[] = [
    { name: 'department_key', zh: '部门标识', en: 'Department key after aliases', type: 'string' },
    { name: 'department', zh: '部门名称(最新)', en: 'Latest name of the department', type: 'string' },
    ...sortedYears.map(
      (year): ColumnSpec => ({ name: `${m.prefix}_${year}`, zh: `${year}年${m.zh}`, en: `${m.en}, ${year}`, type: m.type, unit: m.unit }),
    ),
  ];
  const contested: PivotTable['contested'] = [];
  const rows: Row[] = [];
  for (const key of [...cells.keys()].sort((a, b) => a.localeCompare(b, 'zh'))) {
    const row: Row = { department_key: key, department: latestName(key) };
    for (const year of sortedYears) {
      const stated = (cells.get(key)!.get(year) ?? []).filter((entry) => entry.value !== null);
      const overall = stated.filter((entry) => entry.kind === 'department_overall');
      const pool = (overall.length > 0 ? overall : stated).sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
      if (pool.length > 1) contested.push({ departmentKey: key, year, reports: pool.length });
      row[`${m.prefix}_${year}`] = pool[0]?.value ?? null;
    }
    rows.push(row);
  }
  const spec: TableSpec = {
    name: `pivot_${m.prefix}`,
    zh: `${m.zh}(按部门×年度)`,
    en: `${m.en}: one row per department, one column per year`,
    columns,
  };
  return { spec, rows, years: sortedYears, skipped, contested };
}
