import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../src/errors.js';
import { sha256Of } from '../../src/analyze.js';
import { connectRedis, enqueueFiles, enqueueStored } from '../../src/queue/bullmq-queue.js';
import { ocrQueueName, startIngestWorker } from '../../src/queue/bullmq-worker.js';
import { openStore } from '../../src/store/open-store.js';
import type { InspectableStore } from '../../src/store/store.js';

const REDIS = 'redis://127.0.0.1:6379';
const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const run = Math.random().toString(36).slice(2, 8);
const DB = `jixiao_queue_${run}`;
const DB_URL = `postgres://postgres@127.0.0.1:5432/${DB}`;
const SEED = '../shared/seed/';

let store: InspectableStore;
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-queue-'));

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function waitFor(what: string, cond: () => Promise<boolean>, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${DB}`);
  store = await openStore({ databaseUrl: DB_URL });
});

afterAll(async () => {
  await store?.close();
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
});

describe('queue mode (BullMQ on Redis, PostgreSQL store)', () => {
  it('processes each distinct report once with two workers, ignoring duplicates', async () => {
    const queueName = `jixiao-test-a-${run}`;
    const renamed = join(tmp, 'same-report-other-name.txt');
    copyFileSync(`${SEED}huadu-2021-jgdgw.txt`, renamed);
    const files = [`${SEED}huadu-2021-jgdgw.txt`, `${SEED}huadu-2021-jgdgw.docx`, `${SEED}huadu-2021-jgdgw.gb18030.txt`, renamed];
    const first = await enqueueFiles(files, { redisUrl: REDIS, queueName, store });
    expect(first).toMatchObject({ enqueued: 3, duplicates: 1, failed: [] });
    const again = await enqueueFiles(files, { redisUrl: REDIS, queueName, store });
    expect(again.enqueued).toBe(0);

    const workers = await Promise.all([1, 2].map(() => startIngestWorker({ redisUrl: REDIS, queueName, store, concurrency: 1 })));
    const conn = await connectRedis(REDIS);
    const queue = new Queue(queueName, { connection: conn });
    try {
      await waitFor('3 completed jobs', async () => (await queue.getJobCounts('completed')).completed === 3);
      const processedBy = new Set((await queue.getCompleted()).map((j) => j.processedBy));
      expect(processedBy.size).toBeGreaterThanOrEqual(1);
      const reports = await store.listReports();
      expect(reports).toHaveLength(3);
      for (const r of reports) expect(r.budget).toBe(8903300);
      for (const r of reports) expect(await store.rowCounts(r.sha256)).toMatchObject({ reports: 1 });
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await queue.obliterate({ force: true });
      await queue.close();
      conn.disconnect();
    }
  });

  it('re-enqueues stored originals for reprocessing: finished jobs are replaced, pending ones kept', async () => {
    const queueName = `jixiao-test-r-${run}`;
    const files = [`${SEED}huadu-2021-jgdgw.txt`, `${SEED}huadu-2021-jgdgw.gb18030.txt`];
    expect((await enqueueFiles(files, { redisUrl: REDIS, queueName, store, force: true })).enqueued).toBe(2);
    const shas = files.map((f) => sha256Of(new Uint8Array(readFileSync(f))));
    const conn = await connectRedis(REDIS);
    const queue = new Queue(queueName, { connection: conn });
    const docs = async () => (await store.listDocuments()).filter((d) => shas.includes(d.sha256));
    try {
      // Both jobs are still waiting (no worker yet): nothing to add.
      expect(await enqueueStored(await docs(), { redisUrl: REDIS, queueName })).toMatchObject({ enqueued: 0, duplicates: 2 });
      const worker = await startIngestWorker({ redisUrl: REDIS, queueName, store, concurrency: 1 });
      try {
        await waitFor('2 completed jobs', async () => (await queue.getJobCounts('completed')).completed === 2);
        const before = (await queue.getCompleted()).map((j) => j.finishedOn!);
        const again = await enqueueStored(
          [...(await docs()), { sha256: sha256Of(new TextEncoder().encode('not kept')), fileName: 'gone.pdf', hasBytes: false }],
          { redisUrl: REDIS, queueName },
        );
        expect(again).toMatchObject({ enqueued: 2, duplicates: 0, failed: [{ file: 'gone.pdf', message: 'the original is not kept in the store' }] });
        await waitFor('2 jobs completed again', async () => {
          const done = await queue.getCompleted();
          return done.length === 2 && done.every((j) => j.finishedOn! > Math.max(...before));
        });
        for (const sha of shas) expect(await store.rowCounts(sha)).toMatchObject({ reports: 1 });
      } finally {
        await worker.close();
      }
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      conn.disconnect();
    }
  });

  it('sends a corrupt file to ingest_errors without retrying', async () => {
    const queueName = `jixiao-test-b-${run}`;
    const bad = join(tmp, 'truncated.pdf');
    const pdf = readFileSync(`${SEED}huadu-2021-jgdgw.pdf`);
    writeFileSync(bad, pdf.subarray(0, Math.floor(pdf.length / 3)));
    await enqueueFiles([bad], { redisUrl: REDIS, queueName, store });
    const w = await startIngestWorker({ redisUrl: REDIS, queueName, store, concurrency: 1 });
    const conn = await connectRedis(REDIS);
    const queue = new Queue(queueName, { connection: conn });
    try {
      await waitFor('the failed job', async () => (await queue.getJobCounts('failed')).failed === 1);
      const [job] = await queue.getFailed();
      expect(job!.attemptsMade).toBe(1);
      const errors = await store.listErrors();
      expect(errors.find((e) => e.fileName === 'truncated.pdf')).toMatchObject({ code: 'corrupt_file', disposition: 'permanent' });
    } finally {
      await w.close();
      await queue.obliterate({ force: true });
      await queue.close();
      conn.disconnect();
    }
  });

  it('recovers the job of a worker killed with SIGKILL, and stores the report once', { timeout: 240_000 }, async () => {
    const queueName = `jixiao-test-c-${run}`;
    // A long report keeps the first worker busy long enough to be killed mid-job.
    const big = join(tmp, 'long-report.txt');
    const seed = readFileSync(`${SEED}huadu-2021-jgdgw.txt`, 'utf8');
    writeFileSync(big, seed + '\n' + Array.from({ length: 400 }, (_, i) => seed.split('\n').slice(40).join('\n').replace(/2021/gu, String(2021 + (i % 3)))).join('\n'));
    const sha = sha256Of(readFileSync(big));
    await enqueueFiles([big], { redisUrl: REDIS, queueName, store });
    const env = {
      ...process.env,
      JIXIAO_REDIS_URL: REDIS,
      JIXIAO_DATABASE_URL: DB_URL,
      JIXIAO_QUEUE: queueName,
      JIXIAO_CONCURRENCY: '1',
      JIXIAO_LOCK_DURATION_MS: '2000',
      JIXIAO_STALLED_INTERVAL_MS: '1000',
    };
    const child = spawn(process.execPath, ['workers/ingest-worker.js'], { env, stdio: 'ignore' });
    const conn = await connectRedis(REDIS);
    const queue = new Queue(queueName, { connection: conn });
    try {
      await waitFor('the job to become active', async () => (await queue.getJobCounts('active')).active === 1, 30_000);
      child.kill('SIGKILL');
      // A second worker process (parsing on its worker thread, so its own lock keeps renewing).
      const rescuer = spawn(process.execPath, ['workers/ingest-worker.js'], { env, stdio: 'ignore' });
      try {
        await waitFor('the recovered job', async () => (await queue.getJobCounts('completed')).completed === 1, 150_000);
      } finally {
        rescuer.kill('SIGTERM');
      }
      const [done] = await queue.getCompleted();
      expect(done!.data.sha256).toBe(sha);
      expect(await store.rowCounts(sha)).toMatchObject({ reports: 1 });
      expect((await store.listReports()).filter((r) => r.sha256 === sha)).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
      await queue.obliterate({ force: true });
      await queue.close();
      conn.disconnect();
    }
  });

  it('sends scans to the OCR queue so they do not hold up text reports', async () => {
    const queueName = `jixiao-test-d-${run}`;
    const scan = `${SEED}huadu-2021-jgdgw-scanned.pdf`;
    const text = join(tmp, 'text-report.txt');
    writeFileSync(text, readFileSync(`${SEED}huadu-2021-jgdgw.txt`, 'utf8').replace(/2021/gu, '2020'));
    await enqueueFiles([scan, text], { redisUrl: REDIS, queueName, store });
    // A text-only worker: reads without OCR and forwards the scan.
    const w = await startIngestWorker({ redisUrl: REDIS, queueName, store, concurrency: 1, role: 'text' });
    const conn = await connectRedis(REDIS);
    const queue = new Queue(queueName, { connection: conn });
    const ocrQueue = new Queue(ocrQueueName(queueName), { connection: conn });
    try {
      await waitFor('both jobs done on the text queue', async () => (await queue.getJobCounts('completed')).completed === 2);
      const scanSha = sha256Of(readFileSync(scan));
      expect((await ocrQueue.getWaiting()).map((j) => j.data.sha256)).toEqual([scanSha]);
      expect(await store.getRecord(scanSha)).toBeNull();
      expect((await store.getRecord(sha256Of(readFileSync(text))))?.report.fiscalYear).toBe(2020);
    } finally {
      await w.close();
      await queue.obliterate({ force: true });
      await ocrQueue.obliterate({ force: true });
      await Promise.all([queue.close(), ocrQueue.close()]);
      conn.disconnect();
    }
  });

  it('says Redis is unreachable within seconds instead of hanging', async () => {
    const started = Date.now();
    await expect(enqueueFiles([`${SEED}huadu-2021-jgdgw.txt`], { redisUrl: 'redis://127.0.0.1:1', queueName: 'x', store })).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
