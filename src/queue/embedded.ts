import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { sha256Of } from '../analyze.js';
import { readLimitsOf, type ReadLimits } from '../ingest/document.js';
import { dispositionOf, errorCode } from '../errors.js';
import { createBatchWriter } from '../store/batch-writer.js';
import type { Store, StoredDocument } from '../store/store.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { runAnalyzeTask, type AnalyzeTask, type AnalyzeTaskResult } from './analyze-task.js';
import { runWithBudget } from './run-with-budget.js';
import { DEFAULTS } from '../config.js';
import { isDefiniteFailure } from '../check/result.js';

export type IngestEvent =
  | { type: 'stored'; file: string; sha256: string; checksFailed: number; notes: string[] }
  | { type: 'skipped'; file: string; sha256: string; reason: string }
  | { type: 'failed'; file: string; sha256: string | null; code: string; message: string };

export interface IngestSummary {
  files: number;
  stored: number;
  skipped: number;
  failed: Array<{ file: string; code: string; message: string }>;
  /** Stored reports with a note on the file itself (a wrong extension, no self-evaluation content). */
  notes: Array<{ file: string; note: string }>;
  withFailedChecks: number;
  /** A fatal error (misconfiguration) stopped the batch: the files after it were not started. */
  stoppedBy?: { file: string; code: string; message: string };
  /** Files not started because the run was asked to stop (options.signal). */
  notStarted?: number;
  seconds: number;
}

export interface EmbeddedIngestOptions extends ReadLimits {
  store: Store;
  /** Worker threads; 0 runs everything on the main thread. */
  concurrency: number;
  /** Re-analyze documents already stored by this extractor version. */
  force?: boolean;
  /** Keep each original's bytes in the store (default true), so `reprocess` needs no source folder. */
  keepBytes?: boolean;
  onEvent?: (event: IngestEvent) => void;
  /** Time one document may take on the pool (default DEFAULTS.documentTimeoutMs); over it: a `timeout` failure. */
  documentTimeoutMs?: number;
  /** Aborted (SIGTERM, SIGINT): no new file is started, those in flight finish and are stored. */
  signal?: AbortSignal;
}

const WORKER_FILE = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));

/** Records per store transaction: saves that queue up while one is written go in together. */
const STORE_BATCH = 16;
/** Bytes of files in flight (read, being analyzed, or waiting for the store), past the first file. */
const IN_FLIGHT_BYTES = 256 * 1024 * 1024;

/**
 * One input of the pipeline: a file on disk, or an original already in the store (reprocess).
 * `read` resolves to null when there is nothing to read (an original that was not kept).
 */
interface IngestSource {
  /** Path or name shown in events and the summary. */
  label: string;
  fileName: string;
  /** The sha256 the bytes must have, when known beforehand (originals in the store). */
  sha256?: string;
  /** Bytes, for the in-flight budget; 0 when unknown. */
  size(): Promise<number>;
  read(): Promise<Uint8Array | null>;
}

function fileSource(file: string): IngestSource {
  return {
    label: file,
    fileName: basename(file),
    async size() {
      try {
        return (await stat(file)).size;
      } catch {
        return 0; // reading the file will report the problem
      }
    },
    async read() {
      return new Uint8Array(await readFile(file));
    },
  };
}

/** Embedded ingest of files on disk (see runPipeline). */
export async function ingestFiles(paths: string[], options: EmbeddedIngestOptions): Promise<IngestSummary> {
  return runPipeline(paths.map(fileSource), options);
}

/**
 * Re-analyzes originals kept in the store with this extractor, on the same thread pool and group
 * commits as ingest (`jixiao reprocess`). Documents whose original was not kept are skipped.
 */
export async function reprocessDocuments(
  documents: readonly StoredDocument[],
  options: Omit<EmbeddedIngestOptions, 'force' | 'keepBytes'>,
): Promise<IngestSummary> {
  const { store } = options;
  const sources = documents.map(
    (doc): IngestSource => ({
      label: doc.fileName,
      fileName: doc.fileName,
      sha256: doc.sha256,
      size: async () => doc.byteLength,
      read: () => store.getDocumentBytes(doc.sha256),
    }),
  );
  return runPipeline(sources, { ...options, force: true, keepBytes: false });
}

/**
 * Embedded ingest: files are read and hashed on the main thread, analyzed on a pool of worker
 * threads, and stored by the main thread (PGlite has one connection) in group commits: results
 * that arrive while a write runs are written together, since each PGlite statement costs the main
 * thread time the analysis threads would otherwise wait for. At most 2 × threads + 16 files (and
 * 256 MB of them) are in flight, so memory does not grow with the batch.
 */
