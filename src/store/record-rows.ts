/**
 * Flattens a ReportRecord into the rows of the reports table and its long-form child tables.
 * Pure: no DB access. Numbers that reach `numeric` columns come from the records' exact decimal
 * strings, so money survives to the fen whatever its size.
 */
import { listFormChecks, listRecordIndicators } from '../schema/record-forms.js';
import { listRecordFigures } from '../schema/record-figures.js';
import { Decimal } from 'decimal.js';
import type { Evidence, Figure, ReportRecord } from '../schema/record.js';
import { isDefiniteFailure } from '../check/result.js';

/** A parameter value both drivers send unchanged. */
export type SqlValue = string | number | boolean | null | Uint8Array;

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: SqlValue[][];
  /** Columns whose values are JSON text (or null) to be stored as the JSON they encode. */
  jsonColumns?: readonly string[];
}

/**
 * PostgreSQL text refuses NUL and jsonb refuses lone surrogates; both can slip out of a broken PDF
 * text layer. U+FFFD keeps the UTF-16 length, so evidence offsets stay valid.
 */
export function cleanText(text: string): string {
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function cleanOrNull(text: string | null | undefined): string | null {
  return text == null ? null : cleanText(text);
}

/** The record as jsonb input text, with every string made storable. */
export function serializeRecord(record: ReportRecord): string {
  return JSON.stringify(record, (_key, value: unknown) => (typeof value === 'string' ? cleanText(value) : value));
}

export function serializeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? cleanText(item) : item));
}

const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The string if PostgreSQL's numeric accepts it as a finite decimal, else null. */
export function toNumericText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = text.trim();
  return DECIMAL_PATTERN.test(trimmed) ? trimmed : null;
}

/** For numeric(20,2) columns: null when out of range rather than failing the whole save. */
function toMoneyText(text: string | null | undefined): string | null {
  const numeric = toNumericText(text);
  if (numeric === null) return null;
  return new Decimal(numeric).abs().lt('1e18') ? numeric : null;
}

function figureNumeric(figure: Figure | null | undefined): string | null {
  return figure ? toNumericText(figure.exact) : null;
}

function evidenceColumns(evidence: Evidence): SqlValue[] {
  return [evidence.page, evidence.start, evidence.end, cleanText(evidence.quote)];
}

export const REPORT_COLUMNS = [
  'sha256',
  'title',
  'kind',
  'document_kind',
  'department',
  'fiscal_year',
  'province',
  'city',
  'county',
  'budget',
  'budget_initial',
  'execution',
  'execution_rate',
  'self_score',
  'checks_failed',
  'checks_warned',
  'extractor_version',
  'record',
] as const;

export function buildReportRow(sha256: string, record: ReportRecord): SqlValue[] {
  const { report, figures, checks } = record;
  return [
    sha256,
    cleanOrNull(report.title),
    report.kind,
    report.documentKind,
    cleanOrNull(report.department),
    report.fiscalYear,
    cleanOrNull(report.region.province),
    cleanOrNull(report.region.city),
    cleanOrNull(report.region.county),
    toMoneyText(figures.budget?.exact),
    toMoneyText(figures.budgetInitial?.exact),
    toMoneyText(figures.execution?.exact),
    figureNumeric(figures.executionRate),
    figureNumeric(figures.selfScore),
    checks.filter(isDefiniteFailure).length,
    checks.filter((check) => check.status === 'warn').length,
    record.extractorVersion,
    serializeRecord(record),
  ];
}

const FIGURE_COLUMNS = [
  'sha256',
  'ord',
  'field',
  'name',
  'code',
  'value',
  'exact',
  'text',
  'unit',
  'kind',
  'precision',
  'scale',
  'approx',
  'lo',
  'hi',
  'page',
  'span_start',
  'span_end',
  'quote',
] as const;

const COUNT_COLUMNS = [
  'sha256',
  'ord',
  'value',
  'unit',
  'approx',
  'lo',
  'hi',
  'subject',
  'action',
  'text',
  'page',
  'span_start',
  'span_end',
  'quote',
] as const;

const INDICATOR_COLUMNS = [
  'sha256',
  'ord',
  'form_id',
  'level1',
  'level2',
  'level3',
  'target',
  'actual',
  'weight',
  'weight_text',
  'score',
  'score_text',
  'page',
  'span_start',
  'span_end',
  'quote',
] as const;

const CHECK_COLUMNS = [
  'sha256',
  'ord',
  'rule',
  'status',
  'unit',
  'expected_lo',
  'expected_hi',
  'actual_lo',
  'actual_hi',
  'message_zh',
  'message_en',
  'detail',
] as const;

const FORM_COLUMNS = [
  'sha256',
  'ord',
  'form_id',
  'part',
  'form_kind',
  'source',
  'project',
  'department',
  'implementer',
  'page_start',
  'page_end',
  'budget_initial',
  'budget',
  'execution',
  'execution_rate',
  'budget_execution_weight',
  'budget_execution_score',
  'total_score',
  'grade',
  'indicators',
  'checks_failed',
  'page',
  'span_start',
  'span_end',
  'quote',
] as const;

/** The long-form child tables, in insert order. */
export const CHILD_TABLES = ['figures', 'counts', 'indicators', 'checks', 'forms'] as const;

