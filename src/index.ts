/**
 * jixiao's public API. Each stage is a function; the CLI (`jixiao …`) is built from the same ones.
 *
 *   const { record } = await analyzeBytes(bytes, { fileName: 'report.pdf' });
 *   record.figures.budget?.value   // 8903300 (yuan), with record.figures.budget.evidence
 *   record.checks.filter((c) => c.status === 'fail')
 *
 * Stages, for finer control: readDocument (bytes → normalized SourceDocument) → extractRecord
 * (→ ReportRecord) → checkRecord (→ CheckResult[]). Storage: openStore (PGlite by default,
 * PostgreSQL with a URL). The record's JSON Schema is `schema/report-record.schema.json`.
 */
export { analyzeBytes, sha256Of, type Analysis, type AnalyzeOptions } from './analyze.js';
export { readDocument, readRaw } from './ingest/read.js';
export type { Block, PageInfo, RawDocument, ReadOptions, SourceDocument, SourceFormat, TableCell } from './ingest/document.js';
export { extractRecord, type ExtractOptions } from './extract/extract-record.js';
export { findNumbers, type FindNumbersOptions, type NumberMatch } from './extract/numbers.js';
export { checkRecord, type CheckOptions } from './check/index.js';
export { openStore, type OpenStoreOptions } from './store/open-store.js';
export type { Store, RecordInput, ReportFilter, ReportSummary } from './store/store.js';
export { ingestFiles, reprocessDocuments, type EmbeddedIngestOptions, type IngestSummary } from './queue/embedded.js';
export { ReportRecord, Figure, CheckResult, Evidence, Interval } from './schema/record.js';
export {
  JixiaoError,
  InputError,
  EmptyFileError,
  UnsupportedFormatError,
  CorruptFileError,
  EncryptedFileError,
  FileTooLargeError,
  ZipBombError,
  NoTextError,
  ServiceUnavailableError,
  ConfigError,
  dispositionOf,
  type ErrorDisposition,
} from './errors.js';
export { EXTRACTOR_VERSION } from './version.js';
