/** The contract between the app's /api/export route and whatever writes the files. */
import type { ReportFilter } from '../store/store.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  /** Which table (reports, figures, checks …); undefined = the exporter's default. */
  table: string | undefined;
  /** The store-side filter of the selection. */
  filter: ReportFilter;
  /** The reports of the selection, after every filter including the text search. */
  sha256s: string[];
}

export interface ExportFile {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
}

export type ExportHandler = (request: ExportRequest) => Promise<ExportFile>;

/** A request the exporter cannot serve (unknown table): answered with 400. */
export class ExportRequestError extends Error {
  override readonly name = 'ExportRequestError';
}
