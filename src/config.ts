import { availableParallelism } from 'node:os';
import { ConfigError } from './errors.js';
import type { ReadLimits } from './ingest/document.js';

/**
 * The only place that reads the environment. Library code receives these values as options.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | JIXIAO_DATA_DIR | ./jixiao-data | embedded PGlite database directory |
 * | JIXIAO_DATABASE_URL | — | PostgreSQL URL; when set, used instead of PGlite |
 * | JIXIAO_REDIS_URL | — | Redis URL; when set, `ingest` enqueues jobs instead of running in-process |
 * | JIXIAO_QUEUE | jixiao | BullMQ queue name (prefix) |
 * | JIXIAO_CONCURRENCY | cores | worker threads / jobs in parallel per worker |
 * | JIXIAO_MAX_BYTES | 209715200 | refuse input files larger than this |
 * | JIXIAO_MAX_UNCOMPRESSED_BYTES | 524288000 | refuse DOCX/XLSX expanding beyond this (zip bombs) |
 * | JIXIAO_OCR_CONCURRENCY | 1 | OCR jobs in parallel per worker (queue mode) |
 * | JIXIAO_PDF_ENGINE | pdfium | library that reads PDF text: pdfium or pdfjs (the fallback) |
 * | JIXIAO_TOKEN | — | token `jixiao serve` requires when bound beyond 127.0.0.1 |
 * | JIXIAO_LOCK_DURATION_MS | 30000 | BullMQ job lock; a killed worker's job moves on after this |
 * | JIXIAO_STALLED_INTERVAL_MS | 30000 | how often workers look for stalled jobs |
 * | JIXIAO_DOCUMENT_TIMEOUT_MS | 300000 | time one document may take (embedded pool and workers); over it: `timeout` |
 *
 * Every default lives in DEFAULTS; `loadConfig` is the one function that reads configuration:
 * a flag given on the command line, else the environment, else the default.
 */
export const DEFAULTS = {
  dataDir: './jixiao-data',
  queueName: 'jixiao',
  /** Refuse input files larger than this. */
  maxBytes: 200 * 1024 * 1024,
  /** Refuse DOCX/XLSX that expand beyond this (zip bombs). */
  maxUncompressedBytes: 500 * 1024 * 1024,
  ocrConcurrency: 1,
  pdfEngine: 'pdfium' as 'pdfium' | 'pdfjs',
  lockDuration: 30_000,
  stalledInterval: 30_000,
  /** Five minutes: the slowest real report (a 300-page 决算 with OCR off) takes seconds; a 16 MB one-line text under a minute. */
  documentTimeoutMs: 5 * 60_000,
} as const;
/**
 * Each variable's parser: its value, or an EnvIssue saying what is wrong. Plain functions, not a
 * zod schema: every command reads the configuration, and loading zod (95 modules) cost `jixiao
 * --help` and a one-page `extract` about 80 ms of CPU.
 */
class EnvIssue {
  constructor(readonly message: string) {}
}

type EnvParser<T> = (value: string | undefined) => T | EnvIssue;

/** A positive integer, or undefined when unset or empty (the default then applies). */
const positiveInt: EnvParser<number | undefined> = (v) => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : new EnvIssue(`must be a positive integer, got "${v}"`);
};

const url =
  (protocols: string[]): EnvParser<string | undefined> =>
  (v) => {
    const value = v && v.trim() !== '' ? v.trim() : undefined;
    return value === undefined || protocols.some((p) => value.startsWith(p)) ? value : new EnvIssue(`must start with ${protocols.join(' or ')}`);
  };

const ENV = {
  JIXIAO_DATA_DIR: (v: string | undefined) => (v && v.trim() !== '' ? v : undefined),
  JIXIAO_DATABASE_URL: url(['postgres://', 'postgresql://']),
  JIXIAO_REDIS_URL: url(['redis://', 'rediss://']),
  JIXIAO_QUEUE: (v: string | undefined) => v || undefined,
  JIXIAO_CONCURRENCY: positiveInt,
  JIXIAO_MAX_BYTES: positiveInt,
  JIXIAO_MAX_UNCOMPRESSED_BYTES: positiveInt,
  JIXIAO_OCR_CONCURRENCY: positiveInt,
  JIXIAO_PDF_ENGINE: (v: string | undefined): 'pdfium' | 'pdfjs' | undefined | EnvIssue =>
    v === undefined || v === 'pdfium' || v === 'pdfjs' ? v : new EnvIssue('must be pdfium or pdfjs'),
  JIXIAO_TOKEN: (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined),
  JIXIAO_LOCK_DURATION_MS: positiveInt,
  JIXIAO_STALLED_INTERVAL_MS: positiveInt,
  JIXIAO_DOCUMENT_TIMEOUT_MS: positiveInt,
} satisfies Record<string, EnvParser<unknown>>;

