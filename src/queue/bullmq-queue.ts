import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { sha256Of } from '../analyze.js';
import { ServiceUnavailableError } from '../errors.js';
import type { Store } from '../store/store.js';
import { EXTRACTOR_VERSION } from '../version.js';

/** What a job carries: the sha256 of a document kept in the store, never the bytes. */
export interface IngestJobData {
  sha256: string;
  fileName: string;
}

export interface QueueConnectionOptions {
  redisUrl: string;
  queueName: string;
}

/**
 * A Redis connection that fails fast: the CLI must say "Redis is unreachable" within seconds
 * rather than hang in ioredis's reconnect loop.
 */
export async function connectRedis(redisUrl: string, extra: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => (times > 3 ? null : Math.min(times * 200, 1000)),
    ...extra,
  });
  redis.on('error', () => {
    // reported through connect() below or by BullMQ; an unhandled 'error' event would crash
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new ServiceUnavailableError('redis', `Redis at ${redactUrl(redisUrl)} is unreachable`, { cause: error });
  }
  return redis;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/u, '//$1:***@');
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { count: 10_000 },
  removeOnFail: { count: 10_000 },
};

export interface EnqueueOptions extends QueueConnectionOptions {
  store: Store;
  maxBytes?: number;
  /** Enqueue even when the store already holds a record by this extractor version. */
  force?: boolean;
}

export interface EnqueueResult {
  enqueued: number;
  duplicates: number;
  failed: Array<{ file: string; message: string }>;
}

/**
 * Keeps each original once in the store (by sha256) and enqueues one job per distinct file, with
 * jobId = sha256 so the same report under two names, or enqueued twice, is processed once.
 */
export async function enqueueFiles(files: string[], options: EnqueueOptions): Promise<EnqueueResult> {
  const connection = await connectRedis(options.redisUrl);
  const queue = new Queue<IngestJobData>(options.queueName, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const result: EnqueueResult = { enqueued: 0, duplicates: 0, failed: [] };
  try {
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (error) {
        result.failed.push({ file, message: (error as Error).message });
        continue;
      }
      if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
        result.failed.push({ file, message: `${bytes.length} bytes, over the limit of ${options.maxBytes}` });
        await options.store.recordError({ sha256: null, fileName: basename(file), code: 'file_too_large', message: `${file}: over the size limit`, disposition: 'permanent' });
        continue;
      }
      const sha256 = sha256Of(bytes);
      const existing = await options.store.getDocument(sha256);
      if (!options.force && existing?.extractorVersion === EXTRACTOR_VERSION) {
        result.duplicates++;
        continue;
      }
      if (!existing?.hasBytes)
        await options.store.putDocument({ sha256, fileName: basename(file), format: 'unknown', bytes, byteLength: bytes.length, pages: 0, ocrPages: 0 });
      const job = await queue.getJob(sha256);
      if (job && !options.force) {
        result.duplicates++;
        continue;
      }
      if (job && options.force) await job.remove().catch(() => undefined);
      await queue.add('analyze', { sha256, fileName: basename(file) }, { jobId: sha256 });
      result.enqueued++;
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return result;
}

/** States in which a job will still run: enqueueing it again would only duplicate it. */
const PENDING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Enqueues documents whose originals are already in the store (`jixiao reprocess --queue`), for
 * workers to analyze again with their extractor. A job still pending for a document is left as
 * it is; a finished one (kept for the record by BullMQ) is replaced.
 */
export async function enqueueStored(
  documents: ReadonlyArray<{ sha256: string; fileName: string; hasBytes: boolean }>,
  options: QueueConnectionOptions,
): Promise<EnqueueResult> {
  const connection = await connectRedis(options.redisUrl);
  const queue = new Queue<IngestJobData>(options.queueName, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const result: EnqueueResult = { enqueued: 0, duplicates: 0, failed: [] };
  try {
    for (const doc of documents) {
      if (!doc.hasBytes) {
        result.failed.push({ file: doc.fileName, message: 'the original is not kept in the store' });
        continue;
      }
      const job = await queue.getJob(doc.sha256);
      if (job) {
        if (PENDING_STATES.has(await job.getState())) {
          result.duplicates++;
          continue;
        }
        await job.remove();
      }
      await queue.add('analyze', { sha256: doc.sha256, fileName: doc.fileName }, { jobId: doc.sha256 });
      result.enqueued++;
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return result;
}

export async function queueCounts(options: QueueConnectionOptions): Promise<Record<'waiting' | 'active' | 'delayed' | 'completed' | 'failed', number>> {
  const connection = await connectRedis(options.redisUrl);
  const queue = new Queue(options.queueName, { connection });
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0 };
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
