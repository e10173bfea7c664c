/**
 * Query parameters of the list, comparison and export routes, validated with zod. A bad value is a
 * 400, never a value passed on to SQL.
 */
import { z } from 'zod';
import { KIND_VALUES, type ReportFilter, type ReportSummary } from '../store/store.js';

export const SORT_COLUMNS = [
  'fiscalYear',
  'department',
  'title',
  'kind',
  'region',
  'budget',
  'execution',
  'executionRate',
  'selfScore',
  'forms',
  'checksFailed',
  'fileName',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const text = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));

export const SelectionQuery = z.object({
  year: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1900 || n > 2200) {
        ctx.addIssue({ code: 'custom', message: 'year must be an integer between 1900 and 2200' });
        return z.NEVER;
      }
      return n;
    }),
  region: text,
  department: text,
  /** A report kind or a document kind (final_accounts …), as `--kind` takes. */
  kind: z.enum(['', ...KIND_VALUES]).optional().transform((v) => v || undefined),
  /** `1`: only reports with a failed check; `0`: only reports without. */
  failed: z.enum(['1', '0', '']).optional().transform((v) => (v === '1' ? true : v === '0' ? false : undefined)),
  /** Free text matched against department, title and file name. */
  q: text,
});
export type Selection = z.output<typeof SelectionQuery>;

export const ListQuery = SelectionQuery.extend({
  sort: z.enum(SORT_COLUMNS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type ListParams = z.output<typeof ListQuery>;

/** The part of a selection the store filters on; `q` is applied afterwards (see `applySelection`). */
export function toReportFilter(selection: Selection): ReportFilter {
  return {
    ...(selection.year !== undefined ? { year: selection.year } : {}),
    ...(selection.region ? { region: selection.region } : {}),
    ...(selection.department ? { department: selection.department } : {}),
    ...(selection.kind ? { kind: selection.kind } : {}),
    ...(selection.failed !== undefined ? { failedChecks: selection.failed } : {}),
  };
}

export function regionText(summary: Pick<ReportSummary, 'region'>): string {
  return [summary.region.province, summary.region.city, summary.region.county].filter(Boolean).join('');
}

/** Case-insensitive substring search over department, title and file name. */
export function matchesText(summary: ReportSummary, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [summary.department, summary.title, summary.fileName].some((v) => v !== null && v.toLowerCase().includes(needle));
}

function sortValue(summary: ReportSummary, column: SortColumn): string | number | null {
  switch (column) {
    case 'region':
      return regionText(summary) || null;
    default:
      return summary[column];
  }
}

/** Sorts a copy; missing values go last in both directions, ties keep file-name order. */
export function sortReports(rows: ReportSummary[], column: SortColumn, dir: 'asc' | 'desc'): ReportSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('zh-CN');
  return [...rows].sort((a, b) => {
    const va = sortValue(a, column);
    const vb = sortValue(b, column);
    if (va === null || vb === null) {
      if (va === vb) return a.fileName.localeCompare(b.fileName);
      return va === null ? 1 : -1;
    }
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return order !== 0 ? sign * order : a.fileName.localeCompare(b.fileName);
  });
}

/**
 * The order of a list: by the column asked for; without one, reports with a failed check first
 * (what a reviewer opens the app for), then newest year first.
 */
export function orderReports(rows: ReportSummary[], params: Pick<ListParams, 'sort' | 'dir'>): ReportSummary[] {
  if (params.sort) return sortReports(rows, params.sort, params.dir ?? 'asc');
  const byYear = sortReports(rows, 'fiscalYear', params.dir ?? 'desc');
  return [...byYear.filter((r) => r.checksFailed > 0), ...byYear.filter((r) => r.checksFailed === 0)];
}
