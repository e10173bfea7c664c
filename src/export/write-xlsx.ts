/**
 * XLSX: one sheet per table, two header rows (Chinese, then the English column name) frozen above
 * the data. Written with ExcelJS's streaming writer, one sheet after another, so memory stays
 * bounded by a row, not the table.
 *
 * Money cells are numbers formatted #,##0.00: Excel holds 15 significant digits, which covers
 * every amount below 10^13 yuan to the fen; a larger amount is written as text so it stays exact.
 */
import ExcelJS from 'exceljs';
import { Decimal } from 'decimal.js';
import type { Cell, ColumnSpec, Row, TableSpec } from './tables.js';

export interface XlsxSheet {
  spec: TableSpec;
  rows: AsyncIterable<Row>;
}

/** Excel refuses longer cell text. */
const MAX_CELL_TEXT = 32767;

function excelValue(column: ColumnSpec, value: Cell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if ((column.type === 'money' || column.type === 'number') && typeof value === 'string') {
    const d = new Decimal(value);
    // A double keeps the decimal exactly enough when it prints back the same digits.
    return d.precision(true) <= 15 ? d.toNumber() : value;
  }
  if (typeof value === 'string' && value.length > MAX_CELL_TEXT) return `${value.slice(0, MAX_CELL_TEXT - 1)}…`;
  return value;
}

function columnWidth(column: ColumnSpec): number {
  const header = Math.max(column.name.length, Array.from(column.zh).length * 2);
  const byType = column.type === 'money' ? 16 : column.name === 'sha256' ? 20 : column.type === 'string' ? 18 : 10;
  return Math.min(40, Math.max(header + 2, byType));
}

/** Writes the sheets in order to `file`; returns the data rows per sheet name. */
export async function writeXlsx(file: string, sheets: readonly XlsxSheet[]): Promise<Record<string, number>> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'jixiao';
  const counts: Record<string, number> = {};
  for (const { spec, rows } of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
    sheet.columns = spec.columns.map((column) => ({
      key: column.name,
      width: columnWidth(column),
      ...(column.type === 'money' ? { style: { numFmt: '#,##0.00' } } : {}),
    }));
    const zh = sheet.addRow(spec.columns.map((column) => column.zh));
    zh.font = { bold: true };
    zh.commit();
    const en = sheet.addRow(spec.columns.map((column) => column.name));
    en.font = { italic: true, color: { argb: 'FF666666' } };
    en.commit();
    let count = 0;
    for await (const row of rows) {
      sheet.addRow(spec.columns.map((column) => excelValue(column, row[column.name] ?? null))).commit();
      count++;
    }
    sheet.commit();
    counts[spec.name] = count;
  }
  await workbook.commit();
  return counts;
}
