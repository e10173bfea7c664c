/**
 * The store contract: documents (the files as received), report records (the extraction result as
 * jsonb plus comparable columns and long-form child rows) and ingest errors. Two adapters implement
 * it over the same SQL: embedded PGlite (default, a data directory on disk) and PostgreSQL (`pg`).
 */
import type { ReportRecord } from '../schema/record.js';
export { KIND_VALUES } from '../schema/kinds.js';

export type { ReportRecord } from '../schema/record.js';

export interface DocumentInput {
  sha256: string;
  fileName: string;
  format: string;
  /** The file itself; omitted when the caller does not want it kept. */
  bytes?: Uint8Array;
  byteLength: number;
  pages: number;
  ocrPages: number;
}

/** One report for `saveRecords`. */
export interface RecordInput {
  sha256: string;
  record: ReportRecord;
  /** The document as `putDocument` takes it; without it a stub row is made from `record.source`. */
  document?: DocumentInput;
}

export interface StoredDocument {
  sha256: string;
  fileName: string;
  format: string;
  byteLength: number;
  pages: number;
  ocrPages: number;
  ingestedAt: Date;
  /** Version of the extractor that produced the stored record; null before any record was saved. */
  extractorVersion: string | null;
  hasBytes: boolean;
}


export interface ReportFilter {
  /** 年度 */
  year?: number;
  /** Substring of province + city + county (广东省广州市花都区 matches 广州, 花都区 …). */
  region?: string;
  /** Substring of the department name, case-insensitive. */
  department?: string;
  /**
   * ReportKind (department_overall | project | unknown: what the self-evaluation is about) or
   * DocumentKind (self_evaluation_report | self_evaluation_forms | final_accounts | budget |
   * target_declaration | evaluation_report | other: what the document is); the names do not overlap.
   */
  kind?: string;
  /** true: only reports with at least one failed check; false: only reports with none. */
  failedChecks?: boolean;
  limit?: number;
  offset?: number;
}

export interface ReportSummary {
  sha256: string;
  fileName: string;
  title: string | null;
  department: string | null;
  fiscalYear: number | null;
  kind: string;
  /** DocumentKind: what the document is (final_accounts, self_evaluation_report …). */
  documentKind: string;
  region: { province: string | null; city: string | null; county: string | null };
  /** 预算数, yuan. */
  budget: number | null;
  /** 执行数, yuan. */
  execution: number | null;
  /** The budget and execution as the report printed them, with separators (1,234.56万元; see showMoney). */
  budgetText: string | null;
  executionText: string | null;
  /** 执行率 as stated, a fraction (0.802). */
  executionRate: number | null;
  /** 自评得分 */
  selfScore: number | null;
  /** 自评表 forms in the document (rows of the forms table). */
  forms: number;
  checksFailed: number;
  checksWarned: number;
  extractorVersion: string;
}

export interface IngestErrorInput {
  sha256?: string | null;
  fileName: string;
  /** JixiaoError.code, or `internal_error`. */
  code: string;
  message: string;
  /** ErrorDisposition: permanent | transient | fatal. */
  disposition: string;
}

/** One spelling of a department name in one region and year, with how many reports use it. */
export interface DepartmentNameRow {
  /** The name as stated in the record. */
  department: string;
  region: { province: string | null; city: string | null; county: string | null };
  fiscalYear: number | null;
  reports: number;
}

/**
 * A user's correction of department identity (see src/export/departments.ts):
 *  - `key`: reports whose department key is `source` belong to department `target` (a merge);
 *  - `name`: reports whose department name (width and whitespace folded) is `source` get key `target` (a split).
 */
export interface DepartmentAlias {
  kind: 'key' | 'name';
  source: string;
  target: string;
}

/** A page of full records, in sha256 order, after the `after` cursor. */
export interface RecordPageOptions {
  filter?: Omit<ReportFilter, 'limit' | 'offset'>;
  /** Only records whose sha256 sorts after this one (keyset paging). */
  after?: string;
  limit: number;
}

export interface StoredRecord {
  sha256: string;
  fileName: string;
  record: ReportRecord;
}

