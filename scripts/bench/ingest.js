// End-to-end ingest: embedded (piscina threads + PGlite in one process) and queue mode (BullMQ on
// Redis, one `workers/ingest-worker.js` process per worker, PostgreSQL), files to stored records.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadDist, ROOT } from './env.js';
import { now, procCpuSeconds, procMemory, threadBreakdown, threadCpuSeconds, threadsCpu } from './stats.js';
import { profiled } from './profile.js';

/**
 * Reports/s after the warm-up: the rate between the `skip`-th and the last completion, so jieba's
 * dictionary load in each thread or process (a fixed cost) does not dilute the steady rate.
 */
export function steadyRate(finishTimesMs, skip) {
  const t = [...finishTimesMs].sort((a, b) => a - b);
  if (t.length <= skip + 1) return NaN;
  return (t.length - 1 - skip) / ((t[t.length - 1] - t[skip]) / 1000);
}

/**
 * Child-process section: ingestFiles over the first `count` files of the corpus into a fresh
 * PGlite data directory, `concurrency` worker threads. With `profileOut`, the main thread's
 * profile over the ingest (the store writes happen there).
 * @param {{ manifest: string, count: number, concurrency: number, profileOut?: string }} args
 */
export async function runEmbedded(args) {
  const [{ ingestFiles }, { openStore }] = await Promise.all([loadDist('queue/embedded.js'), loadDist('store/open-store.js')]);
  const files = JSON.parse(readFileSync(args.manifest, 'utf8')).slice(0, args.count).map((m) => m.path);
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-embedded-'));
  try {
    const store = await openStore({ dataDir });
    const finishes = [];
    const cpu0 = process.cpuUsage();
    const main0 = threadCpuSeconds(process.pid);
    const threads0 = threadsCpu(process.pid);
    // The pool's threads are gone once ingestFiles returns, so their CPU is sampled meanwhile.
    const seen = { ...threads0 };
    const sample = () => Object.assign(seen, threadsCpu(process.pid));
    const sampler = setInterval(sample, 250);
    const t0 = now();
    const summary = await profiled(args.profileOut, () =>
      ingestFiles(files, {
        store,
        concurrency: args.concurrency,
        onEvent: (e) => {
          if (e.type === 'stored') finishes.push(now() - t0);
        },
      }),
    );
    const wallMs = now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const mainCpuMs = (threadCpuSeconds(process.pid) - main0) * 1000;
    clearInterval(sampler);
    sample();
    const threads = threadBreakdown(process.pid, threads0, seen, args.concurrency, wallMs / 1000);
    await store.close();
    return {
      files: files.length,
      stored: summary.stored,
      failed: summary.failed.length,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      // The main thread alone: file reads, hashing, piscina hand-offs and every store call.
      mainCpuMs,
      threads,
      reportsPerSecond: summary.stored / (wallMs / 1000),
      steadyReportsPerSecond: steadyRate(finishes, Math.max(4, args.concurrency * 2)),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A PostgreSQL database that exists for one measurement. */
export async function createDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function spawnWorker(env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'workers', 'ingest-worker.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (b) => {
    log += b;
    if (log.length > 100_000) log = log.slice(-20_000);
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, log: () => log };
}

/**
 * Queue mode, part 1: enqueue the files with the product's enqueueFiles (originals into a fresh
 * database, one job each) and time it. The database then serves as the template of every run, so
 * runs start from the same stored originals without paying for the upload again.
 * @param {{ files: string[], redisUrl: string, adminUrl: string }} args
 */
export async function prepareQueueBase(args) {
  const [{ openStore }, { enqueueFiles }, { Queue }, { sha256Of }] = await Promise.all([
    loadDist('store/open-store.js'),
    loadDist('queue/bullmq-queue.js'),
    import('bullmq'),
    loadDist('analyze.js'),
  ]);
  const dbName = `jixiao_bench_${process.pid}_base`;
  const queueName = `jixiao-bench-${process.pid}-enqueue`;
  const databaseUrl = await createDatabase(args.adminUrl, dbName);
  const store = await openStore({ databaseUrl });
  try {
    const t0 = now();
    const enq = await enqueueFiles(args.files, { redisUrl: args.redisUrl, queueName, store });
    const enqueueMs = now() - t0;
    if (enq.enqueued !== args.files.length) throw new Error(`enqueued ${enq.enqueued} of ${args.files.length} (${enq.duplicates} duplicates, ${enq.failed.length} failed)`);
    const queue = new Queue(queueName, { connection: { url: args.redisUrl } });
    await queue.obliterate({ force: true });
    await queue.close();
    const jobs = args.files.map((f) => ({ sha256: sha256Of(new Uint8Array(readFileSync(f))), fileName: basename(f) }));
    return { dbName, jobs, enqueueMs, enqueuePerSecond: args.files.length / (enqueueMs / 1000) };
  } finally {
    await store.close();
  }
}

/**
 * Queue mode, part 2: a copy of the base database, the jobs in a fresh queue, then `workers`
 * worker processes (JIXIAO_CONCURRENCY=1 each: one analysis thread per process), timed until
 * every job has completed or failed. Peak RSS (VmHWM) and CPU are read from /proc just before
 * the workers are stopped.
 * @param {{ base: { dbName: string, jobs: Array<{ sha256: string, fileName: string }> }, workers: number, redisUrl: string, adminUrl: string, tag: string, timeoutMs?: number, nodeArgs?: string[] }} args
 */
export async function runQueue(args) {
  const [{ Queue }, { default: pg }, { DEFAULT_JOB_OPTIONS }] = await Promise.all([import('bullmq'), import('pg'), loadDist('queue/bullmq-queue.js')]);
  const dbName = `jixiao_bench_${process.pid}_${args.tag}`;
  const queueName = `jixiao-bench-${process.pid}-${args.tag}`;
  const admin = new pg.Client({ connectionString: args.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${args.base.dbName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(args.adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const total = args.base.jobs.length;
  const workers = [];
  const queue = new Queue(queueName, { connection: { url: args.redisUrl }, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  try {
    await queue.addBulk(args.base.jobs.map((data) => ({ name: 'analyze', data, opts: { jobId: data.sha256 } })));
    const env = {
      JIXIAO_REDIS_URL: args.redisUrl,
      JIXIAO_DATABASE_URL: databaseUrl,
      JIXIAO_QUEUE: queueName,
      JIXIAO_CONCURRENCY: '1',
    };
    const t0 = Date.now();
    const tp0 = now();
    for (let i = 0; i < args.workers; i++) workers.push(spawnWorker(env, args.nodeArgs));
    const deadline = tp0 + (args.timeoutMs ?? 900_000);
    let counts;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
      if (counts.completed + counts.failed >= total) break;
      const dead = workers.find((w) => w.child.exitCode !== null);
      if (dead) throw new Error(`a queue worker exited early:\n${dead.log().slice(-3000)}`);
      if (now() > deadline) throw new Error(`queue run timed out: ${JSON.stringify(counts)}`);
    }
    const wallMs = now() - tp0;
    const perWorker = workers.map((w) => ({
      pid: w.child.pid,
      ...procMemory(w.child.pid),
      cpuSeconds: procCpuSeconds(w.child.pid),
      // From spawn (start-up included): main thread, analysis thread, V8/libuv threads.
      threads: threadBreakdown(w.child.pid, {}, threadsCpu(w.child.pid), 1, wallMs / 1000),
    }));
    const jobs = await queue.getJobs(['completed'], 0, total);
    const finishes = jobs.map((j) => j.finishedOn - t0);
    const lastFinish = Math.max(...finishes);
    return {
      files: total,
      workers: args.workers,
      completed: counts.completed,
      failed: counts.failed,
      wallMs,
      // Spawn to last completion: includes process start-up and jieba's load in each worker.
      reportsPerSecond: counts.completed / (lastFinish / 1000),
      steadyReportsPerSecond: steadyRate(finishes, Math.max(4, args.workers * 2)),
      perWorker,
    };
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
    await Promise.all(
      workers.map((w) =>
        Promise.race([w.exited, new Promise((r) => setTimeout(r, 20_000))]).then(() => {
          if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
        }),
      ),
    );
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    // Workers also open a queue for scanned documents (`<queue>-ocr`); leave nothing behind.
    const ocr = new Queue(`${queueName}-ocr`, { connection: { url: args.redisUrl } });
    await ocr.obliterate({ force: true }).catch(() => undefined);
    await ocr.close();
    await dropDatabase(args.adminUrl, dbName);
  }
}
