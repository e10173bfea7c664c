/**
 * XLSX: one sheet per table with ONE header row, the column names, frozen above the data, so
 * `pandas.read_excel` and Excel's filters read typed columns with their defaults; a last sheet
 * `dictionary` gives every column's Chinese header, meaning, type and unit. Written with ExcelJS's
 * streaming writer, one sheet after another, so memory stays bounded by a row, not the table.
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

/** Name of the sheet describing the columns of the others. */
export const DICTIONARY_SHEET = 'dictionary';

/** One row per column of every sheet written: its Chinese header, meaning, type and unit. */
function writeDictionarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, specs: readonly TableSpec[]): void {
  const sheet = workbook.addWorksheet(DICTIONARY_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = [
    { key: 'sheet', width: 16 },
    { key: 'column', width: 26 },
    { key: 'zh', width: 24 },
    { key: 'meaning', width: 80 },
    { key: 'type', width: 10 },
    { key: 'unit', width: 16 },
  ];
  const header = sheet.addRow(['sheet', 'column', 'zh', 'meaning', 'type', 'unit']);
  header.font = { bold: true };
  header.commit();
  for (const spec of specs) {
    sheet.addRow([spec.name, '', spec.zh, spec.en, '', '']).commit();
    for (const column of spec.columns) sheet.addRow([spec.name, column.name, column.zh, column.en, column.type, column.unit ?? '']).commit();
  }
  sheet.commit();
}

/** Writes the sheets in order to `file`; returns the data rows per sheet name. */
export async function writeXlsx(file: string, sheets: readonly XlsxSheet[]): Promise<Record<string, number>> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'jixiao';
  const counts: Record<string, number> = {};
  for (const { spec, rows } of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    sheet.columns = spec.columns.map((column) => ({
      key: column.name,
      width: columnWidth(column),
      ...(column.type === 'money' ? { style: { numFmt: '#,##0.00' } } : {}),
    }));
    const header = sheet.addRow(spec.columns.map((column) => column.name));
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for await (const row of rows) {
      sheet.addRow(spec.columns.map((column) => excelValue(column, row[column.name] ?? null))).commit();
      count++;
    }
    sheet.commit();
    counts[spec.name] = count;
  }
  writeDictionarySheet(workbook, sheets.map((sheet) => sheet.spec));
  await workbook.commit();
  return counts;
}