export interface StoreStats {
  documents: number;
  reports: number;
  reportsWithFailedChecks: number;
  ingestErrors: number;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** Apply pending migrations (idempotent; safe under concurrent callers on postgres: use an advisory lock). */
  migrate(): Promise<void>;
  /** Idempotent by sha256; the first bytes stored are kept, later calls refresh the metadata only. */
  putDocument(doc: DocumentInput): Promise<void>;
  getDocument(sha256: string): Promise<StoredDocument | null>;
  getDocumentBytes(sha256: string): Promise<Uint8Array | null>;
  /**
   * Writes the record and all its child rows (figures, functions, counts, indicators, checks) in ONE
   * transaction, replacing any previous rows for the same sha256 (idempotent upsert). Clears
   * ingest_errors for that sha256. Creates a stub document row from `record.source` when
   * `putDocument` was not called first.
   */
  saveRecord(sha256: string, record: ReportRecord): Promise<void>;
  /**
   * `saveRecord` for several reports in ONE transaction (all or none), with each document's
   * metadata and bytes when given (as `putDocument`). A few statements per call whatever the number
   * of reports, so a bulk import writes far faster in batches. Repeated sha256s: the last one wins.
   */
  saveRecords(items: readonly RecordInput[]): Promise<void>;
  /** The full JSON record, validated against the ReportRecord schema. */
  getRecord(sha256: string): Promise<ReportRecord | null>;
  findBySha256Prefix(prefix: string): Promise<string[]>;
  findByFileName(name: string): Promise<string[]>;
  listReports(filter?: ReportFilter): Promise<ReportSummary[]>;
  /** With `olderThanVersion`: documents with no record or a record from an older extractor (for reprocess). */
  listDocuments(options?: { olderThanVersion?: string }): Promise<StoredDocument[]>;
  /** Full records matching `filter`, in sha256 order: page with `after` = the last sha256 seen. */
  listRecords(options: RecordPageOptions): Promise<StoredRecord[]>;
  /** Every (department, region, year) stated in a record, with its report count; null names left out. */
  listDepartmentNames(): Promise<DepartmentNameRow[]>;
  listDepartmentAliases(): Promise<DepartmentAlias[]>;
  /** Upsert by (kind, source). */
  putDepartmentAlias(alias: DepartmentAlias): Promise<void>;
  /** True when an alias was removed. */
  deleteDepartmentAlias(kind: DepartmentAlias['kind'], source: string): Promise<boolean>;
  recordError(error: IngestErrorInput): Promise<void>;
  listErrors(): Promise<Array<IngestErrorInput & { at: Date }>>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Rows stored for one report, per table. */
export interface RowCounts {
  reports: number;
  figures: number;
  counts: number;
  indicators: number;
  checks: number;
  forms: number;
}

/** One row of the forms table (one 自评表, or one row of a score summary table). */
export interface StoredForm {
  formId: string;
  part: string | null;
  formKind: string;
  source: string;
  project: string | null;
  pageStart: number | null;
  pageEnd: number | null;
  /** numeric columns as PostgreSQL prints them: exact, never via a float. */
  budget: string | null;
  execution: string | null;
  executionRate: string | null;
  totalScore: string | null;
  grade: string | null;
  indicators: number;
  checksFailed: number;
}

/** One row of the long-form figures table. */
export interface StoredFigure {
  /** budget, execution, byFunction, project.budget, … */
  field: string;
  /** Item name for named amounts and projects; null for top-level figures. */
  name: string | null;
  code: string | null;
  /** The numeric column as PostgreSQL prints it: exact, never via a float. */
  value: string | null;
  exact: string;
  text: string;
  unit: string;
  kind: string;
  page: number | null;
}

/** What both adapters return: the Store plus read-only views of the long-form tables. */
export interface InspectableStore extends Store {
  rowCounts(sha256: string): Promise<RowCounts>;
  listFigures(sha256: string): Promise<StoredFigure[]>;
  listForms(sha256: string): Promise<StoredForm[]>;
}
