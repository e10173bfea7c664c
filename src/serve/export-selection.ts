/**
 * Download buttons → the export tables (src/export) of exactly the reports on screen: the store
 * streams the records, and only the selection's sha256s are kept, so text search and "all checks
 * passed" export the same rows the list shows. CSV is built in memory; XLSX and Parquet writers
 * need a file, so they write into a private temporary directory that is removed afterwards.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadDepartmentIndex } from '../export/departments.js';
import { tableRows, type ExportFilter } from '../export/export.js';
import { TABLE_NAMES, TABLES, type Row, type TableName } from '../export/tables.js';
import { writeCsv } from '../export/write-text.js';
import { writeParquet } from '../export/write-parquet.js';
import { writeXlsx } from '../export/write-xlsx.js';
import type { Store } from '../store/store.js';
import { ExportRequestError, type ExportFile, type ExportHandler, type ExportRequest } from './export-types.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
} as const;

function pickTable(table: string | undefined): TableName {
  if (table === undefined) return 'reports';
  if (!(TABLE_NAMES as readonly string[]).includes(table)) {
    throw new ExportRequestError(`unknown table "${table}"; one of ${TABLE_NAMES.join(', ')}`);
  }
  return table as TableName;
}

/** A Writable that keeps what it is given. */
function collectChunks(): { out: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      callback();
    },
  });
  return { out, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

export function createExportHandler(store: Store): ExportHandler {
  return async (request: ExportRequest): Promise<ExportFile> => {
    // Report tables follow the selection; the ingest error log has no report to select by.
    const tables: TableName[] = request.format === 'xlsx' && request.table === undefined ? [...TABLE_NAMES] : [pickTable(request.table)];
    const keep = new Set(request.sha256s);
    // The store-side filter narrows the scan; the sha256 set decides.
    const filter: ExportFilter = {
      ...(request.filter.year !== undefined ? { year: request.filter.year } : {}),
      ...(request.filter.region ? { region: request.filter.region } : {}),
      ...(request.filter.kind ? { kind: request.filter.kind } : {}),
      ...(request.filter.failedChecks === true ? { failedChecks: true } : {}),
    };
    const index = await loadDepartmentIndex(store);
    const rowsOf = async function* (table: TableName): AsyncGenerator<Row> {
      for await (const row of tableRows(store, index, table, table === 'ingest_errors' ? {} : filter)) {
        if (table === 'ingest_errors' || keep.has(String(row.sha256))) yield row;
      }
    };
    const stem = tables.length === 1 ? `jixiao-${tables[0]}` : 'jixiao-export';
    const fileName = `${stem}.${request.format}`;
    if (request.format === 'csv') {
      const { out, bytes } = collectChunks();
      await writeCsv(TABLES[tables[0]!], rowsOf(tables[0]!), out);
      return { body: bytes(), contentType: CONTENT_TYPES.csv, fileName };
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-export-'));
    try {
      const file = path.join(dir, fileName);
      if (request.format === 'xlsx') await writeXlsx(file, tables.map((table) => ({ spec: TABLES[table], rows: rowsOf(table) })));
      else await writeParquet(file, TABLES[tables[0]!], rowsOf(tables[0]!));
      return { body: new Uint8Array(await readFile(file)), contentType: CONTENT_TYPES[request.format], fileName };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
