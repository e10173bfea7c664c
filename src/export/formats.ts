/** Export formats, filters and the usage error: what the CLI needs before it loads any writer. */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFilter {
  /** 年度 */
  year?: number;
  /** Substring of province + city + county. */
  region?: string;
  /** A department key, or text contained in a key or in any name of the department (all its years). */
  department?: string;
  /** A report kind (department_overall | project | unknown) or a document kind (final_accounts, budget …). */
  kind?: string;
  /** Only reports with at least one failed check. */
  failedChecks?: boolean;
}

/** Bad export options (a usage error, not a data problem). */
export class ExportOptionsError extends Error {
  override readonly name = 'ExportOptionsError';
}
