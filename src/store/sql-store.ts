/**
 * The Store over any SQL driver that speaks PostgreSQL with `$1` parameters: PGlite and `pg` share
 * every statement here; adapters only supply connections, transactions and error mapping.
 */
import { showMoney } from '../schema/figure-text.js';
import { DocumentKind, type Figure, type ReportRecord, upgradeRecord } from '../schema/record.js';
import { compareVersions } from './compare-versions.js';
import { MIGRATIONS } from './migrations.js';
import {
  buildChildRows,
  buildInserts,
  buildReportRow,
  cleanText,
  CHILD_TABLES,
  REPORT_COLUMNS,
  toRecordsetJson,
  type SqlValue,
} from './record-rows.js';
import type {
  DepartmentAlias,
  DepartmentNameRow,
  DocumentInput,
  IngestErrorInput,
  InspectableStore,
  RecordInput,
  RecordPageOptions,
  ReportFilter,
  ReportSummary,
  RowCounts,
  StoreStats,
  StoredDocument,
  StoredFigure,
  StoredForm,
  StoredRecord,
} from './store.js';

export type SqlRow = Record<string, unknown>;

export interface SqlSession {
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several `;`-separated statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlSession {
  readonly kind: 'pglite' | 'postgres';
  /** The schema the tables live in; null = the connection's default search_path. */
  readonly schema: string | null;
  /** Runs `fn` in one transaction on one connection; commits on return, rolls back on throw. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface DocumentRow extends SqlRow {
  sha256: string;
  file_name: string;
  format: string;
  byte_length: string | number;
  pages: number;
  ocr_pages: number;
  ingested_at: Date;
  extractor_version: string | null;
  has_bytes: boolean;
}

const DOCUMENT_SELECT = `SELECT sha256, file_name, format, byte_length, pages, ocr_pages, ingested_at, extractor_version,
  bytes IS NOT NULL AS has_bytes FROM documents`;

function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    sha256: row.sha256,
    fileName: row.file_name,
    format: row.format,
    byteLength: Number(row.byte_length),
    pages: row.pages,
    ocrPages: row.ocr_pages,
    ingestedAt: toDate(row.ingested_at),
    extractorVersion: row.extractor_version,
    hasBytes: row.has_bytes,
  };
}

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A stored figure (jsonb, null when absent) as the report printed it. */
function shownMoney(value: unknown): string | null {
  const figure = typeof value === 'string' ? (JSON.parse(value) as Figure | null) : (value as Figure | null | undefined);
  return figure ? showMoney(figure) : null;
}

function toBytes(value: unknown): Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) {
    // A plain copy: pg hands out Buffers that share a pooled ArrayBuffer.
    return new Uint8Array(value);
  }
  throw new TypeError(`unexpected bytea value of type ${typeof value}`);
}

function checkNonNegativeInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

const DOCUMENT_COLUMNS = ['sha256', 'file_name', 'format', 'byte_length', 'pages', 'ocr_pages', 'bytes', 'extractor_version'] as const;

/** Metadata refreshed, the first bytes kept. */
const DOCUMENT_METADATA_UPDATES = `file_name = EXCLUDED.file_name, format = EXCLUDED.format, byte_length = EXCLUDED.byte_length,
  pages = EXCLUDED.pages, ocr_pages = EXCLUDED.ocr_pages, bytes = COALESCE(documents.bytes, EXCLUDED.bytes)`;
const DOCUMENT_UPDATES = `${DOCUMENT_METADATA_UPDATES}, extractor_version = EXCLUDED.extractor_version`;

/** A documents row from putDocument's input (with the version of the record saved with it, if any). */
function documentRow(doc: DocumentInput, extractorVersion: string | null): SqlValue[] {
  return [doc.sha256, cleanText(doc.fileName), doc.format, doc.byteLength, doc.pages, doc.ocrPages, doc.bytes ?? null, extractorVersion];
}

/** The stub documents row of a record saved without its document: what `record.source` says. */
function stubDocumentRow(sha256: string, { source, extractorVersion }: ReportRecord): SqlValue[] {
  return [sha256, cleanText(source.fileName ?? sha256), source.format, 0, source.pages, source.ocrPages, null, extractorVersion];
}

