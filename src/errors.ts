/**
 * Every error jixiao throws on purpose, classified by what a caller (the CLI, the embedded pool,
 * a BullMQ worker) should do with it:
 *  - `permanent`: the input is bad; retrying cannot help (corrupt file, unsupported format).
 *  - `transient`: something outside us is down (Redis, PostgreSQL); retry with backoff.
 *  - `fatal`: the process is misconfigured; stop instead of failing every job the same way.
 * Findings about a report's arithmetic are never errors: they are data (see `check/`).
 */
export type ErrorDisposition = 'permanent' | 'transient' | 'fatal';

export interface JixiaoErrorOptions {
  file?: string | undefined;
  cause?: unknown;
}

export abstract class JixiaoError extends Error {
  abstract readonly disposition: ErrorDisposition;
  /** Stable machine-readable code, stored in ingest_errors.code. */
  abstract readonly code: string;
  readonly file: string | undefined;

  constructor(message: string, options: JixiaoErrorOptions = {}) {
    super(options.file ? `${options.file}: ${message}` : message, { cause: options.cause });
    this.name = new.target.name;
    this.file = options.file;
  }
}

/** Input the pipeline cannot use; never retried. */
export abstract class InputError extends JixiaoError {
  readonly disposition = 'permanent' as const;
}

export class EmptyFileError extends InputError {
  readonly code = 'empty_file';
}
export class UnsupportedFormatError extends InputError {
  readonly code = 'unsupported_format';
}
export class CorruptFileError extends InputError {
  readonly code = 'corrupt_file';
}
export class EncryptedFileError extends InputError {
  readonly code = 'encrypted_file';
}
export class FileTooLargeError extends InputError {
  readonly code = 'file_too_large';
}
/** A compressed container (DOCX/XLSX) whose content would expand beyond the configured limit. */
export class ZipBombError extends InputError {
  readonly code = 'zip_bomb';
}
/** The file decodes but holds no usable text (e.g. every page needs OCR and OCR is off). */
export class NoTextError extends InputError {
  readonly code = 'no_text';
}

/**
 * The bytes decode, but not to language: mostly control, unassigned, private-use or replacement
 * characters, no Chinese at all, or Chinese characters that real text does not use (random bytes
 * read as GB18030). Never stored as a report.
 */
export class NotTextError extends InputError {
  readonly code = 'not_text';
}
/** The document took longer than the per-document time budget; the batch goes on without it. */
export class TimeoutError extends InputError {
  readonly code = 'timeout';
}

/** A service is unreachable or failed mid-operation; retry with backoff. */
export type ServiceName = 'redis' | 'postgres' | 'pglite';

export class ServiceUnavailableError extends JixiaoError {
  readonly disposition = 'transient' as const;
  readonly code: string;
  constructor(readonly service: ServiceName, message: string, options: JixiaoErrorOptions = {}) {
    super(message, options);
    this.code = `${service}_unavailable`;
  }
}

/** Bad configuration: stop the process. */
export class ConfigError extends JixiaoError {
  readonly disposition = 'fatal' as const;
  readonly code = 'bad_config';
}

/** The embedded database directory is open in another process: PGlite has one writer. */
export class DataDirInUseError extends JixiaoError {
  readonly disposition = 'fatal' as const;
  readonly code = 'data_dir_in_use';
}

/** A read command pointed at a directory that holds no database: nothing to read, nothing created. */
export class NoDatabaseError extends InputError {
  readonly code = 'no_database';
}

export function isJixiaoError(error: unknown): error is JixiaoError {
  return error instanceof JixiaoError;
}

/** What to do with any thrown value: unknown errors are treated as permanent bugs for that input. */
export function dispositionOf(error: unknown): ErrorDisposition {
  return isJixiaoError(error) ? error.disposition : 'permanent';
}

export function errorCode(error: unknown): string {
  return isJixiaoError(error) ? error.code : 'internal_error';
}
