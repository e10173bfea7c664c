/**
 * `jixiao export`: stored records → comparable tables in CSV, XLSX, JSON Lines or Parquet.
 * Records are read page by page (keyset on sha256), so the table is never held in memory; only a
 * pivot keeps one value per report.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { ReportFilter, Store, StoredRecord } from '../store/store.js';
import { loadDepartmentIndex, type DepartmentIndex } from './departments.js';
import { pivotRows, pivotValue, type PivotEntry, type PivotMetric, type PivotTable } from './pivot.js';
import { errorRow, rowsOfRecord, TABLES, type Row, type RowContext, type TableName, type TableSpec } from './tables.js';
import { writeCsv, writeJsonl } from './write-text.js';
import { writeParquet } from './write-parquet.js';
import { writeXlsx } from './write-xlsx.js';

import { ExportOptionsError, type ExportFilter, type ExportFormat } from './formats.js';

export { EXPORT_FORMATS, ExportOptionsError, type ExportFilter, type ExportFormat } from './formats.js';

export interface ExportOptions {
  format: ExportFormat;
  /** Tables to write. Default: every table for xlsx (one sheet each), `reports` otherwise; csv, jsonl and parquet take one. */
  tables?: readonly TableName[];
  /** A wide table instead of `tables`. */
  pivot?: PivotMetric;
  filter?: ExportFilter;
  /** Output file; required for xlsx and parquet. */
  out?: string;
  /** Where csv and jsonl go without `out` (default process.stdout). */
  stdout?: Writable;
  /** Records per store round trip. */
  pageSize?: number;
}

export interface ExportResult {
  /** Data rows written per table (sheet). */
  rows: Record<string, number>;
  /** Things the user should know: rounded money, contested pivot cells … */
  warnings: string[];
}

function storeFilter(filter: ExportFilter): Omit<ReportFilter, 'limit' | 'offset'> {
  return {
    ...(filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.region ? { region: filter.region } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.failedChecks ? { failedChecks: true } : {}),
  };
}

/** Every stored record passing `filter`, with its department key resolved through `index`. */
export async function* iterateRecords(
  store: Store,
  index: DepartmentIndex,
  filter: ExportFilter = {},
  pageSize = 200,
): AsyncGenerator<StoredRecord & { context: RowContext }> {
  const departmentKeys = filter.department ? index.matchKeys(filter.department) : null;
  let after: string | undefined;
  for (;;) {
    const page = await store.listRecords({ filter: storeFilter(filter), limit: pageSize, ...(after !== undefined ? { after } : {}) });
    if (page.length === 0) return;
    after = page.at(-1)!.sha256;
    for (const stored of page) {
      const { department, region } = stored.record.report;
      const key = index.resolve(department, region);
      if (departmentKeys && (key === null || !departmentKeys.has(key))) continue;
      yield {
        ...stored,
        context: { sha256: stored.sha256, fileName: stored.fileName, departmentKey: key, departmentLatest: index.latestName(key) },
      };
    }
    if (page.length < pageSize) return;
  }
}

/** The rows of one table, streamed. `ingest_errors` comes from the error log and ignores report filters. */
export async function* tableRows(
  store: Store,
  index: DepartmentIndex,
  table: TableName,
  filter: ExportFilter = {},
  pageSize?: number,
): AsyncGenerator<Row> {
  if (table === 'ingest_errors') {
    for (const error of await store.listErrors()) yield errorRow(error);
    return;
  }
  for await (const { record, context } of iterateRecords(store, index, filter, pageSize)) {
    yield* rowsOfRecord(table, record, context);
  }
}

