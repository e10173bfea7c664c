import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import { DEFAULTS, type Config } from '../config.js';
import { readLimitsOf, type ReadLimits } from '../ingest/document.js';
import { ConfigError, ServiceUnavailableError } from '../errors.js';
import { runWithBudget } from './run-with-budget.js';
import { onStopRequest } from '../cli/stop-signals.js';
import { openStore } from '../store/open-store.js';
import { createBatchWriter } from '../store/batch-writer.js';
import type { Store } from '../store/store.js';
import { connectRedis, DEFAULT_JOB_OPTIONS, type IngestJobData } from './bullmq-queue.js';
import { runAnalyzeTask, type AnalyzeTask, type AnalyzeTaskResult } from './analyze-task.js';
import { isDefiniteFailure } from '../check/result.js';

export interface IngestWorkerOptions extends ReadLimits {
  redisUrl: string;
  queueName: string;
  store: Store;
  concurrency: number;
  /** Lock and stall timing (ms); shorter values make a killed worker's job move on sooner. */
  lockDuration?: number;
  stalledInterval?: number;
  /**
   * Scanned documents go to their own queue (`<queueName>-ocr`) so a batch of scans does not starve
   * text PDFs: 'text' consumes the main queue without OCR and forwards scans; 'ocr' consumes the OCR
   * queue; 'all' (default) does both in one process, the OCR side with `ocrConcurrency`.
   */
  role?: 'all' | 'text' | 'ocr';
  /** Jobs in parallel on the OCR queue (default 1: OCR is memory-hungry, ~250 MB per page in flight). */
  ocrConcurrency?: number;
  /** Time one document may take (default DEFAULTS.documentTimeoutMs); over it the job fails with `timeout`, not retried. */
  documentTimeoutMs?: number;
  /** Called once a job failed with a fatal error; `runWorker` stops the worker and exits 3. */
  onFatal?: (reason: string) => void;
}

export const ocrQueueName = (queueName: string) => `${queueName}-ocr`;

const WORKER_FILE = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));

/**
 * A BullMQ worker whose processor keeps the event loop free: the CPU-bound analysis runs on a
 * piscina worker thread, so lock renewal never starves; the main thread fetches the original from
 * the store and writes the record (group-committed with those of concurrent jobs). Input errors end as ingest_errors rows and
 * UnrecoverableError (no retries); store or Redis outages are thrown as-is and retried with backoff.
 */
