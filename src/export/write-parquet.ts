/**
 * Parquet with typed columns (hyparquet-writer, streamed by row group):
 *  - money: DECIMAL(20,2) in a 9-byte FIXED_LEN_BYTE_ARRAY (the store's numeric(20,2)), written from
 *    the exact decimal string as a scaled BigInt — never through a float. Pandas/pyarrow read it as
 *    decimal128(20, 2). An amount stated finer than the fen is rounded half-even and reported.
 *  - number: DOUBLE (rates, scores, counts, interval bounds — not money);
 *  - integer: INT32; boolean: BOOLEAN; timestamp: TIMESTAMP_MILLIS; string: UTF-8 BYTE_ARRAY.
 * Every column is OPTIONAL (nullable).
 */
import { Decimal } from 'decimal.js';
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import type { Cell, ColumnSpec, Row, TableSpec } from './tables.js';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteRows>[0]['schema']>[number];

export const MONEY_PRECISION = 20;
export const MONEY_SCALE = 2;
/** Bytes of a two's-complement integer holding 20 decimal digits. */
const MONEY_BYTES = 9;
const MONEY_LIMIT = new Decimal(10).pow(MONEY_PRECISION - MONEY_SCALE);

export interface ParquetWriteResult {
  rows: number;
  /** Money cells stated finer than the fen, rounded to it. */
  roundedMoney: number;
  /** Money cells at or beyond 10^18 yuan, left empty. */
  overflowMoney: number;
}

function schemaElement(column: ColumnSpec): SchemaElement {
  const base = { name: column.name, repetition_type: 'OPTIONAL' as const };
  switch (column.type) {
    case 'money':
      return {
        ...base,
        type: 'FIXED_LEN_BYTE_ARRAY',
        type_length: MONEY_BYTES,
        converted_type: 'DECIMAL',
        precision: MONEY_PRECISION,
        scale: MONEY_SCALE,
        logical_type: { type: 'DECIMAL', precision: MONEY_PRECISION, scale: MONEY_SCALE },
      };
    case 'number':
      return { ...base, type: 'DOUBLE' };
    case 'integer':
      return { ...base, type: 'INT32' };
    case 'boolean':
      return { ...base, type: 'BOOLEAN' };
    case 'timestamp':
      return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    case 'string':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  }
}

export function parquetSchema(spec: TableSpec): SchemaElement[] {
  return [{ name: 'root', num_children: spec.columns.length }, ...spec.columns.map(schemaElement)];
}

/** Writes one table to `file`; resolves when the file is complete. */
export async function writeParquet(file: string, spec: TableSpec, rows: AsyncIterable<Row>): Promise<ParquetWriteResult> {
  const result: ParquetWriteResult = { rows: 0, roundedMoney: 0, overflowMoney: 0 };

  const toParquet = (column: ColumnSpec, value: Cell): unknown => {
    if (value === null || value === undefined) return null;
    switch (column.type) {
      case 'money': {
        const exact = new Decimal(value as string);
        const fen = exact.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_EVEN);
        if (fen.abs().gte(MONEY_LIMIT)) {
          result.overflowMoney++;
          return null;
        }
        if (!fen.eq(exact)) result.roundedMoney++;
        return BigInt(fen.times(10 ** MONEY_SCALE).toFixed(0));
      }
      case 'number':
        return Number(value);
      case 'integer':
        return typeof value === 'number' ? value : Number(value);
      default:
        return value;
    }
  };

  async function* converted(): AsyncGenerator<Record<string, unknown>> {
    for await (const row of rows) {
      result.rows++;
      const out: Record<string, unknown> = {};
      for (const column of spec.columns) out[column.name] = toParquet(column, row[column.name] ?? null);
      yield out;
    }
  }

  const writer = fileWriter(file);
  await parquetWriteRows({
    writer,
    rows: converted(),
    columns: spec.columns.map((column) => ({ name: column.name })),
    schema: parquetSchema(spec),
    createdBy: 'jixiao',
    kvMetadata: [{ key: 'jixiao.table', value: spec.name }],
  });
  return result;
}
