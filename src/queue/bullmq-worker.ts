import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import type { Config } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { connectRedis, type IngestJobData } from './bullmq-queue.js';
import { runAnalyzeTask, type AnalyzeTask, type AnalyzeTaskResult } from './analyze-task.js';

export interface IngestWorkerOptions {
  redisUrl: string;
  queueName: string;
  store: Store;
  concurrency: number;
  maxBytes?: number;
  maxUncompressedBytes?: number;
  /** Lock and stall timing (ms); shorter values make a killed worker's job move on sooner. */
  lockDuration?: number;
  stalledInterval?: number;
}

const WORKER_FILE = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));

/**
 * A BullMQ worker whose processor keeps the event loop free: the CPU-bound analysis runs on a
 * piscina worker thread, so lock renewal never starves; the main thread fetches the original from
 * the store and writes the record. Input errors end as ingest_errors rows and
 * UnrecoverableError (no retries); store or Redis outages are thrown as-is and retried with backoff.
 */
export async function startIngestWorker(options: IngestWorkerOptions): Promise<{ worker: Worker<IngestJobData>; close(): Promise<void> }> {
  const connection = await connectRedis(options.redisUrl);
  // minThreads = maxThreads: a thread that idles between jobs would otherwise be ended at once
  // (piscina's idleTimeout is 0) and its replacement would load jieba's dictionaries again (3–4 s).
  const pool = existsSync(WORKER_FILE)
    ? new Piscina({ filename: WORKER_FILE, maxThreads: options.concurrency, minThreads: options.concurrency })
    : null;
  const processor = async (job: Job<IngestJobData>) => {
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
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      ...(options.maxUncompressedBytes !== undefined ? { maxUncompressedBytes: options.maxUncompressedBytes } : {}),
    };
    const result: AnalyzeTaskResult = pool ? await pool.run(task) : await runAnalyzeTask(task);
    if (!result.ok) {
      if (result.disposition === 'transient') throw new ServiceUnavailableError('postgres', result.message);
      await options.store.recordError({ sha256, fileName, code: result.code, message: result.message, disposition: result.disposition });
      throw new UnrecoverableError(`${result.code}: ${result.message}`);
    }
    await options.store.putDocument({ sha256, fileName, format: result.format, byteLength: bytes.length, pages: result.pages, ocrPages: result.ocrPages });
    await options.store.saveRecord(sha256, result.record);
    return { checksFailed: result.record.checks.filter((c) => c.status === 'fail').length };
  };
  const worker = new Worker<IngestJobData>(options.queueName, processor, {
    connection,
    concurrency: options.concurrency,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: 3,
  });
  worker.on('error', () => {
    // connection errors surface as retries; an unhandled 'error' event would crash the worker
  });
  return {
    worker,
    async close() {
      await worker.close();
      await pool?.destroy();
      connection.disconnect();
    },
  };
}

/** `jixiao worker`: runs until SIGTERM/SIGINT, then lets active jobs finish. */
export async function runWorker(config: Config, opts: { redisUrl?: string; concurrency?: number; dataDir?: string; databaseUrl?: string }): Promise<void> {
  const redisUrl = opts.redisUrl ?? config.redisUrl;
  if (!redisUrl) throw new ServiceUnavailableError('redis', 'no Redis URL: pass --redis-url or set JIXIAO_REDIS_URL');
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: opts.dataDir ?? config.dataDir });
  await store.migrate();
  const concurrency = opts.concurrency ?? Math.min(config.concurrency, availableParallelism());
  const w = await startIngestWorker({
    redisUrl,
    queueName: config.queueName,
    store,
    concurrency,
    maxBytes: config.maxBytes,
    maxUncompressedBytes: config.maxUncompressedBytes,
    lockDuration: config.lockDuration,
    stalledInterval: config.stalledInterval,
  });
  process.stderr.write(`jixiao worker: consuming "${config.queueName}" with concurrency ${concurrency}, storing into ${store.kind}\n`);
  w.worker.on('completed', (job) => process.stderr.write(`done ${job.data.fileName} ${job.data.sha256.slice(0, 12)}\n`));
  w.worker.on('failed', (job, err) => process.stderr.write(`failed ${job?.data.fileName ?? '?'}: ${err.message}\n`));
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      process.stderr.write(`jixiao worker: ${signal}, finishing active jobs…\n`);
      await w.close();
      await store.close();
      resolve();
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
