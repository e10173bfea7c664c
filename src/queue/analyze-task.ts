/**
 * The unit of work run off the main thread (piscina worker threads in embedded mode, BullMQ
 * sandboxed processors in queue mode). Errors cross the thread boundary as data, because class
 * identity does not survive structured cloning.
 */
import { analyzeBytes } from '../analyze.js';
import { readLimitsOf, type ReadLimits } from '../ingest/document.js';
import { dispositionOf, errorCode, ServiceUnavailableError, type ServiceName } from '../errors.js';
import type { ReportRecord } from '../schema/record.js';

export interface AnalyzeTask extends ReadLimits {
  bytes: Uint8Array;
  fileName: string;
  sha256: string;
  /** Recognize pages without a text layer (default true). Queue mode reads text first and sends scans to the OCR queue. */
  ocr?: boolean;
}

export type AnalyzeTaskResult =
  | { ok: true; record: ReportRecord; format: string; pages: number; ocrPages: number; notes: string[] }
  | { ok: false; code: string; message: string; disposition: string; service?: ServiceName };

export async function runAnalyzeTask(task: AnalyzeTask): Promise<AnalyzeTaskResult> {
  try {
    const { record, doc } = await analyzeBytes(task.bytes, {
      fileName: task.fileName,
      sha256: task.sha256,
      ...readLimitsOf(task),
      ...(task.ocr === false ? { ocr: false } : {}),
    });
    return {
      ok: true,
      record,
      format: doc.format,
      pages: doc.pages.length,
      ocrPages: record.source.ocrPages,
      notes: record.source.notes ?? [],
    };
  } catch (error) {
    return {
      ok: false,
      code: errorCode(error),
      message: error instanceof Error ? error.message : String(error),
      disposition: dispositionOf(error),
      ...(error instanceof ServiceUnavailableError ? { service: error.service } : {}),
    };
  }
}

export default runAnalyzeTask;
