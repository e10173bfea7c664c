/**
 * The server store: PostgreSQL through a `pg` pool. Tables live in `schema` (via the connection's
 * search_path) so several installations or test runs can share one database.
 */
import pg from 'pg';
import { ConfigError, isJixiaoError, ServiceUnavailableError } from '../errors.js';
import { SqlStore, type SqlDriver, type SqlRow, type SqlSession } from './sql-store.js';
import type { InspectableStore } from './store.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database; a `schema` query parameter is taken as `schema`. */
  url: string;
  /** Schema holding the tables (created by migrate); default: the server's search_path. */
  schema?: string;
  poolSize?: number;
  /** Give up connecting after this long (default 5000 ms). */
  connectTimeoutMs?: number;
}

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Wrong credentials or a database that does not exist: retrying cannot help. */
const CONFIG_SQLSTATES = new Set(['28P01', '28000', '3D000']);
/** serialization_failure, deadlock_detected: the transaction may simply be run again. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const TRANSACTION_ATTEMPTS = 3;

const CONNECTION_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection timeout|client has encountered a connection error|terminating connection/i;

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

function errorCodes(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const codes: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') codes.push(code);
  // Node's happy-eyeballs connect reports one failure per address in an AggregateError.
  if (error instanceof AggregateError) for (const inner of error.errors) codes.push(...errorCodes(inner));
  return codes;
}

function isConnectionFailure(error: unknown): boolean {
  const codes = errorCodes(error);
  if (codes.some((code) => CONNECTION_ERRNOS.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) {
    return true;
  }
  return error instanceof Error && CONNECTION_MESSAGE.test(error.message);
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map((inner) => (inner instanceof Error ? inner.message : String(inner))).join('; ');
  }
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Turns driver errors into JixiaoErrors where a caller must act differently; SQL errors pass through. */
function mapError(error: unknown, where: string): unknown {
  if (isJixiaoError(error)) return error;
  if (isConnectionFailure(error)) {
    return new ServiceUnavailableError('postgres', `PostgreSQL at ${where} unavailable: ${describe(error)}`, { cause: error });
  }
  if (errorCodes(error).some((code) => CONFIG_SQLSTATES.has(code))) {
    return new ConfigError(`PostgreSQL at ${where}: ${describe(error)}`, { cause: error });
  }
  return error;
}

function isRetryable(error: unknown): boolean {
  return errorCodes(error).some((code) => RETRYABLE_SQLSTATES.has(code));
}

function sessionOf(client: pg.PoolClient): SqlSession {
  return {
    async query<R extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await client.query<R>(sql, toPgParams(params))).rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** pg sends Buffers as bytea; a plain Uint8Array would be sent as an array literal. */
function toPgParams(params: readonly unknown[]): unknown[] {
  return params.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value,
  );
}

interface ParsedUrl {
  url: string;
  schema: string | undefined;
  /** host:port/database, for messages (never the password). */
  where: string;
}

function parseUrl(raw: string): ParsedUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new ConfigError(`not a PostgreSQL URL: ${JSON.stringify(raw.replace(/:[^:@/]*@/, ':***@'))}`, { cause: error });
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`not a PostgreSQL URL (scheme ${url.protocol}): expected postgres://user@host:port/database`);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { url: url.toString(), schema, where: `${url.host || 'localhost'}${url.pathname}` };
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<InspectableStore> {
  const parsed = parseUrl(options.url);
  const schema = options.schema ?? parsed.schema ?? null;
  if (schema !== null && !SCHEMA_PATTERN.test(schema)) {
    throw new ConfigError(`bad schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  if (options.poolSize !== undefined && (!Number.isInteger(options.poolSize) || options.poolSize < 1)) {
    throw new ConfigError(`bad poolSize ${options.poolSize}: must be a positive integer`);
  }
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: parsed.url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      keepAlive: true,
      // Lets an operator find (or terminate) this store's sessions in pg_stat_activity.
      application_name: schema !== null ? `jixiao:${schema}` : 'jixiao',
      ...(schema !== null ? { options: `-c search_path=${schema}` } : {}),
    });
  } catch (error) {
    throw new ConfigError(`bad PostgreSQL URL: ${describe(error)}`, { cause: error });
  }
  // An idle client whose server went away emits here; the pool drops it and the next query
  // reconnects or fails with a mapped error, so there is nothing to do but keep the process alive.
  pool.on('error', () => {});

  const where = parsed.where;
  let closing: Promise<void> | null = null;
  const driver: SqlDriver = {
    kind: 'postgres',
    schema,
    async query<R extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      try {
        return (await pool.query<R>(sql, toPgParams(params))).rows;
      } catch (error) {
        throw mapError(error, where);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await pool.query(sql);
      } catch (error) {
        throw mapError(error, where);
      }
    },
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          throw mapError(error, where);
        }
        try {
          await client.query('BEGIN');
          const result = await fn(sessionOf(client));
          await client.query('COMMIT');
          client.release();
          return result;
        } catch (error) {
          let broken = isConnectionFailure(error);
          if (!broken) {
            try {
              await client.query('ROLLBACK');
            } catch {
              broken = true;
            }
          }
          // A broken connection must not go back to the pool.
          client.release(broken ? true : undefined);
          if (attempt < TRANSACTION_ATTEMPTS && isRetryable(error)) continue;
          throw mapError(error, where);
        }
      }
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };

  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await driver.close().catch(() => {});
    throw mapError(error, where);
  }
  return new SqlStore(driver);
}
