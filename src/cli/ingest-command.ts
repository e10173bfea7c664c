import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { Config } from '../config.js';
import { openStore } from '../store/open-store.js';
import { ingestFiles, reprocessDocuments, type EmbeddedIngestOptions, type IngestEvent, type IngestSummary } from '../queue/embedded.js';
import type { EnqueueResult } from '../queue/bullmq-queue.js';
import type { Store } from '../store/store.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { expandInputs } from './files.js';
import { onStopRequest } from './stop-signals.js';

interface IngestCommandOptions {
  dataDir?: string;
  databaseUrl?: string;
  concurrency?: number;
  force?: boolean;
  queue?: boolean;
  redisUrl?: string;
}

function progressReporter(total: number) {
  const tty = process.stderr.isTTY;
  let done = 0;
  let failed = 0;
  const started = Date.now();
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} | failed {failed} | {rate}/s | ETA {eta_formatted}', hideCursor: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0, { failed: 0, rate: '0.0' });
  return {
    onEvent(e: IngestEvent) {
      done++;
      if (e.type === 'failed') failed++;
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      if (bar) bar.update(done, { failed, rate });
      else if (e.type === 'failed') process.stderr.write(`[${done}/${total}] FAILED ${e.file}: ${e.code}: ${e.message}\n`);
      else if (e.type === 'skipped') process.stderr.write(`[${done}/${total}] skipped ${e.file} (${e.reason})\n`);
      else process.stderr.write(`[${done}/${total}] stored ${e.file} ${e.sha256.slice(0, 12)}${e.checksFailed ? ` (${e.checksFailed} failed check(s))` : ''}\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}

export function formatSummary(s: IngestSummary, where: string): string {
  const lines = [
    `${s.files} file(s) in ${s.seconds.toFixed(1)} s: ${s.stored} report(s) stored in ${where}, ${s.skipped} skipped, ${s.failed.length} failed, ${s.withFailedChecks} with failed checks`,
  ];
  for (const f of s.failed) lines.push(`  failed: ${f.file}: ${f.code}: ${f.message}`);
  for (const n of s.notes) lines.push(`  note: ${n.file}: ${n.note}`);
  if (s.notStarted) lines.push(`stopped on request: ${s.notStarted} file(s) not started; run the same command again to go on`);
  if (s.stoppedBy) lines.push(`stopped: ${s.stoppedBy.code} is fatal (${s.stoppedBy.message}); fix the configuration and run again`);
  return lines.join('\n');
}

export async function runIngest(config: Config, inputs: string[], opts: IngestCommandOptions): Promise<number> {
  const files = await expandInputs(inputs);
  if (wantsQueue(config, opts)) {
    return runEnqueue(config, opts, async (store, redisUrl) => {
      const { enqueueFiles } = await import('../queue/bullmq-queue.js');
      return { inputs: files.length, result: await enqueueFiles(files, { redisUrl, queueName: config.queueName, store, maxBytes: config.maxBytes }) };
    });
  }
  return runEmbedded(
    config,
    opts,
    async () => files,
    (paths, options) => ingestFiles([...paths], { ...options, ...(opts.force ? { force: true } : {}) }),
  );
}

/** Queue mode: asked for with --queue, or implied by a configured Redis URL. */
function wantsQueue(config: Config, opts: { queue?: boolean; redisUrl?: string }): boolean {
  return Boolean(opts.queue || ((opts.redisUrl ?? config.redisUrl) && opts.queue !== false));
}

/** Opens the store, enqueues jobs for `jixiao worker`, prints what was enqueued. */
async function runEnqueue(
  config: Config,
  opts: { dataDir?: string; databaseUrl?: string; redisUrl?: string },
  enqueue: (store: Store, redisUrl: string) => Promise<{ inputs: number; result: EnqueueResult }>,
): Promise<number> {
  const redisUrl = opts.redisUrl ?? config.redisUrl;
  if (!redisUrl) {
    process.stderr.write('jixiao: --queue needs a Redis URL (--redis-url or JIXIAO_REDIS_URL)\n');
    return 3;
  }
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: opts.dataDir ?? config.dataDir });
  try {
    await store.migrate();
    const { inputs, result: r } = await enqueue(store, redisUrl);
    process.stdout.write(`${inputs} document(s): ${r.enqueued} job(s) enqueued, ${r.duplicates} already queued or stored, ${r.failed.length} failed\n`);
    for (const f of r.failed) process.stdout.write(`  failed: ${f.file}: ${f.message}\n`);
    return r.failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** Opens the store, runs an embedded pipeline over the listed inputs with a progress bar, prints the summary. */
async function runEmbedded<T>(
  config: Config,
  opts: { dataDir?: string; databaseUrl?: string; concurrency?: number },
  list: (store: Store) => Promise<readonly T[]>,
  run: (inputs: readonly T[], options: EmbeddedIngestOptions) => Promise<IngestSummary>,
  heading = '',
): Promise<number> {
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  const dataDir = opts.dataDir ?? config.dataDir;
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir });
  try {
    await store.migrate();
    const inputs = await list(store);
    const total = inputs.length;
    const progress = progressReporter(total);
    // SIGTERM/SIGINT (or npx going away): files in flight finish and are stored, no new one starts.
    const stopping = new AbortController();
    const unwatch = onStopRequest((why) => {
      process.stderr.write(`\njixiao: ${why}: finishing the files in flight…\n`);
      stopping.abort();
    });
    const summary = await run(inputs, {
        signal: stopping.signal,
        store,
        concurrency: opts.concurrency ?? Math.min(config.concurrency, availableParallelism(), Math.max(1, total)),
        ...config.readLimits,
        documentTimeoutMs: config.documentTimeoutMs,
        onEvent: progress.onEvent,
      });
    unwatch();
    progress.stop();
    process.stdout.write(heading + formatSummary(summary, databaseUrl ? 'PostgreSQL' : dataDir) + '\n');
    return summary.stoppedBy ? 3 : summary.notStarted ? 130 : summary.failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

export async function runReprocess(
  config: Config,
  opts: { all?: boolean; olderThan?: string; dataDir?: string; databaseUrl?: string; concurrency?: number; queue?: boolean; redisUrl?: string },
): Promise<number> {
  const select = (store: Store) => store.listDocuments(opts.all ? {} : { olderThanVersion: opts.olderThan ?? EXTRACTOR_VERSION });
  if (wantsQueue(config, opts)) {
    return runEnqueue(config, opts, async (store, redisUrl) => {
      const { enqueueStored } = await import('../queue/bullmq-queue.js');
      const docs = await select(store);
      return { inputs: docs.length, result: await enqueueStored(docs, { redisUrl, queueName: config.queueName }) };
    });
  }
  return runEmbedded(config, opts, select, reprocessDocuments, `reprocessed with extractor ${EXTRACTOR_VERSION}: `);
}