/** Collects the pivot of one metric over the filtered records. */
export async function buildPivot(
  store: Store,
  index: DepartmentIndex,
  metric: PivotMetric,
  filter: ExportFilter = {},
  pageSize?: number,
): Promise<PivotTable> {
  const entries: PivotEntry[] = [];
  for await (const { sha256, record, context } of iterateRecords(store, index, filter, pageSize)) {
    entries.push({ sha256, departmentKey: context.departmentKey, fiscalYear: record.report.fiscalYear, kind: record.report.kind, value: pivotValue(metric, record) });
  }
  return pivotRows(metric, entries, (key) => index.latestName(key));
}

async function* fromArray(rows: readonly Row[]): AsyncGenerator<Row> {
  yield* rows;
}

async function writeText(format: 'csv' | 'jsonl', spec: TableSpec, rows: AsyncIterable<Row>, options: ExportOptions): Promise<number> {
  const write = format === 'csv' ? writeCsv : writeJsonl;
  if (!options.out) return write(spec, rows, options.stdout ?? process.stdout);
  const out = createWriteStream(options.out);
  try {
    const count = await write(spec, rows, out);
    out.end();
    await finished(out);
    return count;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

function pickTables(options: ExportOptions): TableName[] {
  const tables = options.tables && options.tables.length > 0 ? [...new Set(options.tables)] : null;
  if (options.format === 'xlsx') return tables ?? [...(Object.keys(TABLES) as TableName[])];
  if (tables && tables.length > 1) {
    throw new ExportOptionsError(`--format ${options.format} writes one table; got ${tables.join(', ')} (use xlsx for several)`);
  }
  return tables ?? ['reports'];
}

/** Runs one export. Output goes to `options.out`, or to stdout for csv and jsonl. */
export async function runExport(store: Store, options: ExportOptions): Promise<ExportResult> {
  if ((options.format === 'xlsx' || options.format === 'parquet') && !options.out) {
    throw new ExportOptionsError(`--format ${options.format} needs --out FILE`);
  }
  const filter = options.filter ?? {};
  const index = await loadDepartmentIndex(store);
  const warnings: string[] = [];
  const rows: Record<string, number> = {};

  let sheets: Array<{ spec: TableSpec; rows: () => AsyncIterable<Row> }>;
  if (options.pivot) {
    const pivot = await buildPivot(store, index, options.pivot, filter, options.pageSize);
    if (pivot.skipped > 0) warnings.push(`${pivot.skipped} report(s) without a department name or fiscal year left out of the pivot`);
    if (pivot.contested.length > 0) {
      const sample = pivot.contested.slice(0, 5).map((cell) => `${cell.departmentKey} ${cell.year} (${cell.reports})`);
      warnings.push(
        `${pivot.contested.length} department-year cell(s) have several reports stating the value; each took the department_overall report, else the first by sha256: ${sample.join(', ')}${pivot.contested.length > 5 ? ' …' : ''}`,
      );
    }
    sheets = [{ spec: pivot.spec, rows: () => fromArray(pivot.rows) }];
  } else {
    sheets = pickTables(options).map((table) => ({ spec: TABLES[table], rows: () => tableRows(store, index, table, filter, options.pageSize) }));
  }

  switch (options.format) {
    case 'csv':
    case 'jsonl': {
      const sheet = sheets[0]!;
      rows[sheet.spec.name] = await writeText(options.format, sheet.spec, sheet.rows(), options);
      break;
    }
    case 'xlsx':
      Object.assign(rows, await writeXlsx(options.out!, sheets.map((sheet) => ({ spec: sheet.spec, rows: sheet.rows() }))));
      break;
    case 'parquet': {
      const sheet = sheets[0]!;
      const result = await writeParquet(options.out!, sheet.spec, sheet.rows());
      rows[sheet.spec.name] = result.rows;
      if (result.roundedMoney > 0) warnings.push(`${result.roundedMoney} money value(s) stated finer than the fen were rounded to DECIMAL(20,2)`);
      if (result.overflowMoney > 0) warnings.push(`${result.overflowMoney} money value(s) of 10^18 yuan or more were left empty`);
      break;
    }
  }
  return { rows, warnings };
}
