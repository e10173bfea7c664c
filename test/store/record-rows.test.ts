import { describe, expect, it } from 'vitest';
import {
  buildChildRows,
  buildInserts,
  buildReportRow,
  cleanText,
  REPORT_COLUMNS,
  toNumericText,
  toRecordsetJson,
} from '../../src/store/record-rows.js';
import { SAMPLE_FIGURE_ROWS, SAMPLE_SHA256, sampleRecord, SAMPLE_CHECK_ROWS, SAMPLE_FORM_ROWS, SAMPLE_INDICATOR_ROWS } from './sample-record.js';

describe('toNumericText', () => {
  it.each([
    ['8903300', '8903300'],
    ['0.802', '0.802'],
    [' -12.5 ', '-12.5'],
    ['1e4', '1e4'],
    ['.5', '.5'],
    ['NaN', null],
    ['Infinity', null],
    ['12,345', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(toNumericText(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it('replaces NUL and lone surrogates but keeps pairs and the length', () => {
    const input = 'a\u0000b\uD800c\uDC00d😀e';
    const output = cleanText(input);
    expect(output).toBe('a\uFFFDb\uFFFDc\uFFFDd😀e');
    expect(output.length).toBe(input.length);
  });
});

describe('buildReportRow', () => {
  it('takes money from the exact strings and counts failed and warned checks', () => {
    const record = sampleRecord();
    record.checks[0]!.status = 'fail';
    record.checks[1]!.status = 'warn';
    record.checks[2]!.status = 'warn';
    record.figures.budgetInitial = { ...record.figures.budget!, exact: '1e19', value: 1e19 };
    const row = Object.fromEntries(REPORT_COLUMNS.map((column, i) => [column, buildReportRow(SAMPLE_SHA256, record)[i]]));
    expect(row).toMatchObject({
      sha256: SAMPLE_SHA256,
      budget: '8903300',
      // Too big for numeric(20,2): left out of the column, kept in the record.
      budget_initial: null,
      execution: '7140700',
      execution_rate: '0.802',
      self_score: '91.28',
      checks_failed: 1,
      checks_warned: 2,
      fiscal_year: 2021,
    });
    expect(JSON.parse(row.record as string)).toEqual(record);
  });
});

describe('buildChildRows', () => {
  it('flattens every figure, count, indicator, check and form', () => {
    const tables = Object.fromEntries(buildChildRows(SAMPLE_SHA256, sampleRecord()).map((t) => [t.table, t]));
    expect(tables.figures!.rows).toHaveLength(SAMPLE_FIGURE_ROWS);
    expect(tables.counts!.rows).toHaveLength(10);
    expect(tables.indicators!.rows).toHaveLength(SAMPLE_INDICATOR_ROWS);
    // The form's indicator row comes after the record's own, tagged with its form.
    expect(tables.indicators!.rows.map((row) => row[2])).toEqual([null, null, 'form:2']);
    expect(tables.checks!.rows).toHaveLength(SAMPLE_CHECK_ROWS);
    expect(tables.forms!.rows).toHaveLength(SAMPLE_FORM_ROWS);
    const form = Object.fromEntries(tables.forms!.columns.map((column, i) => [column, tables.forms!.rows[1]![i]]));
    expect(form).toMatchObject({ form_id: 'form:2', form_kind: 'project', project: '党建工委工作经费', budget_initial: null, budget: '250000', execution: '249900', execution_rate: '0.9996', total_score: '95.5', indicators: 1, checks_failed: 0, page: 6 });
    for (const table of Object.values(tables)) {
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    }
    const ords = tables.figures!.rows.map((row) => row[1]);
    expect(ords).toEqual(ords.map((_, i) => i));
  });
});

describe('buildInserts', () => {
  it('numbers parameters per statement and splits under the parameter budget', () => {
    const columns = ['a', 'b', 'c', 'd'];
    const rows = Array.from({ length: 4500 }, (_, i) => [i, `x${i}`, null, 1.5]);
    const statements = buildInserts({ table: 't', columns, rows });
    expect(statements).toHaveLength(3);
    expect(statements.map((s) => s.params.length)).toEqual([8000, 8000, 2000]);
    expect(statements[0]!.sql.startsWith('INSERT INTO t (a, b, c, d) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)')).toBe(true);
    expect(statements[2]!.sql.endsWith('($1997, $1998, $1999, $2000)')).toBe(true);
    expect(statements[1]!.params[0]).toBe(2000);
  });

  it('emits nothing for no rows', () => {
    expect(buildInserts({ table: 't', columns: ['a'], rows: [] })).toEqual([]);
  });
});

describe('toRecordsetJson', () => {
  it('keys each row by column, keeps numeric strings as strings and JSON columns as JSON', () => {
    const tables = Object.fromEntries(buildChildRows(SAMPLE_SHA256, sampleRecord()).map((t) => [t.table, t]));
    const checks = JSON.parse(toRecordsetJson(tables.checks!)) as Array<Record<string, unknown>>;
    expect(checks).toHaveLength(tables.checks!.rows.length);
    expect(checks[0]).toMatchObject({ sha256: SAMPLE_SHA256, ord: 0, rule: sampleRecord().checks[0]!.rule });
    expect(checks.find((row) => row.detail !== null)!.detail).toEqual(sampleRecord().checks.find((c) => c.detail)!.detail);
    const figures = JSON.parse(toRecordsetJson(tables.figures!)) as Array<Record<string, unknown>>;
    expect(figures.find((row) => row.field === 'budget')!.value).toBe('8903300');
  });

  it('escapes text and refuses bytes', () => {
    const json = toRecordsetJson({ table: 't', columns: ['a', 'b'], rows: [['引号"\\\n', null]] });
    expect(JSON.parse(json)).toEqual([{ a: '引号"\\\n', b: null }]);
    expect(() => toRecordsetJson({ table: 't', columns: ['a'], rows: [[new Uint8Array(1)]] })).toThrow(/bytes/);
    expect(toRecordsetJson({ table: 't', columns: ['a'], rows: [] })).toBe('[]');
  });
});