export async function startIngestWorker(options: IngestWorkerOptions): Promise<{ worker: Worker<IngestJobData>; ocrWorker: Worker<IngestJobData> | null; close(): Promise<void> }> {
  const connection = await connectRedis(options.redisUrl);
  const role = options.role ?? 'all';
  const ocrConcurrency = options.ocrConcurrency ?? 1;
  const pool = existsSync(WORKER_FILE)
    ? new Piscina({ filename: WORKER_FILE, maxThreads: options.concurrency + (role === 'text' ? 0 : ocrConcurrency), minThreads: 1 })
    : null;
  const ocrQueue = new Queue<IngestJobData>(ocrQueueName(options.queueName), { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  // Jobs that finish while another job's record is being written are written together.
  const writer = createBatchWriter(options.store);

  const makeProcessor = (ocr: boolean) => async (job: Job<IngestJobData>) => {
    const { sha256, fileName } = job.data;
    const bytes = await options.store.getDocumentBytes(sha256);
    if (!bytes) {
      await options.store.recordError({ sha256, fileName, code: 'missing_original', message: `${fileName}: the original is not in the store`, disposition: 'permanent' });
      throw new UnrecoverableError(`original ${sha256} not in the store`);
    }
    const task: AnalyzeTask = {
      bytes,
      fileName,
      sha256,
      ocr,
      ...readLimitsOf(options),
    };
    const result: AnalyzeTaskResult = pool ? await runWithBudget(pool, task, options.documentTimeoutMs ?? DEFAULTS.documentTimeoutMs) : await runAnalyzeTask(task);
    // A scan (or a PDF with scanned pages) read without OCR: hand it to the OCR queue.
    const needsOcr = (result.ok && result.record.source.unreadPages > 0) || (!result.ok && result.code === 'no_text' && /OCR/u.test(result.message));
    if (!ocr && needsOcr) {
      await ocrQueue.add('ocr', job.data, { jobId: sha256 });
      return { forwardedToOcr: true };
    }
    if (!result.ok) {
      // Retried with backoff by BullMQ, naming the service that failed.
      if (result.disposition === 'transient') throw new ServiceUnavailableError(result.service ?? options.store.kind, result.message);
      await options.store.recordError({ sha256, fileName, code: result.code, message: result.message, disposition: result.disposition });
      // Misconfiguration would fail every job the same way: this worker stops (exit 3) after recording it.
      if (result.disposition === 'fatal') setImmediate(() => options.onFatal?.(`${result.code}: ${result.message}`));
      throw new UnrecoverableError(`${result.code}: ${result.message}`);
    }
    await writer.save({
      sha256,
      record: result.record,
      document: { sha256, fileName, format: result.format, byteLength: bytes.length, pages: result.pages, ocrPages: result.ocrPages },
    });
    return { checksFailed: result.record.checks.filter(isDefiniteFailure).length };
  };
  const workerOptions = {
    connection,
    lockDuration: options.lockDuration ?? DEFAULTS.lockDuration,
    stalledInterval: options.stalledInterval ?? DEFAULTS.stalledInterval,
    maxStalledCount: 3,
  };
  const ignore = () => {
    // connection errors surface as retries; an unhandled 'error' event would crash the worker
  };
  const worker = new Worker<IngestJobData>(options.queueName, makeProcessor(role === 'ocr'), {
    ...workerOptions,
    concurrency: options.concurrency,
    autorun: role !== 'ocr',
  });
  worker.on('error', ignore);
  const ocrWorker =
    role === 'text'
      ? null
      : new Worker<IngestJobData>(ocrQueueName(options.queueName), makeProcessor(true), { ...workerOptions, concurrency: ocrConcurrency });
  ocrWorker?.on('error', ignore);
  return {
    worker,
    ocrWorker,
    async close() {
      await Promise.all([worker.close(), ocrWorker?.close()]);
      await ocrQueue.close();
      await pool?.destroy();
      connection.disconnect();
    },
  };
}

/** `jixiao worker`: runs until SIGTERM/SIGINT or a fatal job error, then lets active jobs finish (a fatal error then throws: exit 3). */
export async function runWorker(
  config: Config,
  opts: { redisUrl?: string; concurrency?: number; dataDir?: string; databaseUrl?: string; role?: 'all' | 'text' | 'ocr'; ocrConcurrency?: number },
): Promise<void> {
  const redisUrl = opts.redisUrl ?? config.redisUrl;
  if (!redisUrl) throw new ConfigError('the worker needs a Redis URL: pass --redis-url or set JIXIAO_REDIS_URL');
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: opts.dataDir ?? config.dataDir });
  await store.migrate();
  const concurrency = opts.concurrency ?? Math.min(config.concurrency, availableParallelism());
  let stop: (why: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const w = await startIngestWorker({
    redisUrl,
    queueName: config.queueName,
    store,
    concurrency,
    ...config.readLimits,
    lockDuration: config.lockDuration,
    stalledInterval: config.stalledInterval,
    role: opts.role ?? 'all',
    ocrConcurrency: opts.ocrConcurrency ?? config.ocrConcurrency,
    documentTimeoutMs: config.documentTimeoutMs,
    onFatal: (reason) => stop(`fatal error (${reason})`),
  });
  process.stderr.write(`jixiao worker: consuming "${config.queueName}" with concurrency ${concurrency}, storing into ${store.kind}\n`);
  w.worker.on('completed', (job) => process.stderr.write(`done ${job.data.fileName} ${job.data.sha256.slice(0, 12)}\n`));
  w.worker.on('failed', (job, err) => process.stderr.write(`failed ${job?.data.fileName ?? '?'}: ${err.message}\n`));
  w.ocrWorker?.on('completed', (job) => process.stderr.write(`done (OCR) ${job.data.fileName} ${job.data.sha256.slice(0, 12)}\n`));
  w.ocrWorker?.on('failed', (job, err) => process.stderr.write(`failed (OCR) ${job?.data.fileName ?? '?'}: ${err.message}\n`));
  const unwatch = onStopRequest(stop);
  const why = await stopped;
  unwatch();
  process.stderr.write(`jixiao worker: ${why}, finishing active jobs…\n`);
  await w.close();
  await store.close();
  if (why.startsWith('fatal')) throw new ConfigError(`worker stopped after a ${why}`);
}
