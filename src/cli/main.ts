import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { analyzeBytes } from '../analyze.js';
import { loadConfig, type Config } from '../config.js';
import { isJixiaoError, JixiaoError } from '../errors.js';
import { readDocument } from '../ingest/read.js';
import { segmentDocument } from '../segment/segment.js';
import { withStoreToRead } from './with-store.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { expandInputs } from './files.js';
import { formatChecks, formatDocument, formatRecord } from './format.js';
import { registerExportCommands } from './export-command.js';
import { runIngest, runReprocess } from './ingest-command.js';
import { registerServeCommand } from './serve-command.js';

/** Exit codes: 0 ok; 1 a check failed (check) or a file failed (ingest); 2 bad input; 3 bad config or service down. */
export const EXIT = { ok: 0, findings: 1, input: 2, environment: 3 } as const;

function fail(error: unknown): never {
  if (isJixiaoError(error)) {
    process.stderr.write(`jixiao: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}\n`);
    process.exit(error.disposition === 'permanent' ? EXIT.input : EXIT.environment);
  }
  process.stderr.write(`jixiao: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT.environment);
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new (class extends JixiaoError {
      readonly disposition = 'permanent' as const;
      readonly code = 'unreadable_file';
    })(e.code === 'ENOENT' ? 'no such file' : e.message, { file, cause: error });
  }
}

const storeOptions = (cmd: Command) =>
  cmd
    .option('--data-dir <dir>', 'embedded database directory (env JIXIAO_DATA_DIR, default ./jixiao-data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env JIXIAO_DATABASE_URL)');

export function buildProgram(config: Config): Command {
  const program = new Command('jixiao')
    .description(
      'Reads Chinese performance self-evaluation reports (绩效自评报告), extracts every figure with its evidence, checks the arithmetic and stores comparable records.',
    )
    .version(EXTRACTOR_VERSION)
    .showHelpAfterError();

  program
    .command('read')
    .description('show what jixiao sees in a file: format, encoding, pages, OCR needs, outline and normalized text')
    .argument('<file>', 'a report: PDF, DOCX, TXT (UTF-8/UTF-16/GB18030) or HTML')
    .option('--json', 'print the document as JSON (blocks, pages, normalized text)')
    .action(async (file: string, opts: { json?: boolean }) => {
      const doc = await readDocument(await readBytes(file), { fileName: basename(file), ...config.readLimits });
      if (opts.json) {
        const seg = segmentDocument(doc);
        const { toRaw: _toRaw, ...rest } = doc;
        process.stdout.write(JSON.stringify({ file, ...rest, title: seg.title, headings: seg.headings }, null, 2) + '\n');
      } else process.stdout.write(formatDocument(doc, file) + '\n');
    });

  program
    .command('extract')
    .description('extract the record of each file: report facts, figures with evidence, checks')
    .argument('<files...>', 'report files, folders or globs')
    .addOption(new Option('--json', 'print the record as JSON (an array for several files)').conflicts('jsonl'))
    .option('--jsonl', 'print one record per line')
    .action(async (inputs: string[], opts: { json?: boolean; jsonl?: boolean }) => {
      const files = await expandInputs(inputs);
      const records: unknown[] = [];
      let failed = 0;
      for (const file of files) {
        try {
          const { record } = await analyzeBytes(await readBytes(file), { fileName: basename(file), ...config.readLimits });
          if (opts.jsonl) process.stdout.write(JSON.stringify(record) + '\n');
          else if (opts.json) records.push(record);
          else process.stdout.write(formatRecord(record) + '\n\n');
        } catch (error) {
          if (!isJixiaoError(error) || files.length === 1) fail(error);
          failed++;
          process.stderr.write(`jixiao: ${error.message}\n`);
        }
      }
      if (opts.json) process.stdout.write(JSON.stringify(files.length === 1 ? records[0] : records, null, 2) + '\n');
      if (failed) process.exitCode = EXIT.input;
    });

  program
    .command('check')
    .description('check the arithmetic of each file; exit code 1 when any check fails')
    .argument('<files...>', 'report files, folders or globs')
    .option('--json', 'print the check results as JSON')
    .action(async (inputs: string[], opts: { json?: boolean }) => {
      const files = await expandInputs(inputs);
      const results: unknown[] = [];
      let anyFailed = false;
      let inputErrors = 0;
      for (const file of files) {
        try {
          const { record } = await analyzeBytes(await readBytes(file), { fileName: basename(file), ...config.readLimits });
          if (record.checks.some((c) => c.status === 'fail')) anyFailed = true;
          if (opts.json) results.push({ file, checks: record.checks });
          else process.stdout.write(formatChecks(record) + '\n\n');
        } catch (error) {
          if (!isJixiaoError(error) || files.length === 1) fail(error);
          inputErrors++;
          process.stderr.write(`jixiao: ${error.message}\n`);
        }
      }
      if (opts.json) process.stdout.write(JSON.stringify(files.length === 1 ? results[0] : results, null, 2) + '\n');
      process.exitCode = anyFailed ? EXIT.findings : inputErrors ? EXIT.input : EXIT.ok;
    });

  storeOptions(
    program
      .command('ingest')
      .description('read, extract, check and store reports (embedded database by default; --queue for distributed workers)')
      .argument('<paths...>', 'files, folders (searched recursively) or globs'),
  )
    .option('--concurrency <n>', 'worker threads (default: one per core)', (v) => Number.parseInt(v, 10))
    .option('--force', 're-analyze files already stored by this extractor version')
    .option('--queue', 'enqueue one BullMQ job per file for `jixiao worker` (env JIXIAO_REDIS_URL)')
    .option('--redis-url <url>', 'Redis URL for --queue')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runIngest(config, paths, opts);
    });

  storeOptions(
    program
      .command('reprocess')
      .description('re-run stored documents (kept by sha256) through the current extractor')
      .option('--all', 'every stored document')
      .option('--older-than <version>', 'documents whose record comes from an extractor older than VERSION (default: the current one)')
      .option('--concurrency <n>', 'worker threads (default: one per core)', (v) => Number.parseInt(v, 10))
      .option('--queue', 'enqueue one BullMQ job per document for `jixiao worker` (env JIXIAO_REDIS_URL)')
      .option('--redis-url <url>', 'Redis URL for --queue'),
  ).action(async (opts) => {
    process.exitCode = await runReprocess(config, opts);
  });

  storeOptions(
    program
      .command('list')
      .description('list stored reports')
      .option('--failed-checks', 'only reports with a failed check')
      .option('--year <year>', 'fiscal year', (v) => Number.parseInt(v, 10))
      .option('--department <text>', 'department name contains TEXT')
      .option('--region <text>', 'region contains TEXT')
      .option('--kind <kind>', 'department_overall | project | unknown')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    await withStoreToRead(config, opts, async (store) => {
      const rows = await store.listReports({
        ...(opts.failedChecks ? { failedChecks: true } : {}),
        ...(opts.year ? { year: opts.year } : {}),
        ...(opts.department ? { department: opts.department } : {}),
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.kind ? { kind: opts.kind } : {}),
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      for (const r of rows)
        process.stdout.write(
          `${r.sha256.slice(0, 12)}  ${r.fiscalYear ?? '----'}  ${(r.department ?? '—').padEnd(20)}  budget ${r.budget ?? '—'}  exec ${r.execution ?? '—'}  rate ${r.executionRate ?? '—'}  score ${r.selfScore ?? '—'}  fail ${r.checksFailed}  ${r.fileName}\n`,
        );
      process.stdout.write(`${rows.length} report(s)\n`);
    });
  });

  storeOptions(
    program
      .command('show')
      .description('print a stored record')
      .argument('<sha256-or-file>', 'a sha256 (or a unique prefix) or a file name')
      .option('--json', 'print JSON'),
  ).action(async (key: string, opts) => {
    await withStoreToRead(config, opts, async (store) => {
      const matches = /^[0-9a-f]{4,64}$/u.test(key) ? await store.findBySha256Prefix(key) : [];
      const byName = matches.length ? matches : await store.findByFileName(basename(key));
      if (byName.length !== 1) {
        process.stderr.write(`jixiao: ${byName.length === 0 ? 'no stored report matches' : 'several stored reports match'} "${key}"\n`);
        process.exitCode = EXIT.input;
        return;
      }
      const record = await store.getRecord(byName[0]!);
      if (!record) {
        process.stderr.write(`jixiao: document ${byName[0]} has no record (see ingest errors)\n`);
        process.exitCode = EXIT.input;
        return;
      }
      process.stdout.write(opts.json ? JSON.stringify(record, null, 2) + '\n' : formatRecord(record) + '\n\n' + formatChecks(record) + '\n');
    });
  });

  storeOptions(program.command('status').description('queue counts (when Redis is configured) and database totals').option('--redis-url <url>', 'Redis URL')).action(
    async (opts) => {
      await withStoreToRead(config, opts, async (store) => {
        const s = await store.stats();
        process.stdout.write(`database (${store.kind}): ${s.documents} documents, ${s.reports} reports, ${s.reportsWithFailedChecks} with failed checks, ${s.ingestErrors} ingest errors\n`);
      });
      const redisUrl = opts.redisUrl ?? config.redisUrl;
      if (redisUrl) {
        const { queueCounts } = await import('../queue/bullmq-queue.js');
        for (const queueName of [config.queueName, `${config.queueName}-ocr`]) {
          const c = await queueCounts({ redisUrl, queueName });
          process.stdout.write(`queue ${queueName}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed, ${c.completed} completed, ${c.failed} failed\n`);
        }
      }
    },
  );

  storeOptions(
    program
      .command('worker')
      .description('consume ingest jobs from Redis (BullMQ) and store into the database')
      .option('--redis-url <url>', 'Redis URL (env JIXIAO_REDIS_URL)')
      .option('--concurrency <n>', 'jobs in parallel (default: one per core)', (v) => Number.parseInt(v, 10))
      .addOption(new Option('--role <role>', 'all: text and OCR queues; text: text queue only (scans are forwarded); ocr: OCR queue only').choices(['all', 'text', 'ocr']).default('all'))
      .option('--ocr-concurrency <n>', 'OCR jobs in parallel (env JIXIAO_OCR_CONCURRENCY, default 1)', (v) => Number.parseInt(v, 10)),
  ).action(async (opts) => {
    const { runWorker } = await import('../queue/bullmq-worker.js');
    await runWorker(config, opts);
  });

  registerServeCommand(program, config);

  registerExportCommands(program, config);

  return program;
}

export async function run(argv: string[]): Promise<void> {
  try {
    const config = loadConfig(process.env);
    await buildProgram(config).parseAsync(argv);
  } catch (error) {
    fail(error);
  }
}