const REPORT_UPDATES = REPORT_COLUMNS.filter((column) => column !== 'sha256')
  .map((column) => `${column} = EXCLUDED.${column}`)
  .join(', ');

/** WHERE conditions for a ReportFilter over `reports r`; `param` binds a value and returns its placeholder. */
function reportConditions(filter: Omit<ReportFilter, 'limit' | 'offset'>, param: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (filter.year !== undefined) conditions.push(`r.fiscal_year = ${param(filter.year)}`);
  if (filter.region) {
    conditions.push(
      `strpos(coalesce(r.province, '') || coalesce(r.city, '') || coalesce(r.county, ''), ${param(filter.region)}) > 0`,
    );
  }
  if (filter.department) conditions.push(`strpos(lower(r.department), lower(${param(filter.department)})) > 0`);
  if (filter.kind) {
    const column = (DocumentKind.options as readonly string[]).includes(filter.kind) ? 'document_kind' : 'kind';
    conditions.push(`r.${column} = ${param(filter.kind)}`);
  }
  if (filter.failedChecks === true) conditions.push('r.checks_failed > 0');
  if (filter.failedChecks === false) conditions.push('r.checks_failed = 0');
  return conditions;
}

export class SqlStore implements InspectableStore {
  readonly kind: 'pglite' | 'postgres';

  constructor(private readonly driver: SqlDriver) {
    this.kind = driver.kind;
  }