async function runPipeline(sources: readonly IngestSource[], options: EmbeddedIngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store } = options;
  const useThreads = options.concurrency > 0 && existsSync(WORKER_FILE);
  // All threads stay up for the whole batch: piscina's default idleTimeout (0) ends a thread above
  // minThreads the moment it idles, and each new thread loads jieba's dictionaries again (3–4 s).
  // With minThreads 1, 300 seed-sized files ran at 0.6 reports/s and peaked at 14 GiB RSS.
  // Two tasks per thread: the second waits inside the thread, so a thread that finishes while the
  // main thread is busy writing a batch into PGlite starts on its next file at once.
  const pool = useThreads
    ? new Piscina({ filename: WORKER_FILE, maxThreads: options.concurrency, minThreads: options.concurrency, concurrentTasksPerWorker: 2 })
    : null;
  const summary: IngestSummary = { files: sources.length, stored: 0, skipped: 0, failed: [], notes: [], withFailedChecks: 0, seconds: 0 };
  const budgetMs = options.documentTimeoutMs ?? DEFAULTS.documentTimeoutMs;
  const seen = new Set<string>();
  const writer = createBatchWriter(store, { maxBatch: STORE_BATCH });
  const emit = (e: IngestEvent) => options.onEvent?.(e);

  const fail = async (source: IngestSource, sha256: string | null, code: string, message: string, disposition: string) => {
    summary.failed.push({ file: source.label, code, message });
    // Misconfiguration fails every file the same way: stop the batch (see errors.ts).
    if (disposition === 'fatal') summary.stoppedBy ??= { file: source.label, code, message };
    emit({ type: 'failed', file: source.label, sha256, code, message });
    try {
      await store.recordError({ sha256, fileName: source.fileName, code, message, disposition });
    } catch {
      // the summary still reports it
    }
  };
  const skip = (source: IngestSource, sha256: string, reason: string) => {
    summary.skipped++;
    emit({ type: 'skipped', file: source.label, sha256, reason });
  };

  const processOne = async (source: IngestSource): Promise<void> => {
    const file = source.label;
    let bytes: Uint8Array | null;
    try {
      bytes = await source.read();
    } catch (error) {
      await fail(source, null, 'unreadable_file', `${file}: ${(error as Error).message}`, 'permanent');
      return;
    }
    if (bytes === null) {
      skip(source, source.sha256 ?? '', 'original not kept in the store');
      return;
    }
    const sha256 = sha256Of(bytes);
    if (source.sha256 !== undefined && sha256 !== source.sha256) {
      const message = `${file}: the stored original has sha256 ${sha256}, not ${source.sha256}`;
      await fail(source, source.sha256, 'checksum_mismatch', message, 'permanent');
      return;
    }
    if (seen.has(sha256)) {
      skip(source, sha256, 'same bytes as another file in this batch');
      return;
    }
    seen.add(sha256);
    if (!options.force) {
      const existing = await store.getDocument(sha256);
      if (existing?.extractorVersion === EXTRACTOR_VERSION) {
        skip(source, sha256, 'already stored');
        return;
      }
    }
    const task: AnalyzeTask = {
      bytes,
      fileName: source.fileName,
      sha256,
      ...readLimitsOf(options),
    };
    let result: AnalyzeTaskResult;
    try {
      // Without threads a document cannot be interrupted: the budget applies on the pool only.
      result = pool ? await runWithBudget(pool, task, budgetMs) : await runAnalyzeTask(task);
    } catch (error) {
      result = { ok: false, code: errorCode(error), message: (error as Error).message, disposition: dispositionOf(error) };
    }
    if (!result.ok) {
      await fail(source, sha256, result.code, result.message, result.disposition);
      return;
    }
    await writer.save({
      sha256,
      record: result.record,
      document: {
        sha256,
        fileName: source.fileName,
        format: result.format,
        byteLength: bytes.length,
        pages: result.pages,
        ocrPages: result.ocrPages,
        ...(options.keepBytes === false ? {} : { bytes }),
      },
    });
    const checksFailed = result.record.checks.filter(isDefiniteFailure).length;
    summary.stored++;
    if (checksFailed > 0) summary.withFailedChecks++;
    for (const note of result.notes) summary.notes.push({ file, note });
    emit({ type: 'stored', file, sha256, checksFailed, notes: result.notes });
  };

  const inFlight = new Set<Promise<void>>();
  const limit = Math.max(1, options.concurrency || 1) * 2 + STORE_BATCH;
  let inFlightBytes = 0;
  try {
    for (const [index, source] of sources.entries()) {
      if (summary.stoppedBy) break;
      if (options.signal?.aborted) {
        summary.notStarted = sources.length - index;
        break;
      }
      const size = await source.size();
      while (inFlight.size > 0 && (inFlight.size >= limit || inFlightBytes + size > IN_FLIGHT_BYTES)) await Promise.race(inFlight);
      inFlightBytes += size;
      const p: Promise<void> = processOne(source)
        .catch((error: unknown) => fail(source, null, errorCode(error), (error as Error).message ?? String(error), dispositionOf(error)))
        .finally(() => {
          inFlight.delete(p);
          inFlightBytes -= size;
        });
      inFlight.add(p);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.destroy();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