type Env = { [K in keyof typeof ENV]: Exclude<ReturnType<(typeof ENV)[K]>, EnvIssue> };

/** Every variable parsed, or a ConfigError listing each bad one ("NAME: what is wrong"). */
function parseEnv(env: Record<string, string | undefined>): Env {
  const out: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const [name, parse] of Object.entries(ENV) as [string, EnvParser<unknown>][]) {
    const value = parse(env[name]);
    if (value instanceof EnvIssue) issues.push(`${name}: ${value.message}`);
    else out[name] = value;
  }
  if (issues.length > 0) throw new ConfigError(`bad configuration: ${issues.join('; ')}`);
  return out as Env;
}

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  queueName: string;
  concurrency: number;
  maxBytes: number;
  maxUncompressedBytes: number;
  lockDuration: number;
  stalledInterval: number;
  /** OCR jobs in parallel per queue worker. */
  ocrConcurrency: number;
  /** Library that reads PDF text; pdf.js is the fallback when PDFium misreads a file. */
  pdfEngine: 'pdfium' | 'pdfjs';
  /** Access token for `jixiao serve` on a non-loopback address. */
  token: string | undefined;
  /** Time one document may take in the embedded pool or a worker. */
  documentTimeoutMs: number;
  /** The limits every reader gets, built here once: layers pass this object on, never re-read it. */
  readLimits: ReadLimits;
}

/** Settings a command line may give; each wins over its environment variable. */
export type ConfigFlags = Partial<Pick<Config, 'dataDir' | 'databaseUrl' | 'redisUrl' | 'queueName' | 'concurrency' | 'ocrConcurrency' | 'documentTimeoutMs'>>;

/**
 * Reads the configuration once at start-up: flags, then the environment, then DEFAULTS. A bad value
 * stops the process with a ConfigError (exit 3).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, flags: ConfigFlags = {}): Config {
  const e = parseEnv(env);
  const maxBytes = e.JIXIAO_MAX_BYTES ?? DEFAULTS.maxBytes;
  const maxUncompressedBytes = e.JIXIAO_MAX_UNCOMPRESSED_BYTES ?? DEFAULTS.maxUncompressedBytes;
  const pdfEngine = e.JIXIAO_PDF_ENGINE ?? DEFAULTS.pdfEngine;
  return {
    dataDir: flags.dataDir ?? e.JIXIAO_DATA_DIR ?? DEFAULTS.dataDir,
    databaseUrl: flags.databaseUrl ?? e.JIXIAO_DATABASE_URL,
    redisUrl: flags.redisUrl ?? e.JIXIAO_REDIS_URL,
    queueName: flags.queueName ?? e.JIXIAO_QUEUE ?? DEFAULTS.queueName,
    concurrency: flags.concurrency ?? e.JIXIAO_CONCURRENCY ?? Math.max(1, availableParallelism()),
    maxBytes,
    maxUncompressedBytes,
    lockDuration: e.JIXIAO_LOCK_DURATION_MS ?? DEFAULTS.lockDuration,
    stalledInterval: e.JIXIAO_STALLED_INTERVAL_MS ?? DEFAULTS.stalledInterval,
    ocrConcurrency: flags.ocrConcurrency ?? e.JIXIAO_OCR_CONCURRENCY ?? DEFAULTS.ocrConcurrency,
    pdfEngine,
    token: e.JIXIAO_TOKEN,
    documentTimeoutMs: flags.documentTimeoutMs ?? e.JIXIAO_DOCUMENT_TIMEOUT_MS ?? DEFAULTS.documentTimeoutMs,
    readLimits: { maxBytes, maxUncompressedBytes, pdfEngine },
  };
}
