import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ConfigError } from './errors.js';

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
 */
const intFromEnv = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive integer, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    });

export const EnvSchema = z.object({
  JIXIAO_DATA_DIR: z.string().optional().transform((v) => (v && v.trim() !== '' ? v : './jixiao-data')),
  JIXIAO_DATABASE_URL: url(['postgres://', 'postgresql://']),
  JIXIAO_REDIS_URL: url(['redis://', 'rediss://']),
  JIXIAO_QUEUE: z.string().optional().transform((v) => v || 'jixiao'),
  JIXIAO_CONCURRENCY: intFromEnv(Math.max(1, availableParallelism())),
  JIXIAO_MAX_BYTES: intFromEnv(200 * 1024 * 1024),
  JIXIAO_MAX_UNCOMPRESSED_BYTES: intFromEnv(500 * 1024 * 1024),
  JIXIAO_OCR_CONCURRENCY: intFromEnv(1),
  JIXIAO_PDF_ENGINE: z
    .enum(['pdfium', 'pdfjs'], { message: 'must be pdfium or pdfjs' })
    .optional()
    .transform((v) => v ?? 'pdfium'),
  JIXIAO_TOKEN: z.string().optional().transform((v) => (v && v.trim() !== '' ? v.trim() : undefined)),
  JIXIAO_LOCK_DURATION_MS: intFromEnv(30_000),
  JIXIAO_STALLED_INTERVAL_MS: intFromEnv(30_000),
});

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
}

/** Validates the environment once at start-up; a bad value stops the process with a ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`bad configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    dataDir: e.JIXIAO_DATA_DIR,
    databaseUrl: e.JIXIAO_DATABASE_URL,
    redisUrl: e.JIXIAO_REDIS_URL,
    queueName: e.JIXIAO_QUEUE,
    concurrency: e.JIXIAO_CONCURRENCY,
    maxBytes: e.JIXIAO_MAX_BYTES,
    maxUncompressedBytes: e.JIXIAO_MAX_UNCOMPRESSED_BYTES,
    lockDuration: e.JIXIAO_LOCK_DURATION_MS,
    stalledInterval: e.JIXIAO_STALLED_INTERVAL_MS,
    ocrConcurrency: e.JIXIAO_OCR_CONCURRENCY,
    pdfEngine: e.JIXIAO_PDF_ENGINE,
    token: e.JIXIAO_TOKEN,
  };
}
