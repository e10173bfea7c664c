import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { isJixiaoError, JixiaoError } from '../errors.js';
import { showRate, showNumber } from '../schema/figure-text.js';
import type { ReportSummary, Store } from '../store/store.js';
import { helpWith, KIND_VALUES, parseKind, parsePositiveInteger, parseVersion, parseYear } from './options.js';
import { PACKAGE_VERSION } from './package-version.js';
import { preloadPdfEngine, takeReadAhead } from './pdf-preload.js';
import { withStoreToRead } from './with-store.js';
import { isDefiniteFailure } from '../check/result.js';

// Everything heavy (readers, PDFium, jieba, the stores, the queue, the web app) is imported inside
// the command that needs it, so `jixiao --version` and `--help` load none of it.

/** Exit codes: 0 ok; 1 a check failed (check) or a file failed (ingest); 2 bad input or usage; 3 bad config or service down. */
export const EXIT = { ok: 0, findings: 1, input: 2, environment: 3 } as const;

function fail(error: unknown): never {
  if (isJixiaoError(error)) {
    // The cause only when it adds something: readers often put its text in the message already.
    const cause = error.cause instanceof Error && !error.message.includes(error.cause.message) ? ` (${error.cause.message})` : '';
    process.stderr.write(`jixiao: ${error.message}${cause}\n`);
    process.exit(error.disposition === 'permanent' ? EXIT.input : EXIT.environment);
  }
  process.stderr.write(`jixiao: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT.environment);
}

async function readBytes(file: string): Promise<Uint8Array> {
  const ahead = takeReadAhead(file);
  if (ahead) return ahead;
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

function startPdfEngine(inputs: readonly string[], config: Config): void {
  preloadPdfEngine(inputs, config.readLimits.pdfEngine);
}

/**
 * Commands defined in modules of their own, registered after the ones below (the order `--help`
 * lists them in). Such a module is imported only when the command line can reach its commands:
 * `export` alone loads commander's option lists from src/export (≈ 50 KB), which `extract` never uses.
 */
const COMMAND_MODULES: ReadonlyArray<{ names: readonly string[]; register: () => Promise<(program: Command, config: Config) => void> }> = [
  { names: ['serve'], register: async () => (await import('./serve-command.js')).registerServeCommand },
  { names: ['export', 'departments'], register: async () => (await import('./export-command.js')).registerExportCommands },
];

/**
 * The program, with every command a command line of `argv` can reach. When its first word names a
 * command, commander runs that one without looking at the others, so only its module is needed;
 * anything else (no command, `help`, `--help`, a misspelt command to suggest a name for) needs all.
 */
export async function buildProgram(config: Config, argv: readonly string[]): Promise<Command> {
  const program = buildOwnCommands(config);
  const word = argv[2];
  if (word !== undefined && program.commands.some((c) => c.name() === word)) return program;
  const named = COMMAND_MODULES.filter((m) => word !== undefined && m.names.includes(word));
  for (const module of named.length ? named : COMMAND_MODULES) (await module.register())(program, config);
  return program;
}

function buildOwnCommands(config: Config): Command {
  const program = new Command('jixiao')
    .description(
      'Reads Chinese performance self-evaluation reports (绩效自评报告), extracts every figure with its evidence, checks the arithmetic and stores comparable records.',
    )
    .version(PACKAGE_VERSION)
    .showHelpAfterError('(add --help for usage and examples)')
    // Usage errors throw a CommanderError that run() turns into exit code 2.
    .exitOverride()
    .addHelpText(
      'after',
      helpWith([
        'jixiao read report.pdf',
        'jixiao extract report.pdf',
        'jixiao check reports/',
        "jixiao ingest reports/ '2021/**/*.pdf'",
        'jixiao list --failed-checks --year 2021',
        'jixiao export --out reports.xlsx',
        'jixiao serve',
      ]),
    );

  program
    .command('read')
    .description('show what jixiao sees in a file: format, encoding, pages, OCR needs, outline and normalized text')
    .argument(
      '<file>',
      'a report: PDF (scanned pages are OCRed), DOCX, DOC, XLSX, XLS, HTML, TXT (UTF-8, UTF-16, GB18030) or an image (PNG, JPEG, TIFF)',
    )
    .option('--json', 'print the document as JSON (blocks, pages, normalized text)')
    .addHelpText('after', helpWith(['jixiao read report.pdf', 'jixiao read 自评表.xlsx --json']))
    .action(async (file: string, opts: { json?: boolean }) => {
      const [{ readDocument }, { segmentDocument }, { formatDocument }] = await Promise.all([
        import('../ingest/read.js'),
        import('../segment/segment.js'),
        import('./format.js'),
      ]);
      const doc = await readDocument(await readBytes(file), { fileName: basename(file), ...config.readLimits, parallelPages: true });
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
    .addHelpText('after', helpWith(['jixiao extract report.pdf', 'jixiao extract 2023-决算.pdf --json > record.json', "jixiao extract reports/ '*.docx' --jsonl"]))
    .action(async (inputs: string[], opts: { json?: boolean; jsonl?: boolean }) => {
      startPdfEngine(inputs, config);
      const [{ analyzeBytes }, { formatRecord }, { expandInputs }] = await Promise.all([
        import('../analyze.js'),
        import('./format.js'),
        import('./files.js'),
      ]);
      const files = await expandInputs(inputs);
      const records: unknown[] = [];
      let failed = 0;
      for (const file of files) {
        try {
          const { record } = await analyzeBytes(await readBytes(file), { fileName: basename(file), ...config.readLimits, parallelPages: true });
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
    .addHelpText('after', helpWith(['jixiao check report.pdf', 'jixiao check reports/ --json']))
    .action(async (inputs: string[], opts: { json?: boolean }) => {
      startPdfEngine(inputs, config);
      const [{ analyzeBytes }, { formatChecks }, { expandInputs }] = await Promise.all([
        import('../analyze.js'),
        import('./format.js'),
        import('./files.js'),
      ]);
      const files = await expandInputs(inputs);
      const results: unknown[] = [];
      let anyFailed = false;
      let inputErrors = 0;
      for (const file of files) {
        try {
          const { record } = await analyzeBytes(await readBytes(file), { fileName: basename(file), ...config.readLimits, parallelPages: true });
          if (record.checks.some(isDefiniteFailure)) anyFailed = true;
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
    .option('--concurrency <n>', 'worker threads (default: one per core)', parsePositiveInteger)
    .option('--force', 're-analyze files already stored by this extractor version')
    .option('--queue', 'enqueue one BullMQ job per file for `jixiao worker` (env JIXIAO_REDIS_URL)')
    .option('--redis-url <url>', 'Redis URL for --queue')
    .addHelpText('after', helpWith(['jixiao ingest reports/', "jixiao ingest /archive '2021/**/*.pdf' --concurrency 2", 'jixiao ingest --queue /archive/']))
    .action(async (paths: string[], opts) => {
      const { runIngest } = await import('./ingest-command.js');
      process.exitCode = await runIngest(config, paths, opts);
    });

  storeOptions(
    program
      .command('reprocess')
      .description('re-run stored documents (kept by sha256) through the current extractor')
      .option('--all', 'every stored document')
      .option('--older-than <version>', 'documents whose record comes from an extractor older than VERSION, e.g. 0.3.0 (default: the current one)', parseVersion)
      .option('--concurrency <n>', 'worker threads (default: one per core)', parsePositiveInteger)
      .option('--queue', 'enqueue one BullMQ job per document for `jixiao worker` (env JIXIAO_REDIS_URL)')
      .option('--redis-url <url>', 'Redis URL for --queue')
      .addHelpText('after', helpWith(['jixiao reprocess --older-than 0.3.0', 'jixiao reprocess --all --queue'])),
  ).action(async (opts) => {
    const { runReprocess } = await import('./ingest-command.js');
    process.exitCode = await runReprocess(config, opts);
  });

  storeOptions(
    program
      .command('list')
      .description('list stored reports')
      .option('--failed-checks', 'only reports with a failed check')
      .option('--year <year>', 'fiscal year', parseYear)
      .option('--department <text>', 'department name contains TEXT')
      .option('--region <text>', 'region contains TEXT')
      .option('--kind <kind>', `what the report is about or what the document is: ${KIND_VALUES.join(' | ')}`, parseKind)
      .option('--json', 'print JSON (money in yuan, rates as fractions)')
      .addHelpText('after', helpWith(['jixiao list', 'jixiao list --failed-checks --year 2021', 'jixiao list --kind final_accounts --json'])),
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
      for (const r of rows) process.stdout.write(formatSummary(r) + '\n');
      process.stdout.write(`${rows.length} report(s)\n`);
    });
  });

  storeOptions(
    program
      .command('show')
      .description('print a stored record')
      .argument('<sha256-or-file>', 'a sha256, any unique prefix of it (as `list` prints), or a file name')
      .option('--json', 'print JSON')
      .addHelpText('after', helpWith(['jixiao show 448c1e', 'jixiao show huadu-2021.pdf --json'])),
  ).action(async (key: string, opts) => {
    const { formatChecks, formatRecord } = await import('./format.js');
    await withStoreToRead(config, opts, async (store) => {
      const matches = await findStored(store, key);
      if (matches.length !== 1) {
        const listed = matches.slice(0, 10).map((m) => `\n  ${m.sha256.slice(0, 12)}  ${m.fileName}`).join('');
        process.stderr.write(
          `jixiao: ${matches.length === 0 ? 'no stored report matches' : `${matches.length} stored reports match`} "${key}"${listed}${matches.length > 10 ? '\n  …' : ''}\n`,
        );
        process.exitCode = EXIT.input;
        return;
      }
      const sha256 = matches[0]!.sha256;
      const record = await store.getRecord(sha256);
      if (!record) {
        process.stderr.write(`jixiao: document ${sha256} has no record (see ingest errors)\n`);
        process.exitCode = EXIT.input;
        return;
      }
      process.stdout.write(opts.json ? JSON.stringify(record, null, 2) + '\n' : formatRecord(record) + '\n\n' + formatChecks(record) + '\n');
    });
  });

  storeOptions(
    program
      .command('status')
      .description('queue counts (when Redis is configured) and database totals')
      .option('--redis-url <url>', 'Redis URL')
      .addHelpText('after', helpWith(['jixiao status', 'JIXIAO_REDIS_URL=redis://127.0.0.1:6379 jixiao status'])),
  ).action(
    async (opts) => {
      await withStoreToRead(config, opts, async (store) => {
        const s = await store.stats();
        process.stdout.write(`database (${store.kind}): ${s.documents} documents, ${s.reports} reports, ${s.reportsWithFailedChecks} with failed checks, ${s.ingestErrors} ingest errors\n`);
      });
      const redisUrl = opts.redisUrl ?? config.redisUrl;
      if (redisUrl) {
        const [{ queueCounts }, { ocrQueueName }] = await Promise.all([import('../queue/bullmq-queue.js'), import('../queue/bullmq-worker.js')]);
        for (const queueName of [config.queueName, ocrQueueName(config.queueName)]) {
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
      .option('--concurrency <n>', 'jobs in parallel (default: one per core)', parsePositiveInteger)
      .addOption(new Option('--role <role>', 'all: text and OCR queues; text: text queue only (scans are forwarded); ocr: OCR queue only').choices(['all', 'text', 'ocr']).default('all'))
      .option('--ocr-concurrency <n>', 'OCR jobs in parallel (env JIXIAO_OCR_CONCURRENCY, default 1)', parsePositiveInteger)
      .addHelpText('after', helpWith(['jixiao worker --redis-url redis://127.0.0.1:6379', 'jixiao worker --role ocr --ocr-concurrency 2'])),
  ).action(async (opts) => {
    const { runWorker } = await import('../queue/bullmq-worker.js');
    await runWorker(config, opts);
  });

  return program;
}

/** One line of `jixiao list`: money as the report printed it, the rate in percent. */
export function formatSummary(r: ReportSummary): string {
  return [
    r.sha256.slice(0, 12),
    String(r.fiscalYear ?? '----'),
    (r.department ?? '—').padEnd(20),
    `budget ${r.budgetText ?? '—'}`,
    `execution ${r.executionText ?? '—'}`,
    `rate ${showRate(r.executionRate)}`,
    `score ${showNumber(r.selfScore)}`,
    ...(r.forms > 0 ? [`forms ${r.forms}`] : []),
    `failed ${r.checksFailed}`,
    r.fileName,
  ].join('  ');
}

/**
 * Stored documents a user's key names: a sha256 prefix of any length (hex only) and a file name
 * both count, so `show 448` finds the report whose sha256 starts with 448 as well as a file named 448.
 */
async function findStored(store: Store, key: string): Promise<Array<{ sha256: string; fileName: string }>> {
  const trimmed = key.trim();
  const [byPrefix, byName] = await Promise.all([
    /^[0-9a-fA-F]{1,64}$/u.test(trimmed) ? store.findBySha256Prefix(trimmed) : Promise.resolve([]),
    store.findByFileName(basename(trimmed)),
  ]);
  const shas = [...new Set([...byName, ...byPrefix])];
  const documents = await Promise.all(shas.slice(0, 11).map(async (sha256) => ({ sha256, fileName: (await store.getDocument(sha256))?.fileName ?? '' })));
  return shas.length > documents.length ? [...documents, ...shas.slice(documents.length).map((sha256) => ({ sha256, fileName: '' }))] : documents;
}

/**
 * A reader that stops early (`jixiao extract --json … | head`) closes the pipe: stop quietly, as Unix
 * tools do, instead of a stack trace for an unhandled EPIPE.
 */
function stopQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
}

export async function run(argv: string[]): Promise<void> {
  stopQuietlyOnClosedPipe();
  try {
    const config = loadConfig(process.env);
    await (await buildProgram(config, argv)).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with code 0; anything else commander rejects is a usage error,
      // already printed: exit 2, never 1 (which says a check failed).
      process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.input);
    }
    fail(error);
  }
}