export function buildChildRows(sha256: string, record: ReportRecord): TableRows[] {
  const { figures } = record;
  const figureRows: SqlValue[][] = [];
  const addFigure = (field: string, figure: Figure, name: string | null, code: string | null) => {
    figureRows.push([
      sha256,
      figureRows.length,
      field,
      cleanOrNull(name),
      cleanOrNull(code),
      toNumericText(figure.exact),
      cleanText(figure.exact),
      cleanText(figure.text),
      cleanText(figure.unit),
      figure.kind,
      figure.precision,
      figure.scale,
      figure.approx,
      toNumericText(figure.lo),
      toNumericText(figure.hi),
      ...evidenceColumns(figure.evidence),
    ]);
  };
  for (const { field, item, code, figure } of listRecordFigures(record)) addFigure(field, figure, item, code);

  const countRows = figures.counts.map((count, ord): SqlValue[] => [
    sha256,
    ord,
    String(count.value),
    cleanText(count.unit),
    count.approx,
    toNumericText(count.lo),
    toNumericText(count.hi),
    cleanText(count.subject),
    cleanText(count.action),
    cleanText(count.text),
    ...evidenceColumns(count.evidence),
  ]);

  const indicatorRows = listRecordIndicators(record).map(({ formId, indicator }, ord): SqlValue[] => [
    sha256,
    ord,
    formId,
    cleanText(indicator.level1),
    cleanText(indicator.level2),
    cleanText(indicator.level3),
    cleanText(indicator.target),
    cleanText(indicator.actual),
    figureNumeric(indicator.weight),
    cleanOrNull(indicator.weight?.text),
    figureNumeric(indicator.score),
    cleanOrNull(indicator.score?.text),
    ...evidenceColumns(indicator.evidence),
  ]);

  const checkRows = record.checks.map((check, ord): SqlValue[] => [
    sha256,
    ord,
    check.rule,
    check.status,
    cleanText(check.unit),
    toNumericText(check.expected?.lo),
    toNumericText(check.expected?.hi),
    toNumericText(check.actual?.lo),
    toNumericText(check.actual?.hi),
    cleanText(check.message.zh),
    cleanText(check.message.en),
    check.detail === undefined ? null : serializeJson(check.detail),
  ]);

  const formRows = record.forms.map((form, ord): SqlValue[] => [
    sha256,
    ord,
    form.id,
    form.part,
    form.formKind,
    form.source,
    cleanOrNull(form.projectName),
    cleanOrNull(form.department),
    cleanOrNull(form.implementer),
    form.pageStart,
    form.pageEnd,
    toMoneyText(form.budgetInitial?.exact),
    toMoneyText(form.budget?.exact),
    toMoneyText(form.execution?.exact),
    figureNumeric(form.executionRate),
    figureNumeric(form.budgetExecutionWeight),
    figureNumeric(form.budgetExecutionScore),
    figureNumeric(form.totalScore),
    cleanOrNull(form.grade),
    form.indicators.length,
    listFormChecks(record, form).filter(isDefiniteFailure).length,
    ...evidenceColumns(form.evidence),
  ]);

  return [
    { table: 'figures', columns: FIGURE_COLUMNS, rows: figureRows },
    { table: 'counts', columns: COUNT_COLUMNS, rows: countRows },
    { table: 'indicators', columns: INDICATOR_COLUMNS, rows: indicatorRows },
    { table: 'checks', columns: CHECK_COLUMNS, rows: checkRows, jsonColumns: ['detail'] },
    { table: 'forms', columns: FORM_COLUMNS, rows: formRows },
  ];
}

/** PostgreSQL allows 65535 bind parameters per statement; stay well below. */
const MAX_PARAMS_PER_STATEMENT = 8000;

/** Multi-row `INSERT … VALUES ($1, …), (…)` statements, chunked under the bind-parameter limit. */
export function buildInserts({ table, columns, rows }: TableRows): Array<{ sql: string; params: SqlValue[] }> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
  const statements: Array<{ sql: string; params: SqlValue[] }> = [];
  for (let first = 0; first < rows.length; first += perStatement) {
    const chunk = rows.slice(first, first + perStatement);
    const params: SqlValue[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    statements.push({ sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params });
  }
  return statements;
}

/**
 * The rows as one JSON array of objects keyed by column, for
 * `INSERT … SELECT … FROM json_populate_recordset(null::table, $1)`: a whole table's rows in one
 * parameter, so a save costs one statement per batch instead of one bind parameter per cell.
 * Numbers that reach numeric columns are JSON strings, so PostgreSQL parses them exactly.
 */
export function toRecordsetJson({ columns, rows, jsonColumns = [] }: TableRows): string {
  const keys = columns.map((column) => `${JSON.stringify(column)}:`);
  const raw = columns.map((column) => jsonColumns.includes(column));
  const objects = rows.map((row) => {
    const fields = row.map((value, i) => {
      if (value instanceof Uint8Array) throw new TypeError(`${columns[i]}: bytes cannot travel in a JSON recordset`);
      return keys[i] + (raw[i] && value !== null ? String(value) : JSON.stringify(value));
    });
    return `{${fields.join(',')}}`;
  });
  return `[${objects.join(',')}]`;
}
