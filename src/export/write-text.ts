/**
 * CSV and JSON Lines writers: rows stream to any Writable (stdout or a file) with backpressure.
 *
 * CSV: UTF-8 with a BOM (Excel then reads Chinese correctly), one header row of column names,
 * money as exact yuan decimals (8903300.00). Text that Excel would run as a formula (=, +, @, a
 * leading - not starting a number) is prefixed with ' (OWASP CSV injection advice): report text
 * comes from the internet.
 * JSONL: one object per row; money and numbers are written as JSON number literals straight from
 * the exact decimal strings, so a decimal-aware reader (Python json with parse_float=Decimal) gets
 * them to the fen.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Cell, ColumnSpec, Row, TableSpec } from './tables.js';

export const UTF8_BOM = '\uFEFF';

/** Writes with backpressure: waits for `drain` when the stream's buffer is full. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

const FORMULA_START = /^(?:[=+@\t\r]|-(?![\d.]))/u;

function csvCell(column: ColumnSpec, value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return column.type === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const BATCH = 500;

/** Buffers rows and stringifies them in batches, for speed. */
async function writeBatches(rows: AsyncIterable<Row>, flush: (batch: Row[]) => Promise<void>): Promise<number> {
  let batch: Row[] = [];
  let count = 0;
  for await (const row of rows) {
    batch.push(row);
    count++;
    if (batch.length >= BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  return count;
}

/** Streams one table as CSV; returns the number of data rows. */
export async function writeCsv(spec: TableSpec, rows: AsyncIterable<Row>, out: Writable): Promise<number> {
  const columns = spec.columns;
  await writeChunk(out, UTF8_BOM + stringify([columns.map((column) => column.name)]));
  return writeBatches(rows, (batch) =>
    writeChunk(out, stringify(batch.map((row) => columns.map((column) => csvCell(column, row[column.name] ?? null))))),
  );
}

function jsonValue(column: ColumnSpec, value: Cell): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if ((column.type === 'money' || column.type === 'number') && typeof value === 'string') {
    // The cells are already plain decimals (tables.ts); guard anyway so a line is always valid JSON.
    return /^-?\d+(?:\.\d+)?$/u.test(value) ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

/** Streams one table as JSON Lines; returns the number of rows. */
export async function writeJsonl(spec: TableSpec, rows: AsyncIterable<Row>, out: Writable): Promise<number> {
  const columns = spec.columns;
  const keys = columns.map((column) => JSON.stringify(column.name));
  return writeBatches(rows, (batch) =>
    writeChunk(
      out,
      batch
        .map((row) => `{${columns.map((column, i) => `${keys[i]}:${jsonValue(column, row[column.name] ?? null)}`).join(',')}}\n`)
        .join(''),
    ),
  );
}