  async migrate(): Promise<void> {
    const schema = this.driver.schema;
    await this.driver.transaction(async (tx) => {
      // Concurrent migrators queue here; the winner's DDL is committed before the next one looks.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jixiao.migrate:${schema ?? ''}`]);
      if (schema !== null) await tx.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const applied = new Set(
        (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
      );
      for (const [index, sql] of MIGRATIONS.entries()) {
        const version = index + 1;
        if (applied.has(version)) continue;
        await tx.exec(sql);
        await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      }
    });
  }

  async putDocument(doc: DocumentInput): Promise<void> {
    const [insert] = buildInserts({ table: 'documents', columns: DOCUMENT_COLUMNS, rows: [documentRow(doc, null)] });
    await this.driver.query(`${insert!.sql} ON CONFLICT (sha256) DO UPDATE SET ${DOCUMENT_METADATA_UPDATES}`, insert!.params);
  }

  async getDocument(sha256: string): Promise<StoredDocument | null> {
    const rows = await this.driver.query<DocumentRow>(`${DOCUMENT_SELECT} WHERE sha256 = $1`, [sha256]);
    return rows[0] ? toStoredDocument(rows[0]) : null;
  }

  async getDocumentBytes(sha256: string): Promise<Uint8Array | null> {
    const rows = await this.driver.query<{ bytes: unknown }>('SELECT bytes FROM documents WHERE sha256 = $1', [sha256]);
    return rows[0] ? toBytes(rows[0].bytes) : null;
  }

  async saveRecord(sha256: string, record: ReportRecord): Promise<void> {
    await this.saveRecords([{ sha256, record }]);
  }

  async saveRecords(items: readonly RecordInput[]): Promise<void> {
    // Validate before writing so getRecord can always parse what is stored. One row per sha256 (an
    // upsert cannot touch a row twice in one statement), in sha256 order so that concurrent batches
    // lock their documents in the same order.
    const latest = new Map<string, RecordInput>();
    for (const item of items) latest.set(item.sha256, { ...item, record: upgradeRecord(item.record) });
    const batch = [...latest.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
    if (batch.length === 0) return;
    const shas = batch.map((item) => item.sha256);
    const documents = buildInserts({
      table: 'documents',
      columns: DOCUMENT_COLUMNS,
      rows: batch.flatMap(({ record, document }) => (document ? [documentRow(document, record.extractorVersion)] : [])),
    });
    const stubs = buildInserts({
      table: 'documents',
      columns: DOCUMENT_COLUMNS,
      rows: batch.flatMap(({ sha256, record, document }) => (document ? [] : [stubDocumentRow(sha256, record)])),
    });
    const reports = buildInserts({ table: 'reports', columns: REPORT_COLUMNS, rows: batch.map((item) => buildReportRow(item.sha256, item.record)) });
    // Each record's child tables, merged table by table across the batch.
    const perRecord = batch.map((item) => buildChildRows(item.sha256, item.record));
    const filled = perRecord[0]!
      .map((table, i) => ({ ...table, rows: perRecord.flatMap((tables) => tables[i]!.rows) }))
      .filter((table) => table.rows.length > 0);
    const childInserts = filled.map(
      (table, i) =>
        `INSERT INTO ${table.table} (${table.columns.join(', ')}) SELECT ${table.columns.join(', ')} FROM json_populate_recordset(null::${table.table}, $${i + 1}::json)`,
    );
    await this.driver.transaction(async (tx) => {
      // Upserting the documents first takes their row locks: concurrent saves of one sha256 (from
      // any process) serialize here, so each sees the other's committed rows and replaces them.
      for (const insert of documents) await tx.query(`${insert.sql} ON CONFLICT (sha256) DO UPDATE SET ${DOCUMENT_UPDATES}`, insert.params);
      for (const insert of stubs) await tx.query(`${insert.sql} ON CONFLICT (sha256) DO UPDATE SET extractor_version = EXCLUDED.extractor_version`, insert.params);
      // Data-modifying CTEs all run on one snapshot: every old child row goes in one statement.
      await tx.query(
        `WITH ${CHILD_TABLES.map((table) => `${table}_gone AS (DELETE FROM ${table} WHERE sha256 = ANY($1::text[]))`).join(', ')}
         DELETE FROM ingest_errors WHERE sha256 = ANY($1::text[])`,
        [shas],
      );
      for (const insert of reports) await tx.query(`${insert.sql} ON CONFLICT (sha256) DO UPDATE SET ${REPORT_UPDATES}, updated_at = now()`, insert.params);
      if (childInserts.length > 0) {
        // Separate from the deletes: in one statement, CTE order is unspecified and an insert could
        // meet a not-yet-deleted row with the same key.
        const sql =
          childInserts.length === 1
            ? childInserts[0]!
            : `WITH ${childInserts.slice(0, -1).map((insert, i) => `rows_${i} AS (${insert})`).join(', ')} ${childInserts.at(-1)}`;
        await tx.query(sql, filled.map(toRecordsetJson));
      }
    });
  }

  async getRecord(sha256: string): Promise<ReportRecord | null> {
    const rows = await this.driver.query<{ record: unknown }>('SELECT record FROM reports WHERE sha256 = $1', [sha256]);
    if (!rows[0]) return null;
    const raw = rows[0].record;
    return upgradeRecord(typeof raw === 'string' ? JSON.parse(raw) : raw);
  }

  async findBySha256Prefix(prefix: string): Promise<string[]> {
    const normalized = prefix.trim().toLowerCase();
    // Only hex can match, and it keeps LIKE wildcards out of the pattern.
    if (!/^[0-9a-f]+$/.test(normalized)) return [];
    const rows = await this.driver.query<{ sha256: string }>(
      'SELECT sha256 FROM documents WHERE sha256 LIKE $1 ORDER BY sha256',
      [`${normalized}%`],
    );
    return rows.map((row) => row.sha256);
  }

  async findByFileName(name: string): Promise<string[]> {
    const rows = await this.driver.query<{ sha256: string }>(
      'SELECT sha256 FROM documents WHERE file_name = $1 ORDER BY ingested_at, sha256',
      [name],
    );
    return rows.map((row) => row.sha256);
  }

  async listReports(filter: ReportFilter = {}): Promise<ReportSummary[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = reportConditions(filter, param);
    checkNonNegativeInteger('limit', filter.limit);
    checkNonNegativeInteger('offset', filter.offset);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const limit = filter.limit !== undefined ? `LIMIT ${param(filter.limit)}` : '';
    const offset = filter.offset !== undefined ? `OFFSET ${param(filter.offset)}` : '';
    const rows = await this.driver.query(
      `SELECT r.sha256, d.file_name, r.title, r.department, r.fiscal_year, r.kind, r.document_kind, r.province, r.city, r.county,
         r.budget, r.execution, r.execution_rate, r.self_score, r.checks_failed, r.checks_warned, r.extractor_version,
         r.record->'figures'->'budget' AS budget_figure, r.record->'figures'->'execution' AS execution_figure,
         (SELECT count(*) FROM forms f WHERE f.sha256 = r.sha256)::integer AS forms
       FROM reports r JOIN documents d ON d.sha256 = r.sha256
       ${where}
       ORDER BY r.fiscal_year DESC NULLS LAST, d.file_name COLLATE "C", r.sha256
       ${limit} ${offset}`,
      params,
    );
    return rows.map((row) => ({
      sha256: row.sha256 as string,
      fileName: row.file_name as string,
      title: row.title as string | null,
      department: row.department as string | null,
      fiscalYear: row.fiscal_year as number | null,
      kind: row.kind as string,
      documentKind: row.document_kind as string,
      region: {
        province: row.province as string | null,
        city: row.city as string | null,
        county: row.county as string | null,
      },
      budget: toNumberOrNull(row.budget),
      execution: toNumberOrNull(row.execution),
      budgetText: shownMoney(row.budget_figure),
      executionText: shownMoney(row.execution_figure),
      executionRate: toNumberOrNull(row.execution_rate),
      selfScore: toNumberOrNull(row.self_score),
      forms: Number(row.forms),
      checksFailed: Number(row.checks_failed),
      checksWarned: Number(row.checks_warned),
      extractorVersion: row.extractor_version as string,
    }));
  }

  async listDocuments(options: { olderThanVersion?: string } = {}): Promise<StoredDocument[]> {
    const rows = await this.driver.query<DocumentRow>(`${DOCUMENT_SELECT} ORDER BY ingested_at, sha256`);
    const documents = rows.map(toStoredDocument);
    const target = options.olderThanVersion;
    if (target === undefined) return documents;
    return documents.filter((doc) => doc.extractorVersion === null || compareVersions(doc.extractorVersion, target) < 0);
  }

  async listRecords(options: RecordPageOptions): Promise<StoredRecord[]> {
    checkNonNegativeInteger('limit', options.limit);
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = reportConditions(options.filter ?? {}, param);
    if (options.after !== undefined) conditions.push(`r.sha256 > ${param(options.after)}`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.driver.query<{ sha256: string; file_name: string; record: unknown }>(
      `SELECT r.sha256, d.file_name, r.record
       FROM reports r JOIN documents d ON d.sha256 = r.sha256
       ${where}
       ORDER BY r.sha256
       LIMIT ${param(options.limit)}`,
      params,
    );
    return rows.map((row) => ({
      sha256: row.sha256,
      fileName: row.file_name,
      record: upgradeRecord(typeof row.record === 'string' ? JSON.parse(row.record) : row.record),
    }));
  }

  async listDepartmentNames(): Promise<DepartmentNameRow[]> {
    const rows = await this.driver.query(
      `SELECT department, province, city, county, fiscal_year, count(*)::integer AS reports
       FROM reports WHERE department IS NOT NULL
       GROUP BY department, province, city, county, fiscal_year
       ORDER BY department COLLATE "C", fiscal_year NULLS FIRST, province, city, county`,
    );
    return rows.map((row) => ({
      department: row.department as string,
      region: { province: row.province as string | null, city: row.city as string | null, county: row.county as string | null },
      fiscalYear: row.fiscal_year as number | null,
      reports: Number(row.reports),
    }));
  }

  async listDepartmentAliases(): Promise<DepartmentAlias[]> {
    const rows = await this.driver.query<{ kind: DepartmentAlias['kind']; source: string; target: string }>(
      'SELECT kind, source, target FROM department_aliases ORDER BY kind, source COLLATE "C"',
    );
    return rows.map((row) => ({ kind: row.kind, source: row.source, target: row.target }));
  }

  async putDepartmentAlias(alias: DepartmentAlias): Promise<void> {
    if (alias.kind !== 'key' && alias.kind !== 'name') throw new RangeError(`bad alias kind ${JSON.stringify(alias.kind)}`);
    await this.driver.query(
      `INSERT INTO department_aliases (kind, source, target) VALUES ($1, $2, $3)
       ON CONFLICT (kind, source) DO UPDATE SET target = EXCLUDED.target, created_at = now()`,
      [alias.kind, cleanText(alias.source), cleanText(alias.target)],
    );
  }

  async deleteDepartmentAlias(kind: DepartmentAlias['kind'], source: string): Promise<boolean> {
    const rows = await this.driver.query('DELETE FROM department_aliases WHERE kind = $1 AND source = $2 RETURNING 1 AS deleted', [
      kind,
      source,
    ]);
    return rows.length > 0;
  }

  async recordError(error: IngestErrorInput): Promise<void> {
    await this.driver.query(
      'INSERT INTO ingest_errors (sha256, file_name, code, message, disposition) VALUES ($1, $2, $3, $4, $5)',
      [error.sha256 ?? null, cleanText(error.fileName), error.code, cleanText(error.message), error.disposition],
    );
  }

  async listErrors(): Promise<Array<IngestErrorInput & { at: Date }>> {
    const rows = await this.driver.query(
      'SELECT sha256, file_name, code, message, disposition, at FROM ingest_errors ORDER BY at, id',
    );
    return rows.map((row) => ({
      sha256: row.sha256 as string | null,
      fileName: row.file_name as string,
      code: row.code as string,
      message: row.message as string,
      disposition: row.disposition as string,
      at: toDate(row.at),
    }));
  }

  async stats(): Promise<StoreStats> {
    const rows = await this.driver.query(`SELECT
      (SELECT count(*) FROM documents)::integer AS documents,
      (SELECT count(*) FROM reports)::integer AS reports,
      (SELECT count(*) FROM reports WHERE checks_failed > 0)::integer AS failed,
      (SELECT count(*) FROM ingest_errors)::integer AS errors`);
    const row = rows[0] ?? {};
    return {
      documents: Number(row.documents),
      reports: Number(row.reports),
      reportsWithFailedChecks: Number(row.failed),
      ingestErrors: Number(row.errors),
    };
  }

  async rowCounts(sha256: string): Promise<RowCounts> {
    const rows = await this.driver.query(
      `SELECT
        (SELECT count(*) FROM reports WHERE sha256 = $1)::integer AS reports,
        (SELECT count(*) FROM figures WHERE sha256 = $1)::integer AS figures,
        (SELECT count(*) FROM counts WHERE sha256 = $1)::integer AS counts,
        (SELECT count(*) FROM indicators WHERE sha256 = $1)::integer AS indicators,
        (SELECT count(*) FROM checks WHERE sha256 = $1)::integer AS checks,
        (SELECT count(*) FROM forms WHERE sha256 = $1)::integer AS forms`,
      [sha256],
    );
    const row = rows[0] ?? {};
    return {
      reports: Number(row.reports),
      figures: Number(row.figures),
      counts: Number(row.counts),
      indicators: Number(row.indicators),
      checks: Number(row.checks),
      forms: Number(row.forms),
    };
  }

  async listFigures(sha256: string): Promise<StoredFigure[]> {
    const rows = await this.driver.query(
      `SELECT field, name, code, value::text AS value, exact, text, unit, kind, page
       FROM figures WHERE sha256 = $1 ORDER BY ord`,
      [sha256],
    );
    return rows.map((row) => ({
      field: row.field as string,
      name: row.name as string | null,
      code: row.code as string | null,
      value: row.value as string | null,
      exact: row.exact as string,
      text: row.text as string,
      unit: row.unit as string,
      kind: row.kind as string,
      page: row.page as number | null,
    }));
  }

  async listForms(sha256: string): Promise<StoredForm[]> {
    const rows = await this.driver.query(
      `SELECT form_id, part, form_kind, source, project, page_start, page_end, budget::text AS budget, execution::text AS execution,
         execution_rate::text AS execution_rate, total_score::text AS total_score, grade, indicators, checks_failed
       FROM forms WHERE sha256 = $1 ORDER BY ord`,
      [sha256],
    );
    return rows.map((row) => ({
      formId: row.form_id as string,
      part: row.part as string | null,
      formKind: row.form_kind as string,
      source: row.source as string,
      project: row.project as string | null,
      pageStart: row.page_start as number | null,
      pageEnd: row.page_end as number | null,
      budget: row.budget as string | null,
      execution: row.execution as string | null,
      executionRate: row.execution_rate as string | null,
      totalScore: row.total_score as string | null,
      grade: row.grade as string | null,
      indicators: Number(row.indicators),
      checksFailed: Number(row.checks_failed),
    }));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
