/**
 * Option parsers shared by every command. A bad value is a usage error: commander prints
 * "error: option '--year <year>' argument 'abc' is invalid. …" and the CLI exits 2 (see main.ts).
 */
import { InvalidArgumentError } from 'commander';
import { KIND_VALUES } from '../schema/kinds.js';

export { KIND_VALUES } from '../schema/kinds.js';

export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/u.test(value.trim()) || year < 1900 || year > 2999) throw new InvalidArgumentError('expected a year such as 2023');
  return year;
}

export function parseKind(value: string): string {
  const kind = value.trim();
  if (!KIND_VALUES.includes(kind)) throw new InvalidArgumentError(`expected one of ${KIND_VALUES.join(' | ')}`);
  return kind;
}

/** An extractor version such as 0.3.0 (or 0.3, 1). */
export function parseVersion(value: string): string {
  const version = value.trim();
  if (!/^\d+(\.\d+){0,2}$/u.test(version)) throw new InvalidArgumentError('expected an extractor version such as 0.3.0');
  return version;
}

export function parsePositiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/u.test(value.trim()) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** Help text: examples, then the exit codes every command shares. */
export function helpWith(examples: readonly string[]): string {
  return `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n\n${EXIT_CODES_HELP}`;
}

export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  a check failed (check) or some file failed (ingest, reprocess)
  2  bad input (empty, corrupt, encrypted, unsupported, too large) or bad usage (unknown option, invalid value)
  3  bad configuration or a service down (database, Redis)`;
